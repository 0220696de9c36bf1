"""Dialogs and message boxes: each modal interaction is one small function."""
