"""Predicates and their participants, read from real parses."""

from __future__ import annotations

from claimrec.text.predicates import describes_noun, predicates


def _preds(nlp, text):
    doc = nlp(text)
    return doc, {doc[p.verb].lemma_: p for p in predicates(doc)}


def test_a_name_in_a_preposition_on_the_object_is_a_participant(nlp):
    # the parser hangs "for Real Madrid" on "goals"; it still says for whom they were scored
    doc, preds = _preds(nlp, "Diego has scored 14 goals for Real Madrid this season.")
    assert ("for", "Real Madrid") in [(p, a.text(doc)) for p, a in preds["score"].all_preps()]


def test_a_common_noun_in_a_preposition_on_the_object_is_not(nlp):
    doc, preds = _preds(nlp, "The council approved a budget for schools on Tuesday.")
    assert "schools" not in [a.text(doc) for _, a in preds["approve"].all_preps()]


def test_a_name_describing_a_common_noun_names_nobody(nlp):
    doc = nlp("A University student said the Togo international had left.")
    assert describes_noun(doc[1])  # "University" of "student"
    assert describes_noun(doc[5])  # "Togo" of "international", tagged proper but lower-case
    assert not describes_noun(nlp("Maria Lopez said it.")[0])


def test_a_clitic_has_read_as_passive_is_active(nlp):
    # "he's paid nothing": the parser reads "'s" as the passive "is"; with a direct object the
    # verb is active and "he" is who paid
    doc, preds = _preds(nlp, "She said that he's paid nothing in state taxes.")
    pay = preds["pay"]
    assert pay.subj.text(doc) == "he"
    assert pay.negated
    # what was not paid is the taxes, and the phrase is not a circumstance besides
    assert pay.obj.text(doc) == "state taxes"
    assert not pay.preps


def test_a_passive_with_an_object_stays_passive(nlp):
    doc, preds = _preds(nlp, "The soldier was given a medal by the general.")
    give = preds["give"]
    assert give.subj.text(doc) == "general" and give.obj.text(doc) == "soldier"
