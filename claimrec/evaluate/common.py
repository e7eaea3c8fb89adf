"""Helpers the scorers share: reading dataset files, rounded rates, plain-text score tables."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from claimrec.models import InputError


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


def read_text(path: Path, skipped: Optional[list[InputError]] = None, *,
              line_records: bool = False) -> Optional[str]:
    """A gold or dataset file's text, or None when it is empty, binary or undecodable.

    Decoding is ingestion's (UTF-8 first, then detection), and the bytes are
    decoded as they are: brat offsets count "\\r\\n" as two characters. A file
    that cannot be read is recorded in ``skipped`` with the reason;
    ``line_records`` as in :func:`~claimrec.ingest.encoding.decode_bytes`.
    """
    from claimrec.ingest.encoding import decode_bytes
    from claimrec.ingest.problems import BadInput

    try:
        return decode_bytes(path.read_bytes(), line_records=line_records)
    except BadInput as exc:
        reason = exc.reason
    except OSError as exc:
        reason = exc.strerror or str(exc)
    if skipped is not None:
        skipped.append(InputError(path=str(path), reason=reason))
    return None
