"""Helpers for tests that run the command line and compare whole reports."""

from __future__ import annotations

from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.models import Report


def run_json(args: list[str]) -> Report:
    """The report ``claimrec ARGS -f json -q`` writes (the run must not fail)."""
    result = CliRunner().invoke(cli, [*args, "-f", "json", "-q"])
    assert result.exit_code in (0, 1), result.stderr
    return Report.model_validate_json(result.stdout)


def same_report(a: Report, b: Report) -> bool:
    """Equal in everything but the run's own statistics (timings, cache counts)."""
    da, db = a.model_dump(), b.model_dump()
    da.pop("stats"), db.pop("stats")
    return da == db
