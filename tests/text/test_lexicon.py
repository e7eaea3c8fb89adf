"""The lexicon: every data file validated on load, one failure named by file and field."""

from __future__ import annotations

import json
import shutil

import pytest

import claimrec.text.lexicon as lexicon_module
from claimrec.resources import data_dir
from claimrec.text.lexicon import FILES, LexiconError, load_lexicon


@pytest.fixture()
def data_copy(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(data_dir() / "lexicons", copy / "lexicons")
    monkeypatch.setattr(lexicon_module, "data_dir", lambda: copy)
    return copy / "lexicons"


def _edit(folder, name, change):
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_every_data_file_loads_and_validates():
    lex = load_lexicon()
    assert set(FILES) <= set(type(lex).model_fields)
    assert lex.cues.verbs["say"].cls == "neutral" and lex.hedges.patterns and lex.boilerplate.agencies


def test_a_cue_class_nobody_defined_is_refused(data_copy):
    _edit(data_copy, "cues.json", lambda d: d["verbs"].update({"opine": {"cls": "opinionated"}}))
    with pytest.raises(LexiconError, match="cues.json"):
        load_lexicon()


def test_a_pattern_that_does_not_compile_is_refused(data_copy):
    _edit(data_copy, "media.json", lambda d: d["patterns"].append({"kind": "x", "regex": "(unclosed"}))
    with pytest.raises(LexiconError, match="media.json"):
        load_lexicon()


def test_a_misspelt_field_is_refused(data_copy):
    _edit(data_copy, "words.json", lambda d: d.update({"negaters": ["not"]}))
    with pytest.raises(LexiconError, match="words.json"):
        load_lexicon()


def test_a_missing_or_broken_file_is_one_clear_error(data_copy):
    (data_copy / "numbers.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match="numbers.json"):
        load_lexicon()
