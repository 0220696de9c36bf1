"""Menu actions and the commands behind them (export, import, print, forms)."""
