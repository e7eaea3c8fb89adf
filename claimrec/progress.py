"""Progress lines on stderr (never stdout, which carries only the result)."""

from __future__ import annotations

import sys
from typing import Callable


def stderr_progress() -> Callable[[str, int], None]:
    """A progress callback: a live rich counter on a terminal, silence otherwise.

    Scripts reading stderr of a non-interactive run want error lines, not a
    stream of counters, so nothing is drawn unless stderr is a terminal.
    """
    if not sys.stderr.isatty():
        return lambda what, n: None

    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    console = Console(stderr=True)
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), console=console,
                        transient=True)
    tasks: dict[str, int] = {}
    counts: dict[str, int] = {}
    progress.start()

    def tick(what: str, n: int) -> None:
        counts[what] = counts.get(what, 0) + n
        if what not in tasks:
            tasks[what] = progress.add_task(what)
        progress.update(tasks[what], description=f"{what}: {counts[what]}")

    import atexit

    atexit.register(progress.stop)
    return tick
