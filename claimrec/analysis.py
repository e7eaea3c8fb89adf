"""Per-article analysis: annotate, extract and scan for actor mentions, each article alone.

This is the part of a run that needs no other article, so it is cached
(:mod:`claimrec.analysis_cache`) and, with ``--jobs N``, run in N worker processes
that each load the spaCy pipeline once and parse, annotate and extract their share
(parsing alone in parallel leaves the rest of the per-article work on one core).

- ``claimrec extract`` needs only each article's :class:`ArticleAnalysis`: when every
  article is cached, nothing is parsed and spaCy is never imported; otherwise only the
  missing articles are parsed.
- ``claimrec reconcile`` also needs the parses and annotated documents (detectors read
  them): parses come from the parse cache, annotated documents from the analysis cache
  reattached to them.

Each unit of work stays isolated (:mod:`claimrec.faults`): an article whose annotation,
extraction or mention scan fails loses only its own share and is not cached, so a rerun
reports the same error.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from claimrec.analysis_cache import AnalysisCache, ArticleAnalysis
from claimrec.models import Article, RunError

if TYPE_CHECKING:  # pragma: no cover
    from claimrec.pipeline import PipelineConfig, _Run

log = logging.getLogger(__name__)

# Target characters of article text per worker task: big enough that the pipe and the
# task's own overhead are small next to its parse, small enough to balance the workers.
CHUNK_CHARS = 60_000
CHUNKS_PER_WORKER = 4
# Below this much text to parse, starting worker processes (each imports spaCy and loads
# the pipeline, about 2 s) costs more than it saves.
MIN_PARALLEL_CHARS = 100_000


@dataclass
class Analysed:
    """Per article: its analysis (None when it could not be parsed), and when asked for,
    its parse and annotated document."""

    analyses: list[Optional[ArticleAnalysis]]
    docs: list
    adocs: list
    cached: dict[str, int] = field(default_factory=dict)

    def scanned(self) -> list[Optional[tuple[list, Optional[str]]]]:
        return [(a.mentions, a.dominant, a.places) if a is not None else None for a in self.analyses]

    def claims(self) -> list:
        return [c for a in self.analyses if a is not None for c in a.claims]


def analyse_articles(run: "_Run", articles: Sequence[Article], *, annotations: bool,
                     docs: Optional[Sequence] = None) -> Analysed:
    """Each article's analysis, through the cache; with ``annotations`` also every
    article's parse and annotated document. ``docs``: parses the caller already has."""
    articles = list(articles)
    config = run.config
    spill: Optional[str] = None
    try:
        root = _cache_root(config)
        jobs = config.jobs if docs is None else 1
        if root is None and jobs > 1 and len(articles) > 1:
            # workers hand their parses and annotations over through files; without a user
            # cache they go to a private folder removed at the end of the run
            spill = tempfile.mkdtemp(prefix="claimrec-run-")
            root = Path(spill)
        model = None if root is None else _model_for_cache(config, docs)
        cache = AnalysisCache(root, model) if model is not None else None
        return _analyse(run, articles, annotations, docs, cache, root, jobs, private=spill is not None)
    finally:
        if spill:
            shutil.rmtree(spill, ignore_errors=True)


def _cache_root(config: "PipelineConfig") -> Optional[Path]:
    if not config.use_cache:
        return None
    from claimrec.nlp import default_cache_dir

    return Path(config.cache_dir) if config.cache_dir else default_cache_dir()


def _model_for_cache(config: "PipelineConfig", docs: Optional[Sequence]) -> Optional[str]:
    """The pipeline identity entries are keyed on; None (no caching) when the caller's
    parses may come from another pipeline than the configured one."""
    from claimrec.nlp import model_identity

    if docs is not None:
        from claimrec.nlp import load_pipeline, model_id

        nlp = load_pipeline(config.model)
        if any(d is not None and d.vocab is not nlp.vocab for d in docs):
            return None
        return model_id(nlp)
    return model_identity(config.model)


