"""claimrec's command line: options in, one library call, render, exit code.

Nothing here knows how claims are found; see ``claimrec.pipeline``.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import click

from claimrec._version import __version__
from claimrec.errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, ClaimrecError
from claimrec.options import FORMATS, RunOptions, command_options

if TYPE_CHECKING:  # pragma: no cover
    from claimrec.pipeline import PipelineConfig

# Library modules are imported inside the commands: `claimrec --help`, a usage error or
# `claimrec schema` must not wait for the pipeline (let alone spaCy) to import.

log = logging.getLogger("claimrec")


class _Group(click.Group):
    """Turns library errors into one stderr line and their exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            # the reader went away (`claimrec extract ... | head -1`): stop quietly, as Unix
            # tools do when SIGPIPE ends them, and keep Python from complaining at exit
            _silence_stdout()
            ctx.exit(EXIT_BROKEN_PIPE)
        except ClaimrecError as exc:
            _stop_progress(ctx)
            for err in getattr(exc, "errors", ()):
                _print_skipped(err)
            _print_error(str(exc))
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            _print_error("interrupted")
            ctx.exit(130)
        except Exception as exc:  # the last line of defence: never a bare traceback
            if _debug_requested(ctx):
                raise
            _print_error(f"internal error: {exc.__class__.__name__}: {exc} (rerun with --debug)")
            ctx.exit(EXIT_INTERNAL)


# 128 + SIGPIPE: the status a shell reports for a Unix tool that a closed pipe stopped
EXIT_BROKEN_PIPE = 141


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _debug_requested(ctx: click.Context) -> bool:
    if ctx.meta.get("claimrec.debug"):
        return True
    return "--debug" in sys.argv


def _print_error(message: str) -> None:
    click.echo(f"claimrec: error: {message}", err=True)


def _print_skipped(err) -> None:
    from claimrec.faults import describe

    click.echo(describe(err), err=True)


def _setup_logging(opts: RunOptions) -> None:
    level = logging.WARNING
    if opts.quiet:
        level = logging.ERROR
    if opts.debug:
        level = logging.DEBUG
    logging.basicConfig(level=level, format="claimrec: %(message)s", stream=sys.stderr, force=True)


def _config(opts: RunOptions, *, source_given_as: str = "--source") -> "PipelineConfig":
    from claimrec.pipeline import PipelineConfig
    from claimrec.progress import stderr_progress

    progress = None if opts.quiet else stderr_progress()
    click.get_current_context().find_root().meta["claimrec.progress"] = progress
    return PipelineConfig(
        source=opts.source, model=opts.model, jobs=opts.jobs,
        cache_dir=str(opts.cache_dir) if opts.cache_dir else None,
        use_cache=opts.use_cache, min_confidence=opts.min_confidence, debug=opts.debug,
        progress=progress, offline=opts.offline, source_given_as=source_given_as,
        party_aliases=opts.party_aliases, boilerplate=opts.boilerplate,
    )


def _stop_progress(ctx: Optional[click.Context] = None) -> None:
    """The progress display off the screen before anything else is written to the terminal."""
    ctx = ctx or click.get_current_context()
    progress = ctx.find_root().meta.get("claimrec.progress")
    if progress is not None:
        progress.stop()


def _warn_if_not_one_event(report, opts: RunOptions) -> None:
    from claimrec.corpus.coherence import EventCoherence

    found = report.stats.get("event_coherence")
    warning = EventCoherence(**found).warning() if found and not opts.quiet else None
    if warning:
        click.echo(f"claimrec: warning: {warning}", err=True)


def _report_errors(report) -> None:
    """One stderr line per skipped input, then one per internal error."""
    _stop_progress()
    for err in sorted(report.errors, key=lambda e: e.kind != "input"):
        _print_skipped(err)


def _emit(report, opts: RunOptions, *, default: str = "json", view: str = "report") -> None:
    from claimrec.render import render

    _stop_progress()
    fmt = opts.format or ("table" if opts.output is None and sys.stdout.isatty() else default)
    text = render(report, fmt, view=view, to_terminal=opts.output is None and sys.stdout.isatty())
    if opts.output is not None:
        _write_output(opts.output, text)
        return
    if not text.endswith("\n"):
        text += "\n"
    # in pieces, so a reader that stops early (`| head -1`) is noticed at the next piece
    # rather than hidden behind one partial write of the whole report
    for at in range(0, len(text), _PIECE):
        click.echo(text[at:at + _PIECE], nl=False)


