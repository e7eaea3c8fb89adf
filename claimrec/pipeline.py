"""The pipeline wired end to end: ingest -> parse -> annotate -> extract -> resolve -> align -> detect.

Each stage is a plain function in its own module; this module only chains
them and builds the :class:`~claimrec.models.Report`. Every unit of work runs
in isolation (:mod:`claimrec.faults`): one article's or one pair's internal
error is recorded in ``Report.errors`` and the rest of the report is still
built. Stage timings go to ``Report.stats["seconds"]``.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Mapping, Optional, Sequence

from claimrec.errors import NoUsableInput
from claimrec.faults import Faults, several
from claimrec.models import SEVERITY_RANK, Article, Finding, Report, RunError

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class PipelineConfig:
    """What a run is asked to do. Nothing comes back through it: results are in the Report."""

    source: Optional[str] = None
    model: Optional[str] = None
    jobs: int = 1
    cache_dir: Optional[str] = None
    use_cache: bool = True
    min_confidence: float = 0.0
    # raise internal errors at once (with their traceback) instead of recording them
    debug: bool = False
    progress: Optional[Progress] = None
    on_error: Optional[Callable[[RunError], None]] = None
    # inputs: URL fetching, how the user named the source, the project's config file additions
    offline: bool = False
    source_given_as: str = "--source"
    party_aliases: Mapping[str, Sequence[str]] = field(default_factory=dict)
    boilerplate: tuple[str, ...] = ()


@dataclass
class _Run:
    """One run's bookkeeping: its faults and stage timings (never handed to callers)."""

    config: PipelineConfig
    faults: Faults = field(init=False)
    seconds: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.faults = Faults(debug=self.config.debug, on_error=self.config.on_error)

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        if hasattr(self.config.progress, "stage"):
            self.config.progress.stage(stage)
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started

    def tick(self, what: str, n: int = 1) -> None:
        if self.config.progress:
            self.config.progress(what, n)


def ingest_paths(paths: Sequence[str], config: PipelineConfig) -> tuple[list[Article], list[RunError]]:
    from claimrec.ingest import read_inputs

    from claimrec.ingest.fetch import FetchSettings

    fetch = FetchSettings.from_env(cache_dir=Path(config.cache_dir) if config.cache_dir else None,
                                   use_cache=config.use_cache, offline=config.offline)
    result = read_inputs(list(paths), source=config.source, source_given_as=config.source_given_as,
                         fetch=fetch, extra_furniture=config.boilerplate)
    if not result.articles:
        raise NoUsableInput("no readable article among the inputs")
    return result.articles, result.errors


def parse_articles(articles: Sequence[Article], config: PipelineConfig,
                   faults: Optional[Faults] = None) -> list:
    """One Doc per article (None for an article whose parse failed, recorded in ``faults``)."""
    run = _Run(config)
    if faults is not None:
        run.faults = faults
    return _parse(run, articles)


def _parse(run: _Run, articles: Sequence[Article], root: Optional[Path] = None) -> list:
    """Docs through the parse cache (under ``root`` when given, even with --no-cache: a run's
    private folder)."""
    from claimrec.nlp import load_pipeline, parse_texts

    config = run.config
    nlp = load_pipeline(config.model)  # a missing model is the user's to fix: never isolated
    use_cache = config.use_cache or root is not None
    if root is None and config.cache_dir:
        root = Path(config.cache_dir)

    def parse(texts: list[str]) -> list:
        return parse_texts(texts, nlp, cache_dir=root, use_cache=use_cache,
                           n_process=1, on_parsed=lambda n: run.tick("parsed", n))

    if hasattr(config.progress, "total"):
        config.progress.total("parsed", len(articles))
    with run.timed("parse"):
        ok, docs, _ = run.faults.attempt(parse, [a.text for a in articles])
        if not ok:
            # something in the batch broke the parser: parse one by one so only the culprit is lost
            docs = [run.faults.run("parse", a.path, lambda t: parse([t])[0], a.text) for a in articles]
    return docs


def build_extract_report(paths: Sequence[str], config: PipelineConfig) -> Report:
    """Articles and their claims (with speakers resolved to parties)."""
    articles, errors = ingest_paths(paths, config)
    return extract_articles(articles, config, errors=errors)


