"""Progress on stderr (never stdout, which carries only the result).

On a terminal: a rich progress bar with the number of articles to parse, how
many are done and the time left, then the stage being worked on; transient,
so it leaves nothing behind, and stopped before the result is written, so the
first line of the report never lands on a half-drawn bar. Anywhere else
(stderr redirected, a CI log): nothing, since scripts reading stderr want
error lines, not redraws.
"""

from __future__ import annotations

import sys
from typing import Optional

_LABELS = {"parsed": "parsing articles"}
_STAGES = {"parse": None, "annotate": "reading sentences", "extract": "extracting claims", "resolve": "resolving parties",
           "align": "aligning articles", "detect": "looking for contradictions and distortions"}


class StageProgress:
    """A progress callback ``(what, n)`` with ``total(what, n)`` and ``stage(name)``; ``stop()`` ends it."""

    def __init__(self, enabled: bool = True) -> None:
        self._bar = None
        self._tasks: dict[str, int] = {}
        self._stage: Optional[int] = None
        if not (enabled and sys.stderr.isatty()):
            return
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        counted = _only_counted
        self._bar = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), counted(BarColumn()),
            counted(MofNCompleteColumn()), counted(TextColumn("elapsed")), counted(TimeElapsedColumn()),
            counted(TextColumn("left")), counted(TimeRemainingColumn()),
            console=Console(stderr=True), transient=True,
        )
        self._bar.start()

    @property
    def live(self) -> bool:
        return self._bar is not None

    def _task(self, what: str) -> Optional[int]:
        if self._bar is None:
            return None
        if what not in self._tasks:
            self._tasks[what] = self._bar.add_task(_LABELS.get(what, what), total=None)
        return self._tasks[what]

    def total(self, what: str, n: int) -> None:
        task = self._task(what)
        if task is not None:
            self._bar.update(task, total=n)

    def __call__(self, what: str, n: int = 1) -> None:
        task = self._task(what)
        if task is not None:
            self._bar.advance(task, n)

    def stage(self, name: str) -> None:
        """The stage now running, on a line of its own (no count: each is quick next to parsing)."""
        if self._bar is None:
            return
        label = _STAGES.get(name, name)
        if label is None:
            return  # its own bar says it
        if self._stage is None:
            self._stage = self._bar.add_task(label, total=None)
        else:
            self._bar.update(self._stage, description=label)

    def stop(self) -> None:
        """Take the display off the screen; call before writing anything else to the terminal."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> "StageProgress":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _only_counted(column):
    """A column drawn only for tasks with a known total (a stage line is just its words)."""
    from rich.text import Text

    draw = column.render

    def render(task):
        return draw(task) if task.total is not None else Text("")

    column.render = render
    return column


def stderr_progress(enabled: bool = True) -> StageProgress:
    """The progress display for one command (silent unless stderr is a terminal)."""
    return StageProgress(enabled)
