"""Where claimrec's data files (lexicons, patterns) live.

The project keeps them in the top-level ``data/`` folder; a wheel carries the
same files as the ``claimrec._data`` package (see pyproject.toml). Lookups go
through here so no module hard-codes a path.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

_PKG_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def data_dir() -> Path:
    candidates = [_PKG_DIR / "_data", _PKG_DIR.parent / "data"]
    for candidate in candidates:
        if (candidate / "lexicons").is_dir():
            return candidate
    raise FileNotFoundError("claimrec data files not found; reinstall claimrec")


@lru_cache(maxsize=None)
def load_json(relative: str) -> Any:
    """A JSON data file under ``data/``, parsed once per process."""
    with open(data_dir() / relative, encoding="utf-8") as handle:
        return json.load(handle)