def extract_articles(articles: Sequence[Article], config: PipelineConfig, *,
                     errors: Sequence[RunError] = ()) -> Report:
    """Per-article work through the analysis cache (:mod:`claimrec.analysis`): when every
    article is cached, nothing is parsed and spaCy is not even imported."""
    from claimrec.analysis import analyse_articles
    from claimrec.resolve import resolve_parties

    run = _Run(config)
    articles = list(articles)
    done = analyse_articles(run, articles, annotations=False)
    with run.timed("resolve"):
        parties, claims = resolve_parties(articles, done.claims(), faults=run.faults,
                                          aliases=config.party_aliases, scanned=done.scanned())
    return _report(run, articles, errors, cached=done.cached, parties=parties, claims=claims)


def build_reconcile_report(paths: Sequence[str], config: PipelineConfig) -> Report:
    """The main job: one event, many articles -> the full report."""
    articles, errors = ingest_paths(paths, config)
    return reconcile_articles(articles, config, errors=errors)


def reconcile_articles(
    articles: Sequence[Article], config: PipelineConfig, *, errors: Sequence[RunError] = (),
    docs: Optional[Sequence] = None,
) -> Report:
    """extract -> resolve -> align -> detect over one event's articles.

    ``docs`` are the articles' parses when the caller already has them (corpus
    engines stream them); otherwise the articles are parsed here. Per-article work
    (annotation, extraction, mention scan) comes from the analysis cache where it can
    (:mod:`claimrec.analysis`), so a warm rerun does only the cross-article stages.
    """
    from claimrec.align import align_articles
    from claimrec.analysis import analyse_articles
    from claimrec.corpus.coherence import event_coherence
    from claimrec.detect import detect_findings
    from claimrec.ingest.roles import confirm_roles
    from claimrec.resolve import resolve_parties

    run = _Run(config)
    articles = list(articles)
    faults = run.faults
    done = analyse_articles(run, articles, annotations=True, docs=docs)
    docs, adocs = done.docs, done.adocs
    with run.timed("resolve"):
        parties, claims = resolve_parties(articles, done.claims(), docs=docs, faults=faults,
                                          aliases=config.party_aliases, scanned=done.scanned())
    with run.timed("align"):
        alignments, derivations = align_articles(articles, adocs, claims, faults=faults)
    with run.timed("detect"):
        findings = detect_findings(articles, adocs, claims, parties, alignments, derivations, faults=faults)
    findings = select_findings(findings, config.min_confidence)
    articles = confirm_roles(articles, derivations)  # role reasons quote the alignment's count too
    coherence = faults.run("group", several([a.path for a in articles]) if articles else "-",
                           event_coherence, articles, docs, default=None)
    report = _report(run, articles, errors, cached=done.cached, parties=parties, claims=claims,
                     alignments=alignments, derivations=derivations, findings=findings)
    if coherence is not None:  # do the inputs look like one event? (the CLI warns when not)
        report.stats["event_coherence"] = coherence.model_dump()
    return report


def _report(run: _Run, articles: list[Article], errors: Sequence[RunError], *,
            cached: Optional[dict] = None, **parts) -> Report:
    findings = parts.get("findings", [])
    by_severity = {s: 0 for s in SEVERITY_RANK}
    for f in findings:
        by_severity[f.severity] += 1
    stats = {
        "articles": len(articles),
        "claims": len(parts.get("claims", [])),
        "findings": len(findings),
        "findings_by_severity": by_severity,
        "internal_errors": len(run.faults.errors),
        "seconds": {k: round(v, 3) for k, v in run.seconds.items()},
    }
    if cached is not None:
        stats["cached"] = cached
    return Report(articles=articles, errors=list(errors) + run.faults.errors, stats=stats, **parts)


def select_findings(findings: Sequence[Finding], min_confidence: float) -> list[Finding]:
    """Drop findings under the confidence floor; most severe, most certain first."""
    kept = [f for f in findings if f.confidence >= min_confidence]
    # sorted() is stable: equal severity and confidence keep the detectors' order
    return sorted(kept, key=lambda f: (-SEVERITY_RANK[f.severity], -f.confidence))


def should_fail(findings: Sequence[Finding], fail_on: str) -> bool:
    """True when some finding is at or above ``fail_on`` (``never`` never fails)."""
    if fail_on == "never":
        return False
    floor = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[f.severity] >= floor for f in findings)
