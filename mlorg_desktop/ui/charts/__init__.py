"""pyqtgraph charts drawn in the window."""
