"""The "do these inputs look like one event?" measure, on real parses of real-shaped reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimrec.corpus.coherence import EventCoherence, event_coherence
from claimrec.ingest import read_inputs

TESTS = Path(__file__).resolve().parents[1]
EVENTS = TESTS / "fixtures" / "events"


def _parsed(nlp, paths):
    articles = read_inputs([str(p) for p in paths], assign=False).articles
    return articles, [nlp(a.text) for a in articles]


@pytest.mark.parametrize("event", ["clinic", "hoax"])
def test_four_reports_of_one_event_are_one_event(nlp, event):
    articles, docs = _parsed(nlp, [EVENTS / event])
    found = event_coherence(articles, docs)
    assert found == EventCoherence(articles=4, groups=1, largest=4, one_event=True)
    assert found.warning() is None


def test_the_example_pair_is_one_event(nlp, seed_dir):
    assert event_coherence(*_parsed(nlp, [seed_dir])).one_event


def test_unrelated_stories_are_not_one_event(nlp, tmp_path):
    stories = json.loads((TESTS / "corpus" / "stories.json").read_text(encoding="utf-8"))["events"]
    for event, articles in stories.items():
        for name, text in articles.items():
            (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    articles, docs = _parsed(nlp, [tmp_path, EVENTS / "clinic", EVENTS / "hoax"])
    found = event_coherence(articles, docs)
    assert (found.articles, found.groups, found.largest, found.one_event) == (16, 5, 4, False)
    warning = found.warning()
    assert "16 inputs do not look like one event" in warning and "claimrec corpus" in warning


def test_one_stray_peer_does_not_make_two_events(nlp, seed_dir):
    stray = TESTS / "fixtures" / "events" / "hoax" / "gazette-mayor.txt"
    found = event_coherence(*_parsed(nlp, [seed_dir, stray]))
    assert (found.groups, found.largest, found.one_event) == (2, 2, True)


def test_two_unrelated_articles_are_two_events(nlp):
    found = event_coherence(*_parsed(nlp, [EVENTS / "clinic" / "cnn-doctor-photo.txt",
                                          EVENTS / "hoax" / "ap-factcheck.txt"]))
    assert (found.groups, found.one_event) == (2, False)


def test_nothing_or_one_article_is_trivially_one_event():
    assert event_coherence([], []).one_event
