"""Quote spans from quotation marks (no parse needed)."""

from __future__ import annotations

import random

import pytest

from claimrec.text.quotes import find_quotes, top_level


def spans(text):
    return [text[q.start:q.end] for q in top_level(find_quotes(text))]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win" on Monday.', ['"we will win"']),
    ("He said “we will win” on Monday.", ["“we will win”"]),
    ("Il a dit « nous gagnerons » lundi.", ["« nous gagnerons »"]),
    ("''We will win,'' the mayor said.", ["''We will win,''"]),
    ("The headline read ‘Rates are going up.’", ["‘Rates are going up.’"]),
])
def test_quote_styles(text, expected):
    assert spans(text) == expected


def test_misdirected_curly_marks_still_open_quotes():
    # smart-quote conversion of glued paragraphs ('news"."The items') turns the opener into a closer
    text = "He said the sale was “fantastic news”.”The items chart our history,” he said."
    assert spans(text) == ["“fantastic news”", "”The items chart our history,”"]
    assert spans("She said ”we will win” on Monday.") == ["”we will win”"]


def test_quotes_run_over_the_line_breaks_of_hard_wrapped_text():
    text = ("The collection risked being \u201csold and\nscattered around the globe\u201d had the money\n"
            "not been raised, she added. The museum said it was\ngrateful to the public for\n"
            "their support and would\nopen in the spring.")
    assert spans(text) == ["\u201csold and\nscattered around the globe\u201d"]
    # where line breaks end paragraphs, an unclosed quote still ends at its line
    unwrapped = 'HEADLINE: "Rates up\nThe bank raised rates.\nIt said more would come.\nMarkets fell.'
    assert [q.balanced for q in find_quotes(unwrapped)] == [False]


def test_nested_single_inside_double():
    text = "“He told me ‘never again’ and left,” she said."
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["“He told me ‘never again’ and left,”", "‘never again’"]
    assert [q.depth for q in quotes] == [0, 1]


def test_apostrophes_and_inch_marks_are_not_quotes():
    text = "The company’s chief, who is 6'3\" tall, said the 1990s' boom won't return."
    assert spans(text) == []


def test_multi_sentence_quote():
    text = '"Prices rose. Wages did not. People are angry," the economist said.'
    assert spans(text) == ['"Prices rose. Wages did not. People are angry,"']


def test_multi_paragraph_quote_reopened_each_paragraph():
    text = 'She said: "The first point is simple.\n"The second point is harder."\nThen she left.'
    quotes = top_level(find_quotes(text))
    assert len(quotes) == 1
    assert text[quotes[0].start:quotes[0].end] == '"The first point is simple.\n"The second point is harder."'
    assert quotes[0].balanced


def test_unbalanced_quote_runs_to_paragraph_end_and_is_flagged():
    text = 'He said "the deal is off. Nobody will sign it.\nNext paragraph "fine" here.'
    quotes = top_level(find_quotes(text))
    assert text[quotes[0].start:quotes[0].end] == '"the deal is off. Nobody will sign it.'
    assert quotes[0].balanced is False
    assert text[quotes[1].start:quotes[1].end] == '"fine"'
    assert quotes[1].balanced is True


def test_stray_closing_mark_is_ignored():
    assert spans("Nothing to see here” at all.") == []


@pytest.mark.parametrize("text", ["", '"', '""', "''''", "“”’‘«»", '"\n"\n"', "a\"b'c“d”e‘f’g«h»"])
def test_degenerate_inputs_never_raise(text):
    quotes = find_quotes(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)


def test_random_mark_soup_never_raises():
    rng = random.Random(7)
    alphabet = "ab \n.\"“”‘’'«»`"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        for q in find_quotes(text):
            assert 0 <= q.start < q.end <= len(text)
