"""The corpus progress bar on stderr: articles parsed, events done, findings so far.

Silent with ``-q`` or when stderr is not a terminal (a script reading stderr
wants error lines, not redraws).
"""

from __future__ import annotations

import sys


class CorpusProgress:
    def __init__(self, enabled: bool):
        self._bar = None
        self._findings = 0
        if not (enabled and sys.stderr.isatty()):
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn, \
            TimeElapsedColumn

        self._bar = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[extra]}"), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        )
        self._articles = self._bar.add_task("articles parsed", total=None, extra="")
        self._events = self._bar.add_task("events done    ", total=None, extra="findings: 0")

    def __enter__(self) -> "CorpusProgress":
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()

    def articles_total(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(self._articles, total=n)

    def parsed(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.advance(self._articles, n)

    def events_total(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(self._events, total=n)

    def event_done(self, findings: int = 0) -> None:
        self._findings += findings
        if self._bar is not None:
            self._bar.update(self._events, advance=1, extra=f"findings: {self._findings}")
