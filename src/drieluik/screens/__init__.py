"""Textual screens of the terminal app."""