_PIECE = 1 << 16


def _write_output(path: Path, text: str) -> None:
    from claimrec.errors import UsageError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def _finish(report, opts: RunOptions) -> None:
    """Exit 3 when any article or pair hit an internal error (the output for the rest is
    written), else 1 when a finding is at or above --fail-on, else 0."""
    from claimrec.faults import internal_errors
    from claimrec.pipeline import should_fail

    ctx = click.get_current_context()
    if internal_errors(report.errors):
        ctx.exit(EXIT_INTERNAL)
    ctx.exit(EXIT_FINDINGS if should_fail(report.findings, opts.fail_on) else EXIT_OK)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimrec")
def cli() -> None:
    """Find who claimed what across news articles, and where they disagree."""


# what each command can write and act on (see claimrec.options.command_options)
NO_CLAIMREVIEW = tuple(f for f in FORMATS if f != "claimreview")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@command_options(formats=NO_CLAIMREVIEW, findings=False, parse=False)
def ingest(paths: tuple[str, ...], opts: RunOptions) -> None:
    """Show what was read: articles, roles, credits, removed boilerplate."""
    from claimrec.pipeline import ingest_paths
    from claimrec.models import Report

    _setup_logging(opts)
    articles, errors = ingest_paths(paths, _config(opts))
    report = Report(articles=articles, errors=errors)
    _report_errors(report)
    _emit(report, opts, view="ingest")


_SPEECH_ONLY = click.option("--speech-only", is_flag=True,
                            help="Keep only claims of reported speech (drop beliefs and plans).")


def _speech_view(report, speech_only: bool):
    from claimrec.claims.kinds import speech_only_report

    return speech_only_report(report) if speech_only else report


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_SPEECH_ONLY
@command_options(formats=NO_CLAIMREVIEW, source=False, findings=False)
def extract(paths: tuple[str, ...], opts: RunOptions, speech_only: bool) -> None:
    """Extract attributed claims (speaker, cue, content, quote type, stance)."""
    from claimrec.pipeline import build_extract_report

    _setup_logging(opts)
    report = _speech_view(build_extract_report(paths, _config(opts)), speech_only)
    _emit(report, opts, view="claims")
    _report_errors(report)
    _finish(report, opts)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_SPEECH_ONLY
@command_options()
def reconcile(paths: tuple[str, ...], opts: RunOptions, speech_only: bool) -> None:
    """One event, many articles: parties, aligned claims, contradictions, distortions."""
    from claimrec.pipeline import build_reconcile_report

    _setup_logging(opts)
    report = _speech_view(build_reconcile_report(paths, _config(opts)), speech_only)
    _stop_progress()
    _warn_if_not_one_event(report, opts)
    _emit(report, opts)
    _report_errors(report)
    _finish(report, opts)


@cli.command()
@click.argument("source_path", metavar="SOURCE")
@click.argument("rewrite_path", metavar="REWRITE")
@command_options(source=False)
def diff(source_path: str, rewrite_path: str, opts: RunOptions) -> None:
    """A wire story against a rewritten copy, side by side."""
    from dataclasses import replace

    from claimrec.pipeline import build_reconcile_report

    _setup_logging(opts)
    opts = replace(opts, source=source_path)
    report = build_reconcile_report([source_path, rewrite_path], _config(opts, source_given_as="SOURCE"))
    _stop_progress()
    _warn_if_not_one_event(report, opts)
    _emit(report, opts, view="diff")
    _report_errors(report)
    _finish(report, opts)


@cli.command()
@click.argument("path")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler address.")
@command_options(formats=("jsonl",))
def corpus(path: str, engine: str, scheduler: Optional[str], opts: RunOptions) -> None:
    """Many events: group articles, reconcile each event, stream JSONL."""
    from dataclasses import replace

    from claimrec.corpus import run_corpus
    from claimrec.pipeline import should_fail

    _setup_logging(opts)
    # corpus draws its own progress bar; a second live display would garble stderr
    config = _config(replace(opts, quiet=True))
    worst, internal = run_corpus(path, config, output=opts.output, engine=engine,
                                 scheduler=scheduler, quiet=opts.quiet)
    ctx = click.get_current_context()
    if internal:
        ctx.exit(EXIT_INTERNAL)
    ctx.exit(EXIT_FINDINGS if worst and should_fail(worst, opts.fail_on) else EXIT_OK)


