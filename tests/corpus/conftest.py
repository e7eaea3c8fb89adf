"""Corpus fixtures: the test stories (stories.json) laid out as a folder tree or as JSONL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

STORIES = Path(__file__).with_name("stories.json")


def _events() -> dict[str, dict[str, str]]:
    return json.loads(STORIES.read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="session")
def events() -> dict[str, dict[str, str]]:
    """event name -> {article id: text}: three events, two or three articles each."""
    return _events()


@pytest.fixture(scope="session")
def expected_groups(events) -> set[frozenset[str]]:
    return {frozenset(articles) for articles in events.values()}


@pytest.fixture()
def tree(tmp_path, events) -> Path:
    root = tmp_path / "corpus"
    for event, articles in events.items():
        folder = root / event
        folder.mkdir(parents=True)
        for name, text in articles.items():
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


def jsonl_lines(events, *, with_events: bool) -> list[str]:
    rows = [(event, name, text) for event, articles in events.items()
            for name, text in articles.items()]
    rows = rows[::2] + rows[1::2]  # interleaved: an event's lines are not contiguous
    lines = []
    for event, name, text in rows:
        record = {"id": name, "title": name.replace("-", " "), "text": text}
        if with_events:
            record["event"] = event
        lines.append(json.dumps(record))
    return lines


@pytest.fixture()
def jsonl_corpus(tmp_path, events) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(jsonl_lines(events, with_events=True)) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def unlabelled_jsonl(tmp_path, events) -> Path:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(jsonl_lines(events, with_events=False)) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Path:
    """One parse cache for the corpus tests, so each story is parsed once."""
    return tmp_path_factory.mktemp("parse-cache")
