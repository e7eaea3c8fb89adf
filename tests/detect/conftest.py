"""Run the real pipeline on short articles written for these tests."""

from __future__ import annotations

import pytest

from claimrec.models import Article, Report


@pytest.fixture(scope="session")
def reconcile(nlp, tmp_path_factory):
    """reconcile(source_text, rewrite_text=None, *peers) -> Report (source + rewrite roles set)."""
    from claimrec.pipeline import PipelineConfig, reconcile_articles

    config = PipelineConfig(cache_dir=str(tmp_path_factory.mktemp("parse-cache")))

    def run(source: str, rewrite: str | None = None, *peers: str) -> Report:
        articles = [Article(id="src", path="src.txt", text=source, role="source" if rewrite else "peer")]
        if rewrite is not None:
            articles.append(Article(id="rw", path="rw.txt", text=rewrite, role="rewrite"))
        for k, text in enumerate(peers):
            articles.append(Article(id=f"peer{k}", path=f"peer{k}.txt", text=text, role="peer"))
        return reconcile_articles(articles, config)

    return run

