"""Fault isolation: one article's (or one article pair's) failure never ends the run.

Each unit of work (one article's extraction, one article's share of party
resolution, one pair's alignment, one detector phase on one pair) runs through
:meth:`Faults.run`. An unexpected exception there is caught once, at that
boundary, recorded as an internal :class:`~claimrec.models.RunError` (path,
stage, exception type and message) and the run goes on with everything else.
With ``debug`` the exception propagates at once, traceback and all: a developer
chasing a bug wants it where it happened, not in a report.

Errors that are claimrec's own way of refusing something (usage errors, a
missing model) are not faults of one article and always propagate.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence, TypeVar

from claimrec.errors import ClaimrecError
from claimrec.models import RunError

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class Faults:
    """Collects the internal errors of one run; ``on_error`` hears each as it happens."""

    debug: bool = False
    on_error: Optional[Callable[[RunError], None]] = None
    errors: list[RunError] = field(default_factory=list)

    def run(self, stage: str, path: str, fn: Callable[..., T], *args, default: T = None, **kwargs) -> T:
        """``fn(*args, **kwargs)``, or ``default`` when it raises (the error is recorded)."""
        ok, value, exc = self.attempt(fn, *args, **kwargs)
        if ok:
            return value
        self.record(stage, path, exc)
        return default

    def attempt(self, fn: Callable[..., T], *args, **kwargs) -> tuple[bool, Optional[T], Optional[Exception]]:
        """(True, value, None), or (False, None, exception) when ``fn`` failed; nothing recorded."""
        try:
            return True, fn(*args, **kwargs), None
        except (ClaimrecError, KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:
            if self.debug:
                raise
            return False, None, exc

    def record(self, stage: str, path: str, exc: BaseException) -> RunError:
        message = " ".join(str(exc).split()) or "(no message)"
        err = RunError(path=path, reason=f"{exc.__class__.__name__}: {message}", stage=stage,
                       kind="internal", exception=exc.__class__.__name__)
        self.errors.append(err)
        log.debug("internal error on %s (%s)", path, stage, exc_info=exc)
        if self.on_error is not None:
            self.on_error(err)
        return err

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def several(paths: Sequence[str]) -> str:
    """How an error in a cross-article step names its inputs."""
    if len(paths) == 1:
        return paths[0]
    return f"{paths[0]} and {len(paths) - 1} other article(s)"


def internal_errors(errors) -> list[RunError]:
    return [e for e in errors if e.kind == "internal"]


def describe(err: RunError) -> str:
    """The one stderr line for an error of either kind."""
    if err.kind == "internal":
        return f"claimrec: internal error on {err.path} ({err.stage}): {err.reason}; rerun with --debug"
    return f"claimrec: skipped {err.path}: {err.reason}"
