"""Northshire Safeguarding Children Partnership's own checks for scr-checks."""

__version__ = "1.0.0"
