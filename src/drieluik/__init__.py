"""drieluik: the chair's offline, encrypted tool for het Drieluik."""

__version__ = "0.1.0"
