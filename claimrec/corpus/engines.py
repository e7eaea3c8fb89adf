"""Where the work runs: this process (``local``) or a Dask cluster (``dask``).

Both engines offer the same two passes, and write the same lines:
- ``keys(articles)``: parse the articles that need clustering and return
  only their grouping keys;
- ``reconcile(plan)``: for each (event, articles), in plan order, parse and
  reconcile the event and yield its :class:`EventResult`.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections import deque
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from claimrec.corpus.features import ArticleKeys, article_keys
from claimrec.corpus.grouping import Event
from claimrec.corpus.progress import CorpusProgress
from claimrec.corpus.reconcile import EventResult, event_result, reconcile_docs
from claimrec.corpus.worker import WorkerSettings, event_task, keys_task
from claimrec.errors import UsageError
from claimrec.models import Article
from claimrec.pipeline import PipelineConfig

log = logging.getLogger(__name__)

Plan = Iterable[tuple[Event, Sequence[Article]]]
DASK_HINT = "pip install 'claimrec[dask]'"
# Articles per Dask task in the keys pass: enough to amortise a task's overhead.
PARTITION_SIZE = 32


class LocalEngine:
    """Parse in this process (``--jobs N``: one spaCy process pool), event by event."""

    def __init__(self, config: PipelineConfig, progress: CorpusProgress):
        from claimrec.nlp import DocCache, default_cache_dir, load_pipeline, model_id

        self.config = config
        self.progress = progress
        self.nlp = load_pipeline(config.model)
        self._model_id = model_id(self.nlp)
        self.cache: Optional[DocCache] = None
        if config.use_cache:
            root = Path(config.cache_dir) if config.cache_dir else default_cache_dir()
            self.cache = DocCache(root, self._model_id)
        self._spill: Optional[str] = None

    def _docs(self, articles: Sequence[Article]) -> Iterator:
        from claimrec.corpus.parsing import iter_docs

        return iter_docs([a.text for a in articles], self.nlp, self.cache,
                         n_process=self.config.jobs, on_parsed=self.progress.parsed)

    def keys(self, articles: Sequence[Article]) -> list[ArticleKeys]:
        from claimrec.nlp import DocCache

        if self.cache is None:
            # --no-cache: the Docs of the keys pass are spilled to a private
            # folder for the reconcile pass (bounded memory, no second parse)
            # and removed at the end; the user's cache is never touched.
            self._spill = tempfile.mkdtemp(prefix="claimrec-corpus-")
            self.cache = DocCache(Path(self._spill), self._model_id)
        return [article_keys(a, doc) for a, doc in zip(articles, self._docs(articles))]

    def reconcile(self, plan: Plan) -> Iterator[EventResult]:
        plan = list(plan)
        docs = self._docs([a for _, arts in plan for a in arts])
        try:
            for event, arts in plan:
                event_docs = [next(docs) for _ in arts]
                report = reconcile_docs(arts, event_docs, self.config)
                del event_docs
                yield event_result(event, report)
        finally:
            docs.close()

    def close(self) -> None:
        if self._spill:
            shutil.rmtree(self._spill, ignore_errors=True)


class DaskEngine:
    """Partitions and events as Dask tasks; only keys and JSONL lines come back."""

    def __init__(self, config: PipelineConfig, progress: CorpusProgress,
                 scheduler: Optional[str] = None, quiet: bool = False):
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError(f"--engine dask needs Dask; install it with: {DASK_HINT}") from None

        # Dask logs its cluster's life at INFO; claimrec's stderr is for problems.
        level = "error" if quiet else "warning"
        dask.config.set({"logging.distributed": level})
        logging.getLogger("distributed").setLevel(level.upper())

        self.config = config
        self.progress = progress
        self.settings = WorkerSettings.from_config(config)
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                self._cluster = LocalCluster(n_workers=max(1, config.jobs), threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler {scheduler!r}: {exc}") from None
        workers = len(self.client.scheduler_info().get("workers", {})) or 1
        # enough tasks in flight to keep every worker busy, few enough to bound memory
        self.window = 2 * workers

    def keys(self, articles: Sequence[Article]) -> list[ArticleKeys]:
        parts = [list(articles[i:i + PARTITION_SIZE])
                 for i in range(0, len(articles), PARTITION_SIZE)]
        futures = [self.client.submit(keys_task, part, self.settings, pure=False)
                   for part in parts]
        out: list[ArticleKeys] = []
        for future in futures:
            got = future.result()
            future.release()
            self.progress.parsed(len(got))
            out.extend(got)
        return out

    def reconcile(self, plan: Plan) -> Iterator[EventResult]:
        pending: deque = deque()
        try:
            for event, arts in plan:
                pending.append((self.client.submit(event_task, event, list(arts), self.settings,
                                                   pure=False), len(arts)))
                if len(pending) >= self.window:
                    yield self._collect(*pending.popleft())
            while pending:
                yield self._collect(*pending.popleft())
        finally:
            for future, _ in pending:
                future.cancel()

    def _collect(self, future, n_articles: int) -> EventResult:
        result = future.result()
        future.release()
        self.progress.parsed(n_articles)
        return result

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(name: str, config: PipelineConfig, progress: CorpusProgress,
                scheduler: Optional[str] = None, quiet: bool = False):
    if name == "local":
        if scheduler:
            raise UsageError("--scheduler needs --engine dask")
        return LocalEngine(config, progress)
    if name == "dask":
        return DaskEngine(config, progress, scheduler, quiet)
    raise UsageError(f"unknown engine {name!r} (local or dask)")