def _analyse(run: "_Run", articles: list[Article], annotations: bool, docs: Optional[Sequence],
             cache: Optional[AnalysisCache], root: Optional[Path], jobs: int,
             private: bool = False) -> Analysed:
    n = len(articles)
    with run.timed("extract"):
        analyses: list[Optional[ArticleAnalysis]] = [
            cache.get_analysis(a.id, a.text) if cache is not None else None for a in articles]
    hits = sum(1 for x in analyses if x is not None)
    missing = [i for i, x in enumerate(analyses) if x is None]
    unparsed: set[int] = set()
    if docs is None and jobs > 1 and len(missing) > 1 and cache is not None \
            and sum(len(articles[i].text) for i in missing) >= MIN_PARALLEL_CHARS:
        # a private folder is only a hand-over: when this process needs no parses back
        # (extract), the workers write nothing at all and return their analyses
        shared = root if annotations or not private else None
        unparsed = _in_workers(run, articles, missing, analyses, shared, jobs, preload=annotations)
        # what the workers did not finish (their pool broke) is done here
        missing = [i for i in missing if analyses[i] is None and i not in unparsed]
    for i, x in enumerate(analyses):
        if x is not None:
            x.placed(i)

    # which articles need a parse here: all of them for annotations, else the misses
    want = [i for i in range(n) if i not in unparsed] if annotations else missing
    got: list = [None] * n
    if docs is not None:
        got = list(docs)
    elif want:
        from claimrec.pipeline import _parse

        parsed = _parse(run, [articles[i] for i in want], root)
        for i, d in zip(want, parsed):
            got[i] = d

    adocs: list = [None] * n
    annotated_from_cache = 0
    with run.timed("annotate"):
        for i in (range(n) if annotations else missing):
            article, doc = articles[i], got[i]
            if doc is None:
                continue
            adoc = cache.get_annotation(article.id, article.text, doc) if cache is not None else None
            if adoc is not None:
                annotated_from_cache += 1
            else:
                adoc = _annotate(run, article, doc, cache)
            adocs[i] = adoc

    # only texts that come more than once are worth keying and keeping for their copies
    counts = Counter(articles[i].text for i in missing)
    copies: dict[str, tuple[str, ArticleAnalysis]] = {}  # parse key -> first copy's id and analysis
    for i in missing:
        analyses[i] = _analyse_one(run, i, articles[i], got[i], adocs[i], cache,
                                   copies if counts[articles[i].text] > 1 else None)
    return Analysed(analyses=analyses, docs=got if annotations else [None] * n,
                    adocs=adocs if annotations else [None] * n,
                    cached={"analyses": hits, "annotations": annotated_from_cache})


def _annotate(run: "_Run", article: Article, doc, cache: Optional[AnalysisCache]):
    from claimrec.text.document import annotate

    ok, adoc, exc = run.faults.attempt(annotate, article.id, article.text, doc)
    if not ok:
        run.faults.record("annotate", article.path, exc)
        return None
    if cache is not None:
        cache.put_annotation(adoc)
    return adoc


def _analyse_one(run: "_Run", index: int, article: Article, doc, adoc,
                 cache: Optional[AnalysisCache],
                 copies: Optional[dict[str, tuple[str, ArticleAnalysis]]] = None) -> Optional[ArticleAnalysis]:
    """Claims, mentions and dominant country of one article; cached when nothing failed.
    ``copies``: analyses of this run's earlier articles by parse (:mod:`claimrec.copies`)."""
    import claimrec.resolve as resolve
    from claimrec.claims import extract_claims
    from claimrec.copies import parse_key, relabelled

    if doc is None:
        return None
    key = parse_key(article.text, doc) if copies is not None and adoc is not None else None
    if key is not None and key in copies:
        with run.timed("extract"):
            first_id, first = copies[key]
            analysis = relabelled(first, first_id, article.id, index)
        if cache is not None:
            cache.put_analysis(article.id, article.text, analysis)
        return analysis
    faults = run.faults
    before = len(faults.errors)
    with run.timed("extract"):
        claims = faults.run("extract", article.path, extract_claims, article, adoc, default=[])
    with run.timed("resolve"):
        mentions = faults.run("resolve", article.path, resolve.doc_mentions, index, article, doc, default=[])
        dominant = faults.run("resolve", article.path, resolve.dominant_country, doc, default=None)
        places = faults.run("resolve", article.path, resolve.place_names, doc, default=frozenset())
    analysis = ArticleAnalysis(claims=claims, mentions=mentions, dominant=dominant, places=places)
    if adoc is not None and len(faults.errors) == before:
        if cache is not None:
            cache.put_analysis(article.id, article.text, analysis)
        if key is not None:
            # relabelled before resolution reads (and marks) the mentions of this one
            copies[key] = (article.id, relabelled(analysis, article.id, article.id, index))
    return analysis


