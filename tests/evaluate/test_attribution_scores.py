"""The attribution scorer: char-F1 matching, source/cue accuracy, direct recall, rendering, CLI."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.evaluate.attribution import (
    Predicted,
    char_f1,
    evaluate_attribution,
    match,
    render_attribution,
    score_article,
)
from claimrec.evaluate.brat import GoldAttribution

TEXT = '"Taxes will rise," the minister said. Prices fell, the bank said.'


def gold(content, source=None, cue=None):
    return GoldAttribution(id="E", content=list(content), source=list(source or []), cue=list(cue or []),
                           has_source=bool(source))


def test_char_f1_counts_discontinuous_gold_as_union():
    assert char_f1((0, 10), [(0, 10)]) == 1.0
    assert char_f1((0, 10), [(0, 5), (5, 10)]) == 1.0
    assert char_f1((0, 10), [(0, 5)]) == 2 * 5 / 15
    assert char_f1((0, 10), [(20, 30)]) == 0.0


def test_matching_is_one_to_one_best_first():
    golds = [gold([(0, 10)]), gold([(0, 12)])]
    preds = [Predicted(content=(0, 10))]
    assert match(golds, preds) == [(0, 0, 1.0)]
    # below the threshold nothing matches
    assert match([gold([(0, 100)])], [Predicted(content=(0, 30))]) == []


def test_source_and_cue_accuracy_rules():
    q = TEXT.index('"Taxes')
    content = (q, TEXT.index(" the minister"))
    src = (TEXT.index("the minister"), TEXT.index("the minister") + len("the minister"))
    cue = (TEXT.index("said"), TEXT.index("said") + 4)
    g = [gold([content], [src], [cue])]
    right = score_article(TEXT, g, [Predicted(content=content, source=src, cue=cue, has_speaker=True)])
    assert (right.matched, right.source_correct, right.cue_correct, right.direct_matched) == (1, 1, 1, 1)
    elsewhere = (TEXT.index("the bank"), TEXT.index("the bank") + 8)
    wrong = score_article(TEXT, g, [Predicted(content=content, source=elsewhere, cue=None, has_speaker=True)])
    assert (wrong.matched, wrong.source_correct, wrong.cue_correct) == (1, 0, 0)
    # a speaker known only by name (no span) is never counted correct against a gold source
    nameless = score_article(TEXT, g, [Predicted(content=content, source=None, has_speaker=True)])
    assert nameless.source_correct == 0


def test_no_source_gold_wants_no_speaker():
    g = [gold([(0, 17)])]
    assert score_article(TEXT, g, [Predicted(content=(0, 17))]).source_correct == 1
    assert score_article(TEXT, g, [Predicted(content=(0, 17), source=(18, 30), has_speaker=True)]).source_correct == 0


def test_evaluate_end_to_end(gold_dir):
    scores = evaluate_attribution(gold_dir)
    assert scores.articles == 2
    assert scores.failed_articles == 0
    assert scores.gold == 3
    assert scores.matched == 3
    assert scores.recall == 1.0
    assert scores.source_accuracy == 1.0
    assert scores.cue_accuracy == 1.0
    assert scores.direct_gold == 1 and scores.direct_quote_recall == 1.0


def test_render_table_and_json(gold_dir):
    scores = evaluate_attribution(gold_dir, limit=1)
    table = render_attribution(scores, "table")
    assert "content F1" in table and "claimrec" in table
    data = json.loads(render_attribution(scores, "json"))
    assert data["articles"] == 1
    both = json.loads(render_attribution([scores, scores.model_copy(update={"system": "other"})], "json"))
    assert [s["system"] for s in both] == ["claimrec", "other"]


def test_cli_eval_attribution(gold_dir):
    result = CliRunner().invoke(cli, ["eval", "attribution", "--gold", str(gold_dir), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["failed_articles"] == 0
    assert data["f1"] > 0.5
