"""The library's front door: reconcile, diff and extract, on paths or articles.

    import claimrec

    report = claimrec.reconcile(["wire.txt", "rewrite.txt"], source="wire.txt")
    for f in report.findings:
        print(f.severity, f.kind, f.summary)

Each takes paths (files, folders, ``-`` for stdin, http(s) URLs) or
:class:`~claimrec.models.Article` objects, plus the options of the command line as
keywords (``source``, ``model``, ``jobs``, ``cache_dir``, ``use_cache``,
``min_confidence``, ``debug``, ``offline``, ...; see
:class:`~claimrec.pipeline.PipelineConfig`), and returns a
:class:`~claimrec.models.Report`. Unreadable inputs and internal errors are in
``report.errors``; stage timings in ``report.stats["seconds"]``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Union

from claimrec.models import Article, Report
from claimrec.pipeline import PipelineConfig, extract_articles, ingest_paths, reconcile_articles

Inputs = Union[str, Article, Iterable[Union[str, Article]]]


def _config(options: dict) -> PipelineConfig:
    if "cache_dir" in options and options["cache_dir"] is not None:
        options = {**options, "cache_dir": str(options["cache_dir"])}
    return PipelineConfig(**options)


def _articles(inputs: Inputs, config: PipelineConfig):
    items = [inputs] if isinstance(inputs, (str, Article)) else list(inputs)
    paths = [str(x) for x in items if not isinstance(x, Article)]
    given = [x for x in items if isinstance(x, Article)]
    errors = []
    articles = list(given)
    if paths:
        read, errors = ingest_paths(paths, config)
        articles += read
    return articles, errors


def reconcile(inputs: Inputs, **options) -> Report:
    """One event, many articles: parties, aligned claims, contradictions, distortions."""
    config = _config(options)
    articles, errors = _articles(inputs, config)
    return reconcile_articles(articles, config, errors=errors)


def diff(source: Union[str, Article], rewrite: Union[str, Article], **options) -> Report:
    """A wire story against a rewritten copy of it."""
    config = _config(options)
    if isinstance(source, Article) and isinstance(rewrite, Article):
        articles = [source.model_copy(update={"role": "source"}), rewrite.model_copy(update={"role": "rewrite"})]
        return reconcile_articles(articles, config)
    if isinstance(source, str):
        config = replace(config, source=source)
    articles, errors = _articles([source, rewrite], config)
    return reconcile_articles(articles, config, errors=errors)


def extract(inputs: Inputs, **options) -> Report:
    """Attributed claims only (with speakers resolved to parties)."""
    config = _config(options)
    articles, errors = _articles(inputs, config)
    return extract_articles(articles, config, errors=errors)
