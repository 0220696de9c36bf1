"""Widgets the tabs are built from."""
