"""``claimrec corpus PATH``: ingest, group into events, reconcile each, stream JSONL."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Optional

from claimrec.corpus.engines import make_engine
from claimrec.corpus.grouping import cluster_events, explicit_events, order_events
from claimrec.corpus.event_labels import event_labels
from claimrec.corpus.progress import CorpusProgress
from claimrec.corpus.settings import grouping_settings
from claimrec.corpus.stream import EventSink
from claimrec.faults import describe
from claimrec.models import SEVERITY_RANK, Finding, RunError
from claimrec.pipeline import PipelineConfig, ingest_paths

log = logging.getLogger(__name__)


def run_corpus(
    path: str,
    config: PipelineConfig,
    output: Optional[Path] = None,
    engine: str = "local",
    scheduler: Optional[str] = None,
    quiet: bool = False,
) -> tuple[list[Finding], list[RunError]]:
    """Run corpus mode; returns the most severe finding of each severity seen, and the
    internal errors (each also printed as it comes: the run goes on without that unit).

    Events already complete in ``output`` (from an interrupted run) are skipped.
    """
    settings = grouping_settings()
    articles, errors = ingest_paths([path], config)
    for err in errors:
        print(describe(err), file=sys.stderr)
    labels = event_labels(path, articles)

    worst: dict[str, Finding] = {}
    internal: list[RunError] = []
    with EventSink(output) as sink, CorpusProgress(not quiet) as progress:
        runner = make_engine(engine, config, progress, scheduler, quiet)
        try:
            events = explicit_events(labels)
            unlabeled = [i for i, label in enumerate(labels) if label is None]
            progress.articles_total(len(unlabeled))
            if unlabeled:
                keys = runner.keys([articles[i] for i in unlabeled])
                events.extend(cluster_events(keys, unlabeled, settings))
                del keys
            events = order_events(events)
            todo = [e for e in events if e.event_id not in sink.done]
            progress.articles_total(len(unlabeled) + sum(len(e.members) for e in todo))
            progress.events_total(len(events))
            for _ in range(len(events) - len(todo)):
                progress.event_done(0)
            if len(todo) < len(events):
                log.info("resuming: %d of %d events already in %s",
                         len(events) - len(todo), len(events), output)
            plan = ((event, [articles[i] for i in event.members]) for event in todo)
            for result in runner.reconcile(plan):
                sink.write_block(result.lines)
                progress.event_done(result.findings)
                for finding in result.worst:
                    worst.setdefault(finding.severity, finding)
                for err in result.errors:
                    print(describe(err), file=sys.stderr)
                internal.extend(result.errors)
        finally:
            runner.close()
    return sorted(worst.values(), key=lambda f: -SEVERITY_RANK[f.severity]), internal


__all__ = ["run_corpus"]
