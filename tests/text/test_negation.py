"""The one negation test, on real parses."""

from __future__ import annotations

import pytest

from claimrec.text.negation import is_negated, negation_tokens


def _verb(doc, lemma):
    return next(t for t in doc if t.lemma_ == lemma and t.pos_ in ("VERB", "AUX"))


@pytest.mark.parametrize("text", [
    "No. Donald Trump has money and seems to think he is exempt.",
    "No.  Donald Trump has money and seems to think he is exempt.",
    "No, Donald Trump has money and seems to think he is exempt.",
])
def test_an_answering_no_negates_nothing(nlp, text):
    doc = nlp(text)
    assert not is_negated(_verb(doc, "have"))
    assert negation_tokens(doc) == []


@pytest.mark.parametrize("text, lemma", [
    ("We did not issue a joint statement.", "issue"),
    ("The company issued no statement on Monday.", "issue"),
    ("Nobody questioned the figures.", "question"),
    ("He never told the committee.", "tell"),
])
def test_negated_predicates(nlp, text, lemma):
    doc = nlp(text)
    assert is_negated(_verb(doc, lemma))
    assert negation_tokens(doc)


def test_a_bound_on_a_quantity_is_no_negation(nlp):
    doc = nlp("The plan will cost no more than 44 million dollars.")
    assert not is_negated(_verb(doc, "cost"))


@pytest.mark.parametrize("text, lemma, negated", [
    ("He said he could not be happier with the horse.", "be", False),
    ("I couldn't have been more proud of them.", "be", False),
    ("We couldn't agree more with the council.", "agree", False),
    ("He could not be reached for comment.", "reach", True),
    ("Prices could not rise further this year.", "rise", True),
])
def test_could_not_be_happier_says_the_most_not_the_opposite(nlp, text, lemma, negated):
    doc = nlp(text)
    assert is_negated(_verb(doc, lemma)) is negated