# ---- worker processes ------------------------------------------------------------------------

@dataclass(frozen=True)
class _WorkerSettings:
    """What a worker needs of the run's configuration (picklable: no callbacks)."""

    model: Optional[str]
    root: Optional[str]
    debug: bool
    log_level: int


def _in_workers(run: "_Run", articles: list[Article], missing: list[int],
                analyses: list[Optional[ArticleAnalysis]], root: Optional[Path], jobs: int,
                preload: bool) -> set[int]:
    """Analyse the ``missing`` articles in ``jobs`` processes, writing parses, annotations and
    analyses to the cache under ``root``; fill ``analyses``; return the articles that could
    not be parsed. With ``preload``, this process loads its own pipeline meanwhile (it will
    read the parses back)."""
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    if preload:
        from claimrec.nlp import load_pipeline

        # a failure here (a missing model) is raised again, in order, when the parses are read
        loader = threading.Thread(target=_quietly, args=(load_pipeline, run.config.model), daemon=True)
        loader.start()

    if hasattr(run.config.progress, "total"):
        run.config.progress.total("parsed", len(missing))
    chunks = _chunks(articles, missing, jobs)
    settings = _WorkerSettings(model=run.config.model, root=None if root is None else str(root),
                               debug=run.config.debug,
                               log_level=logging.getLogger("claimrec").getEffectiveLevel())
    results: dict[int, tuple] = {}
    # spawn, not fork: the parent may hold threads (a progress display) and, in a library
    # caller, a loaded pipeline whose state is not fork-safe
    context = multiprocessing.get_context("spawn")
    with run.timed("workers"):
        try:
            with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=context) as pool:
                futures = {pool.submit(_analyse_chunk, [(i, articles[i]) for i in chunk], settings): k
                           for k, chunk in enumerate(chunks)}
                for future in as_completed(futures):
                    k = futures[future]
                    results[k] = future.result()
                    run.tick("parsed", len(chunks[k]))
        except (BrokenProcessPool, OSError) as exc:
            # a worker died (killed, out of memory) or none could start: not one article's
            # fault, and the articles it held are analysed in this process instead
            log.warning("worker processes failed (%s); going on in one process", exc.__class__.__name__)
    if preload:
        loader.join()
    unparsed: set[int] = set()
    for k in sorted(results):  # in chunk order, so errors come out in a stable order
        items, errors, seconds = results[k]
        for i, analysis in items:
            analyses[i] = analysis
            if analysis is None:
                unparsed.add(i)
        for err in errors:
            run.faults.errors.append(err)
            if run.faults.on_error is not None:
                run.faults.on_error(err)
        for stage, s in seconds.items():
            run.seconds[stage] = run.seconds.get(stage, 0.0) + s
    return unparsed


def _quietly(fn, *args) -> None:
    try:
        fn(*args)
    except Exception:
        pass


def _chunks(articles: list[Article], indices: list[int], jobs: int) -> list[list[int]]:
    """Longest texts first (a long text started last would keep one worker busy alone),
    cut into tasks of about equal text length."""
    order = sorted(indices, key=lambda i: -len(articles[i].text))
    total = sum(len(articles[i].text) for i in order)
    target = min(CHUNK_CHARS, max(1, total // (jobs * CHUNKS_PER_WORKER)))
    chunks: list[list[int]] = []
    current: list[int] = []
    size = 0
    for i in order:
        current.append(i)
        size += len(articles[i].text)
        if size >= target:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


def _analyse_chunk(items: list[tuple[int, Article]], settings: _WorkerSettings
                   ) -> tuple[list[tuple[int, Optional[ArticleAnalysis]]], list[RunError], dict]:
    """In a worker: parse (through the parse cache), annotate, extract and scan ``items``,
    writing every result to the cache; return the analyses and the errors."""
    from claimrec.pipeline import PipelineConfig, _Run

    logging.basicConfig(level=settings.log_level, format="claimrec: %(message)s", force=True)
    run = _Run(PipelineConfig(model=settings.model, cache_dir=settings.root,
                              use_cache=settings.root is not None,
                              debug=settings.debug))
    articles = [a for _, a in items]
    done = analyse_articles(run, articles, annotations=False)
    return ([(i, a) for (i, _), a in zip(items, done.analyses)], run.faults.errors, run.seconds)
