"""Helpers the scorers share: rounded rates and plain-text score tables."""

from __future__ import annotations


def ratio(part: int, whole: int) -> float:
    """``part / whole`` to four places; 0.0 for an empty denominator (nothing to score is not a failure)."""
    return round(part / whole, 4) if whole else 0.0


def tables_as_text(*tables, width: int = 100) -> str:
    """rich tables printed without colour or terminal codes, so scores diff and log cleanly."""
    from io import StringIO

    from rich.console import Console

    buf = StringIO()
    console = Console(file=buf, width=width, force_terminal=False, color_system=None)
    for table in tables:
        console.print(table)
    return buf.getvalue()
