"""newsindex: normalise news articles and index them for search (no web code here)."""

__version__ = "0.1.0"
