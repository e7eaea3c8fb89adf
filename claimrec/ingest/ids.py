"""Stable, unique article ids: the file stem, then stem-2, stem-3 on collision."""

from __future__ import annotations


class IdAllocator:
    def __init__(self) -> None:
        self._taken: set[str] = set()

    def allocate(self, wanted: str) -> str:
        wanted = wanted.strip() or "article"
        candidate, n = wanted, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{wanted}-{n}"
        self._taken.add(candidate)
        return candidate