@cli.group(name="eval", cls=_Group)
def eval_() -> None:
    """Score claimrec against gold annotations."""


def _emit_scores(scores, render, format_: Optional[str]) -> None:
    """An evaluation's skipped inputs (one line each), then its scores (table on a terminal)."""
    for err in scores.skipped:
        _print_skipped(err)
    click.echo(render(scores, format_ or ("table" if sys.stdout.isatty() else "json")))


@eval_.command(name="attribution")
@click.option("--gold", "gold_dir", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="brat standoff folder (text/*.txt + attributions/*.ann).")
@click.option("-f", "--format", "format_", type=click.Choice(["table", "json"]), default=None)
@click.option("--model", default=None)
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--speech-only", is_flag=True,
              help="Score only claims of reported speech (not beliefs or plans).")
def eval_attribution(gold_dir: Path, format_: Optional[str], model: Optional[str],
                     limit: Optional[int], speech_only: bool) -> None:
    """Attribution extraction against brat (PolNeAR-style) gold."""
    from claimrec.errors import UsageError
    from claimrec.evaluate.attribution import evaluate_attribution, render_attribution

    try:
        scores = evaluate_attribution(gold_dir, model=model, limit=limit, speech_only=speech_only)
    except FileNotFoundError as exc:  # not a brat layout: the user's input, not our bug
        raise UsageError(str(exc)) from None
    _emit_scores(scores, render_attribution, format_)


@eval_.command(name="distortion")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-f", "--format", "format_", type=click.Choice(["table", "json"]), default=None)
@click.option("--model", default=None)
@click.option("--limit", type=int, default=None, help="Score only the first N records.")
def eval_distortion(path: Path, format_: Optional[str], model: Optional[str],
                    limit: Optional[int]) -> None:
    """Distortion findings against FRANK-style labelled rewrites (JSONL)."""
    from claimrec.evaluate.distortion import evaluate_distortion, render_distortion

    scores = evaluate_distortion(path, model=model, limit=limit)
    _emit_scores(scores, render_distortion, format_)


@eval_.command(name="perturb")
@click.argument("folder", type=click.Path(exists=True, path_type=Path))
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the perturbations.")
@click.option("--per-kind", type=click.IntRange(min=1), default=1, show_default=True,
              help="Perturbed copies per kind and article.")
@click.option("--limit", type=int, default=None, help="Use only the first N articles.")
@click.option("--kinds", default=None, help="Comma-separated perturbation kinds (default: all).")
@click.option("-f", "--format", "format_", type=click.Choice(["table", "json"]), default=None)
@click.option("--model", default=None)
def eval_perturb(folder: Path, seed: int, per_kind: int, limit: Optional[int], kinds: Optional[str],
                 format_: Optional[str], model: Optional[str]) -> None:
    """Distortion recall and control false alarms on perturbed copies of the articles in FOLDER."""
    from claimrec.errors import UsageError
    from claimrec.evaluate.perturb import evaluate_perturb, parse_kinds, render_perturb
    from claimrec.progress import stderr_progress

    try:
        selected = parse_kinds(kinds)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    scores = evaluate_perturb(folder, seed=seed, per_kind=per_kind, limit=limit, kinds=selected, model=model,
                              progress=stderr_progress())
    _emit_scores(scores, render_perturb, format_)


@eval_.command(name="contradictions")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--judged", "judged_file", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSONL of judged findings (article, sides, verdict, reason).")
@click.option("-f", "--format", "format_", type=click.Choice(["table", "json"]), default=None)
@click.option("--model", default=None)
@click.option("--limit", type=int, default=None, help="Score only the first N articles or events.")
def eval_contradictions(folder: Path, judged_file: Path, format_: Optional[str], model: Optional[str],
                        limit: Optional[int]) -> None:
    """Precision of party contradictions on the articles of FOLDER (each .txt alone, each
    subfolder as one event) against judged findings."""
    from claimrec.evaluate.contradictions import evaluate_contradictions, render_contradictions

    scores = evaluate_contradictions(folder, judged_file, model=model, limit=limit)
    _emit_scores(scores, render_contradictions, format_)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the report."""
    from claimrec.models import Report

    click.echo(json.dumps(Report.model_json_schema(), indent=2, sort_keys=True))


def main() -> None:
    cli(prog_name="claimrec")


if __name__ == "__main__":  # pragma: no cover
    main()
