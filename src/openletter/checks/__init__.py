"""Catalog checks: every problem a ``Problem(path, line, severity, code, message)``."""
