"""The pipeline wired end to end: ingest -> parse -> extract -> resolve -> align -> detect.

Each stage is a plain function in its own module; this module only chains
them and builds the :class:`~claimrec.models.Report`. The CLI calls these
functions and renders what they return.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from claimrec.errors import NoUsableInput
from claimrec.models import SEVERITY_RANK, Article, Claim, Finding, InputError, Report

log = logging.getLogger(__name__)

Progress = Callable[[str, int], None]


@dataclass
class PipelineConfig:
    source: Optional[str] = None
    model: Optional[str] = None
    jobs: int = 1
    cache_dir: Optional[str] = None
    use_cache: bool = True
    min_confidence: float = 0.0
    progress: Optional[Progress] = None
    timings: dict = field(default_factory=dict)


def _tick(config: PipelineConfig, what: str, n: int = 1) -> None:
    if config.progress:
        config.progress(what, n)


def ingest_paths(paths: Sequence[str], config: PipelineConfig) -> tuple[list[Article], list[InputError]]:
    from claimrec.ingest import read_inputs

    result = read_inputs(list(paths), source=config.source)
    if not result.articles:
        raise NoUsableInput("no readable article among the inputs")
    return result.articles, result.errors


def parse_articles(articles: Sequence[Article], config: PipelineConfig) -> list:
    from pathlib import Path

    from claimrec.nlp import parse_texts

    started = time.perf_counter()
    docs = parse_texts(
        [a.text for a in articles],
        model=config.model,
        cache_dir=Path(config.cache_dir) if config.cache_dir else None,
        use_cache=config.use_cache,
        n_process=config.jobs,
        on_parsed=lambda n: _tick(config, "parsed", n),
    )
    config.timings["parse"] = time.perf_counter() - started
    return docs


def extract_all(articles: Sequence[Article], docs: Sequence) -> list[Claim]:
    from claimrec.extract import extract_claims

    claims: list[Claim] = []
    for article, doc in zip(articles, docs):
        claims.extend(extract_claims(article, doc))
    return claims


def build_extract_report(paths: Sequence[str], config: PipelineConfig) -> Report:
    """Articles and their claims (with speakers resolved to parties)."""
    from claimrec.resolve import resolve_parties

    articles, errors = ingest_paths(paths, config)
    docs = parse_articles(articles, config)
    claims = extract_all(articles, docs)
    parties, claims = resolve_parties(articles, claims, docs=docs)
    return Report(articles=articles, parties=parties, claims=claims, errors=errors,
                  stats=_stats(articles, claims, [], config))


def build_reconcile_report(paths: Sequence[str], config: PipelineConfig) -> Report:
    """The main job: one event, many articles -> the full report."""
    articles, errors = ingest_paths(paths, config)
    return reconcile_articles(articles, config, errors=errors)


def reconcile_articles(
    articles: Sequence[Article], config: PipelineConfig, *, errors: Sequence[InputError] = (),
    docs: Optional[Sequence] = None,
) -> Report:
    """extract -> resolve -> align -> detect over one event's articles.

    ``docs`` are the articles' parses when the caller already has them (corpus
    engines stream them); otherwise the articles are parsed here.
    """
    from claimrec.align import align_articles
    from claimrec.detect import detect_findings
    from claimrec.resolve import resolve_parties

    articles = list(articles)
    docs = list(docs) if docs is not None else parse_articles(articles, config)
    started = time.perf_counter()
    claims = extract_all(articles, docs)
    parties, claims = resolve_parties(articles, claims, docs=docs)
    alignments, derivations = align_articles(articles, docs, claims)
    findings = detect_findings(articles, docs, claims, parties, alignments, derivations)
    findings = select_findings(findings, config.min_confidence)
    config.timings["analyse"] = time.perf_counter() - started
    return Report(
        articles=articles, parties=parties, claims=claims, alignments=alignments,
        derivations=derivations, findings=findings, errors=list(errors),
        stats=_stats(articles, claims, findings, config),
    )


def select_findings(findings: Sequence[Finding], min_confidence: float) -> list[Finding]:
    """Drop findings under the confidence floor; most severe, most certain first."""
    kept = [f for f in findings if f.confidence >= min_confidence]
    # sorted() is stable: equal severity and confidence keep the detectors' order
    return sorted(kept, key=lambda f: (-SEVERITY_RANK[f.severity], -f.confidence))


def _stats(articles, claims, findings, config: PipelineConfig) -> dict:
    by_severity = {s: 0 for s in SEVERITY_RANK}
    for f in findings:
        by_severity[f.severity] += 1
    return {
        "articles": len(articles),
        "claims": len(claims),
        "findings": len(findings),
        "findings_by_severity": by_severity,
    }


def should_fail(findings: Sequence[Finding], fail_on: str) -> bool:
    """True when some finding is at or above ``fail_on`` (``never`` never fails)."""
    if fail_on == "never":
        return False
    floor = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[f.severity] >= floor for f in findings)
