"""Textual widgets of the terminal app."""
