"""The window's tabs: one module per tab."""
