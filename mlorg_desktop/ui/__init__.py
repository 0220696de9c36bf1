"""Qt widgets: the main window, one module per tab, charts and dialogs."""
