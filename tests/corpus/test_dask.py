"""The Dask engine writes exactly what the local engine writes."""

from __future__ import annotations

import pytest

from claimrec.corpus import run_corpus
from claimrec.pipeline import PipelineConfig

distributed = pytest.importorskip("distributed")


@pytest.mark.parametrize("corpus", ["tree", "unlabelled_jsonl"])
def test_dask_equals_local(corpus, request, tmp_path, shared_cache):
    path = request.getfixturevalue(corpus)
    config = PipelineConfig(cache_dir=str(shared_cache))
    local_out, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_corpus(str(path), config, output=local_out, engine="local", quiet=True)
    # in-process worker: the test's spaCy pipeline is reused, so this stays quick
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        run_corpus(str(path), config, output=dask_out, engine="dask",
                   scheduler=cluster.scheduler_address, quiet=True)
    assert dask_out.read_text(encoding="utf-8") == local_out.read_text(encoding="utf-8")
    assert local_out.stat().st_size > 0
