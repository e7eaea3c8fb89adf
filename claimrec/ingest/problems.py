"""The one exception ingestion raises for an input it has to skip."""

from __future__ import annotations


class BadInput(Exception):
    """An input (file, stdin, JSONL line) that cannot become an article.

    ``reason`` is the human sentence the CLI prints after the path; callers
    attach the path, since readers often do not know how it was spelled.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def nothing_readable(errors: list) -> Exception:
    """The error for a run where no input gave an article (exit 2), carrying every failure."""
    from claimrec.errors import NoUsableInput

    return NoUsableInput("no readable article among the inputs", errors)
