"""Figures, dates, names and stems normalised the way the detectors compare them."""

from __future__ import annotations

import pytest

from claimrec.text.keys import base_key
from claimrec.text.normalize import fold, name_similarity, names_compatible
from claimrec.text.quantities import dates, figures, gives, same_value


def one_figure(nlp, text):
    found = figures(nlp(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("a,b", [
    ("at least 3.2 million Facebook users", "3,200,000 Facebook users"),
    ("a nation of 19 million", "a nation of 19m people"),
    ("the company paid \u00a348.6m", "the company paid \u00a348,600,000"),
    ("fifty percent of voters", "50% of voters"),
    ("twenty five cars", "25 cars"),
    ("about 3 million users", "3.2 million users"),
    # rounding is read off the written digits: "$10 million" is rounded to the million
    ("a $10 million grant", "a $10.4 million grant"),
    ("2,000 jobs", "2,040 jobs"),
    ("about 40 people", "43 people"),
])
def test_equal_figures(nlp, a, b):
    assert same_value(one_figure(nlp, a), one_figure(nlp, b))


@pytest.mark.parametrize("a,b", [
    ("3,200 homes", "5,200 homes"),
    ("3.2 million users", "32 million users"),
    ("48 million", "48.6 million"),
    # a small count's trailing zero is a digit, not rounding
    ("invested $10 million", "invested $15 million"),
    ("60 acres", "65 acres"),
    ("the 100-page report", "the 125-page report"),
    # two estimates that differ are two figures
    ("about 20 people", "about 23 people"),
    ("nearly $55 billion", "nearly $52 billion"),
    ("more than 2,000 events", "more than 1,500 events"),
    # a number word is a count: "ten" is not "nine" rounded
    ("one of every nine voters", "one of every ten voters"),
])
def test_different_figures(nlp, a, b):
    assert not same_value(one_figure(nlp, a), one_figure(nlp, b))


@pytest.mark.parametrize("source,rewrite", [
    ("2,000 jobs", "2,040 jobs"),
    ("more than 100,000 people", "100,005 people"),
    ("about 40 people", "43 people"),
])
def test_a_rewrite_never_gives_a_figure_more_precisely_than_its_source(nlp, source, rewrite):
    s, r = one_figure(nlp, source), one_figure(nlp, rewrite)
    assert gives(r, s)  # rounding the source's figure is giving it
    assert not gives(s, r)  # inventing the digits the source rounded away is not


def test_number_words_the_tagger_calls_nouns_and_glued_scales_are_figures(nlp):
    assert one_figure(nlp, "The eleven taped an hourlong show.").value == 11
    assert (one_figure(nlp, "The family will donate $1million.").value, one_figure(
        nlp, "The family will donate $1million.").unit) == (1e6, "usd")
    # a name is no count
    assert not figures(nlp("Ocean's Eleven was a film."))


def test_slash_dates_are_days_and_fractions_past_a_calendar_are_not(nlp):
    kinds = {(d.kind, d.value) for d in dates(nlp("The 9/11 attacks were recalled in a 9/17/16 memo."))}
    assert ("day", (9, 11)) in kinds and ("day", (9, 17)) in kinds
    assert not dates(nlp("The score was 13/17 on the test."))


def test_ordinals_are_ranks_equal_only_to_the_same_rank(nlp):
    third, third_word = one_figure(nlp, "Obama won a 3rd term."), one_figure(nlp, "Obama won a third term.")
    assert third.ordinal and third_word.ordinal and same_value(third, third_word)
    assert (third.value, third.unit) == (3.0, "term")
    # a rank is no amount, and ranks are not rounded: the 70th anniversary is not the 72nd
    assert not same_value(third, one_figure(nlp, "Obama won 3 terms."))
    assert not same_value(one_figure(nlp, "the 70th anniversary"), one_figure(nlp, "the 72nd anniversary"))
    # "second" as a unit of time and "First Minister" as a title are no ranks
    assert not [f for f in figures(nlp("First Minister Nicola Sturgeon spoke for a second.")) if f.ordinal]
    # a day of the month is a date
    assert not figures(nlp("The vote was held on June 2nd."))


def test_units_and_years(nlp):
    doc = nlp("The 23-year-old moved in 2012 and paid $5bn for 3.2 million users.")
    found = {(f.value, f.unit) for f in figures(doc)}
    assert (23.0, "year") in found and (5e9, "usd") in found and (3.2e6, "user") in found
    assert all(f.value != 2012 for f in figures(doc))
    kinds = {(d.kind, d.value) for d in dates(doc)}
    assert ("year", 2012) in kinds


def test_dates(nlp):
    doc = nlp("The talks resumed on Tuesday, April 26, at 10:30pm, a week after last week's vote in May.")
    kinds = {(d.kind, d.value) for d in dates(doc)}
    assert ("weekday", 2) in kinds and ("day", (4, 26)) in kinds and ("time", "22:30") in kinds
    assert ("month", 5) in kinds and ("relative", "last week") in kinds
    assert not [d for d in dates(nlp("She may resign.")) if d.kind == "month"]


def test_names():
    assert name_similarity("Aydos Sarim", "Aidos Sarym") == 1.0
    assert names_compatible("McConaghy", "Ben McConaghy")
    assert not names_compatible("Jane Holt", "John Smith")


def test_fold_and_keys():
    assert fold("the u.s. 's \u201cbig\u201d plan , he said") == "the u.s.'s \"big\" plan, he said"
    assert fold("\u201cNo\u201d \u2014 it\u2019s\u00a0done") == fold('"No" - it\'s done')
    assert base_key("criticise") == base_key("criticism") == base_key("criticize")
    assert base_key("policy") != base_key("police")
    assert base_key("Sarym", proper=True) == base_key("Sarim", proper=True)
    assert base_key("3,200,000", number=True) == "3200000"


def test_a_line_wrapped_mid_sentence_is_no_paragraph_or_sentence_break(nlp):
    # one paragraph hard-wrapped in an otherwise unwrapped text: the break before a lower-case
    # word after no full stop wraps the sentence
    from claimrec.text.document import annotate

    text = ("Ms. Reed then followed up with what appeared to be the senator's\nclear reference to the "
            "governor, but\nthe senator said he was not speaking only about him.\n\nThe hearing ended.")
    adoc = annotate("t", text, nlp(text))
    assert [text[s:s + 12] for s in adoc.para_starts] == ["Ms. Reed the", "The hearing "]
    sents = [s.text for s in adoc.doc.sents]
    assert any("appeared" in s and "clear reference" in s for s in sents)
