"""FRANK-style scoring: a tiny labelled JSONL written for these tests, run through the real pipeline."""

from __future__ import annotations

import json

import pytest

from claimrec.evaluate.distortion import evaluate_distortion, render_distortion
from claimrec.evaluate.frank_text import detokenise, truecase

ARTICLE = ("The Riverside council approved a new budget on Monday after a long debate. "
           "Officials said the money would pay for 40 new teachers and repairs to two schools. "
           "Council leader Maria Okafor said the vote was a relief for parents.")

CLEAN = 1.0
RECORDS = [
    # faithful, lower-cased and tokenised the way FRANK summaries are
    ("the riverside council approved a new budget on monday . officials said the money would pay "
     "for 40 new teachers .", {"Factuality": CLEAN, "OutE": CLEAN, "EntE": CLEAN, "CircE": CLEAN, "RelE": CLEAN}),
    # information the article does not have
    ("the riverside council approved a new budget on monday . mayor john pike said the money "
     "would build a football stadium near the harbour .",
     {"Factuality": 0.0, "OutE": 0.0, "EntE": 0.5, "CircE": CLEAN, "RelE": CLEAN}),
    # a wrong figure
    ("officials said the money would pay for 90 new teachers and repairs to two schools .",
     {"Factuality": 0.3333, "OutE": CLEAN, "EntE": CLEAN, "CircE": 0.3333, "RelE": CLEAN}),
]


@pytest.fixture(scope="module")
def scores(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("frank") / "frank.jsonl"
    lines = [json.dumps({"hash": str(i), "article": ARTICLE, "summary": s, "labels": labels})
             for i, (s, labels) in enumerate(RECORDS)]
    lines.insert(1, "{not json")
    lines.insert(2, json.dumps({"article": ARTICLE}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return evaluate_distortion(path)


def test_counts_and_rates(scores):
    s = scores.any_annotator
    assert scores.records == 3 and scores.failures == 0
    assert s.errors == 2 and s.error_free == 1
    assert s.false_alarms == 0 and s.false_alarm_rate == 0.0
    assert s.types["OutE"].with_error == 1 and s.types["OutE"].flagged == 1
    assert s.types["CircE"].flagged == 1
    assert s.tpr == 1.0 and s.balanced_accuracy == 1.0
    # a third of the annotators is below 1.0 and at most 0.5: an error under both readings
    assert scores.majority.types["CircE"].with_error == 1


def test_kind_counts(scores):
    assert scores.kinds["unsupported_addition"].on_errors >= 1
    assert scores.kinds["number_changed"].on_errors == 1
    assert all(c.on_error_free == 0 for c in scores.kinds.values())
    assert "omission" not in scores.kinds and "hedge_dropped" not in scores.kinds


def test_render(scores):
    table = render_distortion(scores, "table")
    assert "false-alarm rate" in table and "recall OutE" in table and "unsupported_addition" in table
    data = json.loads(render_distortion(scores, "json"))
    assert data["any_annotator"]["balanced_accuracy"] == 1.0


def test_limit(tmp_path, nlp):
    path = tmp_path / "one.jsonl"
    path.write_text("\n".join(json.dumps({"article": ARTICLE, "summary": s, "labels": l}) for s, l in RECORDS),
                    encoding="utf-8")
    assert evaluate_distortion(path, limit=1).records == 1


def test_cli(tmp_path, nlp):
    from click.testing import CliRunner

    from claimrec.cli import cli

    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"article": ARTICLE, "summary": RECORDS[0][0], "labels": RECORDS[0][1]}) + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "distortion", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["records"] == 1


def test_detokenise_and_truecase():
    text = detokenise("the u.s. 's team ca n't win , he said . ` the barbie from down under ' won \\'best\\' [UNK] #5m")
    assert text == "the u.s.'s team can't win, he said. 'the barbie from down under' won 'best' £5m"
    article = "The Barbie From Down Under: Natalia Moon moved to Darwin. A star was born in Darwin."
    assert truecase(detokenise("natalia moon moved to darwin . a star"), article) == \
        "Natalia Moon moved to Darwin. A star"


def test_truecase_does_not_count_a_sentence_s_capital_against_a_name():
    # flattened paragraphs ("in 2003.Curtis - a ...") open many sentences with the name: those
    # capitals say nothing about the word, the one inside a sentence does
    article = "They left in 2003.Curtis stayed. Curtis said no. The board thanked Curtis."
    assert truecase("the board thanked alan curtis .", article).startswith("The board thanked alan Curtis")
    assert truecase("the board thanked curtis . they left", article).endswith(". They left")


def test_bad_lines_are_named_and_good_records_kept(scores, tmp_path):
    # the fixture file holds a broken line (2) and a record without summary/labels (3)
    assert [e.path.rsplit(":", 1)[1] for e in scores.skipped] == ["2", "3"]
    assert scores.skipped[0].reason.startswith("invalid JSON")
    assert scores.records == len(RECORDS)


def test_binary_line_loses_only_itself_and_the_cli_names_it(tmp_path, nlp):
    from click.testing import CliRunner

    from claimrec.cli import cli

    good = json.dumps({"article": ARTICLE, "summary": RECORDS[0][0], "labels": RECORDS[0][1]})
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(good.encode() + b"\n\x00\x01\x02\x03garbage\n")
    result = CliRunner().invoke(cli, ["eval", "distortion", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["records"] == 1
    assert result.stderr.splitlines() == [f"claimrec: skipped {path}:2: invalid JSON: "
                                          "Expecting value: line 1 column 1 (char 0)"]


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"\x00\x01\x02binary\x00\x00", "binary file (no line of text), not text"),
])
def test_unreadable_file_is_one_line_and_exit_2(tmp_path, content, reason):
    from click.testing import CliRunner

    from claimrec.cli import cli

    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["eval", "distortion", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"claimrec: error: {path}: {reason}\n"
