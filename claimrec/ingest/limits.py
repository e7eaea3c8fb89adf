"""Size cap on inputs, and reads that never pull more than the cap into memory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Optional

from claimrec.errors import UsageError
from claimrec.ingest.problems import BadInput

MAX_BYTES_ENV = "CLAIMREC_MAX_BYTES"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def resolve_max_bytes(requested: Optional[int] = None) -> int:
    """The cap: the keyword argument, then $CLAIMREC_MAX_BYTES, then 20 MB."""
    if requested is not None:
        if requested <= 0:
            raise UsageError(f"max_bytes must be positive, got {requested}")
        return requested
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        value = int(raw)
    except ValueError:
        raise UsageError(f"{MAX_BYTES_ENV} must be a whole number of bytes, got {raw!r}") from None
    if value <= 0:
        raise UsageError(f"{MAX_BYTES_ENV} must be positive, got {value}")
    return value


def human_size(n: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def too_big(size: int, cap: int, *, at_least: bool = False) -> BadInput:
    what = f"more than {human_size(cap)}" if at_least else human_size(size)
    return BadInput(f"file too large ({what}; the cap is {human_size(cap)}, "
                    f"raise it with {MAX_BYTES_ENV})")


def read_capped_stream(stream: BinaryIO, cap: int) -> bytes:
    # One byte past the cap is enough to know the input is too big, and a
    # device like /dev/zero reports no size to check beforehand.
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise too_big(len(data), cap, at_least=True)
    return data


def read_capped_file(path: Path, cap: int) -> bytes:
    """The bytes of ``path``; :class:`BadInput` for too big or unreadable files."""
    try:
        if path.is_dir():
            raise BadInput("is a directory, expected a file")
        size = path.stat().st_size
        if size > cap:
            raise too_big(size, cap)
        with path.open("rb") as handle:
            return read_capped_stream(handle, cap)
    except BadInput:
        raise
    except FileNotFoundError:
        broken = path.is_symlink()
        raise BadInput("broken symbolic link" if broken else "no such file or directory") from None
    except PermissionError:
        raise BadInput("permission denied") from None
    except IsADirectoryError:
        raise BadInput("is a directory, expected a file") from None
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror or exc}") from None
