"""--jobs N: per-article work in worker processes gives the report one process gives."""

from __future__ import annotations

import tempfile

import pytest

import claimrec.analysis as analysis
from tests.reports import run_json, same_report


@pytest.fixture()
def always_parallel(monkeypatch):
    # two short articles are below the size where workers pay off; use them anyway
    monkeypatch.setattr(analysis, "MIN_PARALLEL_CHARS", 0)


def _run(args):
    return run_json(args)


_same = same_report


@pytest.mark.slow
def test_two_workers_reconcile_as_one_process(seed_dir, tmp_path, always_parallel):
    one = _run(["reconcile", str(seed_dir), "--cache-dir", str(tmp_path / "one")])
    two = _run(["reconcile", str(seed_dir), "--jobs", "2", "--cache-dir", str(tmp_path / "two")])
    assert "workers" in two.stats["seconds"] and "workers" not in one.stats["seconds"]
    assert one.findings and _same(one, two)
    # the workers filled the cache: a rerun does only the cross-article work
    again = _run(["reconcile", str(seed_dir), "--jobs", "2", "--cache-dir", str(tmp_path / "two")])
    assert again.stats["cached"] == {"analyses": 2, "annotations": 2}
    assert "workers" not in again.stats["seconds"] and _same(one, again)


@pytest.mark.slow
def test_two_workers_without_a_cache_leave_nothing_behind(seed_dir, tmp_path, always_parallel, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    one = _run(["extract", str(seed_dir), "--no-cache"])
    two = _run(["extract", str(seed_dir), "--no-cache", "--jobs", "2"])
    assert "workers" in two.stats["seconds"]
    assert one.claims and _same(one, two)
    assert list(scratch.iterdir()) == []


def test_tasks_start_with_the_longest_texts_and_cover_every_article():
    from claimrec.models import Article

    articles = [Article(id=f"a{i}", path=f"a{i}.txt", text="x" * n) for i, n in
                enumerate([10, 5000, 300, 20000, 70, 4000])]
    chunks = analysis._chunks(articles, list(range(len(articles))), jobs=2)
    assert sorted(i for c in chunks for i in c) == list(range(len(articles)))
    assert chunks[0][0] == 3 and len(chunks) >= 2


def test_workers_that_cannot_start_leave_the_work_to_this_process(seed_dir, always_parallel, monkeypatch):
    import multiprocessing

    class NoProcess:
        def __init__(self, *args, **kwargs):
            pass

        def start(self):
            raise OSError("no processes left")

    monkeypatch.setattr(type(multiprocessing.get_context("spawn")), "Process", NoProcess)
    one = _run(["reconcile", str(seed_dir), "--no-cache"])
    two = _run(["reconcile", str(seed_dir), "--no-cache", "--jobs", "2"])
    assert "workers" in two.stats["seconds"]  # the pool was tried
    assert one.findings and _same(one, two)
