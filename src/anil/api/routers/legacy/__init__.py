"""Older API generations served over the same data."""
