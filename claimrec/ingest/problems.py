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
    """The error for a run where no input gave an article, naming every input that failed.

    It is a :class:`~claimrec.errors.NoUsableInput` (exit 2); its message
    repeats the CLI's "skipped" lines because the CLI never gets to print them
    when the run stops here.
    """
    from claimrec.errors import NoUsableInput

    lines = ["no readable article among the inputs"]
    lines += [f"claimrec: skipped {e.path}: {e.reason}" for e in errors]
    exc = NoUsableInput("\n".join(lines))
    exc.errors = list(errors)  # type: ignore[attr-defined]
    return exc
