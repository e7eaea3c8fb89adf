"""Command-line paths -> the list of inputs to read, folders walked in sorted order."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from claimrec.ingest.fetch import is_url
from claimrec.models import InputError

STDIN = "-"
# Documents that may well be articles but that claimrec cannot read as text:
# say so instead of calling them binary.
UNSUPPORTED_DOCUMENTS = frozenset({".pdf", ".doc", ".docx", ".odt", ".rtf", ".pages", ".epub"})
# Found in a folder walk, these are clearly not articles and are passed over
# without a word; any other suffix is tried as text.
NOT_ARTICLES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".ico", ".svg", ".heic",
    ".avif", ".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".flac", ".mov", ".avi", ".mkv", ".webm",
    ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".zst",
    ".woff", ".woff2", ".ttf", ".otf", ".eot", ".css", ".js", ".map",
    ".pyc", ".pyo", ".so", ".dll", ".exe", ".bin", ".o", ".a", ".class", ".jar", ".whl",
    ".db", ".sqlite", ".sqlite3", ".pkl", ".pickle", ".npy", ".npz", ".parquet", ".arrow",
    ".spacy", ".lock", ".ann", ".conf", ".ini", ".cfg", ".toml", ".yaml", ".yml", ".py", ".sh",
    ".csv", ".tsv", ".xls", ".xlsx", ".ods", ".log",
})


@dataclass(frozen=True)
class Candidate:
    """One thing to read: a file path as the user would recognise it, or stdin."""

    path: str
    stdin: bool = False
    url: bool = False  # an http(s) address, fetched (see claimrec.ingest.fetch)

    @property
    def suffix(self) -> str:
        return "" if self.stdin or self.url else Path(self.path).suffix.lower()


def expand_paths(paths: Iterable[str]) -> tuple[list[Candidate], list[InputError]]:
    """Every input to read, in order; errors for paths that lead to none."""
    found: list[Candidate] = []
    errors: list[InputError] = []
    stdin_taken = False
    for raw in paths:
        if raw == STDIN:
            if stdin_taken:
                errors.append(InputError(path=raw, reason="stdin given twice; read once"))
            else:
                found.append(Candidate(path=STDIN, stdin=True))
                stdin_taken = True
            continue
        if is_url(raw):
            found.append(Candidate(path=raw.strip(), url=True))
            continue
        path = Path(raw)
        if path.is_dir():
            inside, problems = _walk(path)
            errors.extend(problems)
            if not inside and not problems:
                errors.append(InputError(path=raw, reason="folder holds no article files"))
            found.extend(inside)
        elif path.exists() or path.is_symlink():
            found.append(Candidate(path=raw))
        else:
            errors.append(InputError(path=raw, reason="no such file or directory"))
    return found, errors


def _walk(root: Path) -> tuple[list[Candidate], list[InputError]]:
    errors: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        errors.append(InputError(path=str(exc.filename or root), reason=f"cannot list folder: {reason}"))

    files: list[tuple[tuple[str, ...], Path]] = []
    for folder, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if path.suffix.lower() in NOT_ARTICLES:
                continue
            files.append((path.relative_to(root).parts, path))
    files.sort(key=lambda item: item[0])
    return [Candidate(path=str(path)) for _, path in files], errors
