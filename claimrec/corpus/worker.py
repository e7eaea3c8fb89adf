"""Units of work shared by the engines; on Dask they run inside the workers.

A worker loads the spaCy pipeline once (``load_pipeline`` is memoised per
process) and ships back only small things: grouping keys, or the JSONL lines
of a reconciled event. Docs never leave the process that parsed them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from claimrec.corpus.features import ArticleKeys, article_keys
from claimrec.corpus.grouping import Event
from claimrec.corpus.reconcile import EventResult, event_result, reconcile_docs
from claimrec.models import Article
from claimrec.pipeline import PipelineConfig


@dataclass(frozen=True)
class WorkerSettings:
    """The part of the run's configuration a worker needs (picklable, no callbacks)."""

    model: Optional[str] = None
    cache_dir: Optional[str] = None
    use_cache: bool = True
    min_confidence: float = 0.0
    source: Optional[str] = None
    debug: bool = False

    @classmethod
    def from_config(cls, config: PipelineConfig) -> "WorkerSettings":
        return cls(model=config.model, cache_dir=config.cache_dir, use_cache=config.use_cache,
                   min_confidence=config.min_confidence, source=config.source, debug=config.debug)

    def config(self) -> PipelineConfig:
        return PipelineConfig(source=self.source, model=self.model, cache_dir=self.cache_dir,
                              use_cache=self.use_cache, min_confidence=self.min_confidence,
                              debug=self.debug)


def _pipeline_and_cache(settings: WorkerSettings):
    from claimrec.nlp import DocCache, default_cache_dir, load_pipeline, model_id

    nlp = load_pipeline(settings.model)
    cache = None
    if settings.use_cache:
        root = Path(settings.cache_dir) if settings.cache_dir else default_cache_dir()
        cache = DocCache(root, model_id(nlp))
    return nlp, cache


def keys_task(articles: Sequence[Article], settings: WorkerSettings) -> list[ArticleKeys]:
    """Parse a partition (through the cache) and keep only its grouping keys."""
    from claimrec.corpus.parsing import iter_docs

    nlp, cache = _pipeline_and_cache(settings)
    docs = iter_docs([a.text for a in articles], nlp, cache)
    return [article_keys(a, doc) for a, doc in zip(articles, docs)]


def event_task(event: Event, articles: Sequence[Article], settings: WorkerSettings) -> EventResult:
    """Parse, extract and reconcile one event; return its JSONL lines."""
    from claimrec.corpus.parsing import iter_docs

    nlp, cache = _pipeline_and_cache(settings)
    docs = list(iter_docs([a.text for a in articles], nlp, cache))
    report = reconcile_docs(articles, docs, settings.config())
    return event_result(event, report)
