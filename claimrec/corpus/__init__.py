"""Corpus mode: many articles about many events.

Articles are grouped into events (an explicit event label, a subfolder, or
clustering), each event is reconciled on its own, and the results stream out
as JSONL, one event at a time. See :func:`claimrec.corpus.run.run_corpus`.
"""

from __future__ import annotations


def run_corpus(*args, **kwargs):
    # Imported on call so `import claimrec.corpus` stays cheap for the CLI.
    from claimrec.corpus.run import run_corpus as _run

    return _run(*args, **kwargs)


__all__ = ["run_corpus"]
