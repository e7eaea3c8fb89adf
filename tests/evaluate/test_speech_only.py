"""`eval attribution --speech-only`: beliefs and plans left out of the predictions."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.evaluate.attribution import evaluate_attribution
from tests.evaluate.conftest import t_line

# quote-corpus gold: the spokesman's statement is annotated, the belief and the plan are not
TEXT = ('"The plant will reopen in June," a company spokesman said.\n'
        "Local officials believe that the closure cost the town 300 jobs.\n"
        "The council plans to hold a public meeting next week.\n")


def _corpus(root):
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "plant.txt").write_text(TEXT, encoding="utf-8")
    ann = "\n".join([
        t_line("T1", "Content", TEXT, '"The plant will reopen in June,"'),
        t_line("T2", "Source", TEXT, "a company spokesman"),
        t_line("T3", "Cue", TEXT, "said"),
        t_line("T4", "Attribution", TEXT, "said"),
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
    ]) + "\n"
    (root / "attributions" / "plant_gold.ann").write_text(ann, encoding="utf-8")
    return root


def test_speech_only_drops_beliefs_and_plans_from_the_predictions(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMREC_CACHE_DIR", str(tmp_path / "cache"))
    gold = _corpus(tmp_path / "gold")
    everything = evaluate_attribution(gold)
    speech = evaluate_attribution(gold, speech_only=True)
    assert everything.matched == speech.matched == 1
    assert everything.predicted == 3 and everything.precision < 0.5
    assert speech.predicted == 1 and speech.precision == 1.0
    assert speech.speech_only and not everything.speech_only


def test_cli_speech_only_flag(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMREC_CACHE_DIR", str(tmp_path / "cache"))
    gold = _corpus(tmp_path / "gold")
    result = CliRunner().invoke(cli, ["eval", "attribution", "--gold", str(gold), "--speech-only", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["speech_only"] is True and data["predicted"] == 1
