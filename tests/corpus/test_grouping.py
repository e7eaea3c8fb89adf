"""Articles -> events: subfolders, JSONL event fields, and clustering without either."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.corpus.features import ArticleKeys, article_keys
from claimrec.corpus.grouping import candidate_pairs, cluster_events, explicit_events, _weights
from claimrec.corpus.event_labels import BY_FIELD, BY_SUBFOLDER, event_labels
from claimrec.corpus.settings import grouping_settings
from claimrec.models import Article


def run_corpus_cli(path: Path, cache: Path, *extra: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["corpus", str(path), "-q", "--cache-dir", str(cache),
                                      *extra])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def groups(records: list[dict]) -> set[frozenset[str]]:
    return {frozenset(r["article_ids"]) for r in records if r["type"] == "event"}


def test_subfolders_are_events(tree, shared_cache, expected_groups, events):
    records = run_corpus_cli(tree, shared_cache)
    assert groups(records) == expected_groups
    heads = [r for r in records if r["type"] == "event"]
    assert {r["event_id"] for r in heads} == set(events)
    assert {r["grouped_by"] for r in heads} == {BY_SUBFOLDER}


def test_jsonl_event_field_groups_interleaved_lines(jsonl_corpus, shared_cache, expected_groups):
    records = run_corpus_cli(jsonl_corpus, shared_cache)
    assert groups(records) == expected_groups
    assert {r["grouped_by"] for r in records if r["type"] == "event"} == {BY_FIELD}


def test_clustering_without_event_info_finds_the_stories(unlabelled_jsonl, shared_cache,
                                                         expected_groups):
    records = run_corpus_cli(unlabelled_jsonl, shared_cache)
    assert groups(records) == expected_groups
    heads = [r for r in records if r["type"] == "event"]
    assert {r["grouped_by"] for r in heads} == {"cluster"}
    quake = next(r for r in heads if "quake-wire" in r["article_ids"])
    assert "izmir" in quake["keys"]


def test_flat_folder_is_clustered_and_ids_are_stable(tmp_path, events, shared_cache):
    flat = tmp_path / "flat"
    flat.mkdir()
    for articles in events.values():
        for name, text in articles.items():
            (flat / f"{name}.txt").write_text(text, encoding="utf-8")
    first = run_corpus_cli(flat, shared_cache)
    second = run_corpus_cli(flat, shared_cache)
    assert [r["event_id"] for r in first if r["type"] == "event"] == \
           [r["event_id"] for r in second if r["type"] == "event"]
    assert len(groups(first)) == 3


def test_cluster_events_on_parsed_stories(nlp, events, expected_groups):
    items, ids = [], []
    for articles in events.values():
        for name, text in articles.items():
            items.append(article_keys(Article(id=name, path=name, text=text), nlp(text)))
            ids.append(name)
    found = cluster_events(items, list(range(len(items))))
    assert {frozenset(ids[i] for i in e.members) for e in found} == expected_groups


def _keys(article_id: str, *keys: str, published=None) -> ArticleKeys:
    return ArticleKeys(article_id=article_id, keys={k: 1 for k in keys}, published=published)


def test_blocking_pairs_only_articles_sharing_a_rare_key():
    # 40 articles all share two everyday keys; pairs (0,1), (2,3), ... share a rare one
    items = [_keys(f"a{i}", "t:official", "t:people", f"t:rare{i // 2}", f"t:own{i}")
             for i in range(40)]
    settings = grouping_settings()
    df, vectors = _weights(items, settings)
    pairs = candidate_pairs(vectors, df, settings)
    assert pairs == {(i, i + 1) for i in range(0, 40, 2)}
    assert len(pairs) < 40 * 39 // 2


def test_date_window_keeps_distant_articles_apart():
    same = ("e:rotterdam", "t:strike", "t:port", "t:union")
    items = [_keys("a", *same, published="2024-01-02"),
             _keys("b", *same, published="2024-01-04"),
             _keys("c", *same, published="2024-03-01"),
             _keys("d", "e:izmir", "t:quake", published="2024-01-02")]
    found = cluster_events(items, [0, 1, 2, 3])
    assert sorted(sorted(e.members) for e in found) == [[0, 1], [2], [3]]


def test_jsonl_event_fields_become_labels(tmp_path):
    # every alias of the event field, read by ingestion from the records themselves
    from claimrec.ingest import read_inputs

    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": "The vote count went on all night.", "event_id": "vote"}) + "\n"
        + json.dumps({"id": "story-b", "text": "The storm hit the coast.", "story_id": "storm"}) + "\n"
        + json.dumps({"text": "Fans queued for tickets.", "event": "final"}) + "\n",
        encoding="utf-8")
    articles = read_inputs([str(feed)]).articles
    assert [a.id for a in articles] == ["feed:1", "story-b", "feed:3"]
    labels = event_labels(str(feed), articles)
    assert labels == [("vote", BY_FIELD), ("storm", BY_FIELD), ("final", BY_FIELD)]


def test_labels_field_beats_subfolder_and_root_files_stay_unlabelled(tmp_path):
    (tmp_path / "sub").mkdir()
    feed = tmp_path / "sub" / "feed.jsonl"
    feed.write_text(json.dumps({"id": "x", "text": "t", "event": "named"}) + "\n"
                    + json.dumps({"id": "y", "text": "t"}) + "\n", encoding="utf-8")
    from claimrec.ingest import read_inputs

    articles = read_inputs([str(feed)]).articles + [
        Article(id="z", path=str(tmp_path / "loose.txt"), text="t"),
        Article(id="w", path=str(tmp_path / "w.txt"), text="t", event="given")]
    assert [a.id for a in articles[:2]] == ["x", "y"]
    labels = event_labels(str(tmp_path), articles)
    assert labels == [("named", BY_FIELD), ("sub", BY_SUBFOLDER), None, ("given", BY_FIELD)]
    assert [e.event_id for e in explicit_events(labels)] == ["named", "sub", "given"]
