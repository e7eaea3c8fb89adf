"""Bad input never raises: empty, tiny, odd unicode, quote soup, mismatched parses."""

from __future__ import annotations

import pytest

from claimrec.claims import extract_claims
from claimrec.models import Article, Report
from claimrec.text.document import annotate


@pytest.mark.parametrize("text", [
    "",
    " ",
    "said",
    '"',
    '""""""',
    "“”‘’«»\n\n\n“",
    "He said: ",
    "According to",
    "\u200b\u200b said \ufeff that",
    "🙂 “Emoji quote 🙂,” she said 🙂.",
    "Δ said that ε.\n\n\n",
    "Critics:\n:\n: said",
    "—\n―\n-- ― Jane",
    'He said "' + "very long " * 400,
])
def test_odd_texts_do_not_raise(extract, text):
    claims = extract(text)
    report = Report(articles=[Article(id="t", path="t.txt", text=text)], claims=claims)
    assert len(report.claims) == len(claims)


def test_parse_of_other_text_gives_no_claims(nlp):
    article = Article(id="t", path="t.txt", text="The mayor said the roads were closed.")
    other = "Something else entirely."
    assert extract_claims(article, annotate("t", other, nlp(other))) == []


def test_report_validates_claim_spans(extract):
    text = ('Facebook owner Nordwind said on Tuesday, "We never agreed to that." '
            "The ministry, which called it a joint statement, said it would respond.\n"
            '"It is over," he said.\n"Really over."')
    claims = extract(text)
    Report(articles=[Article(id="t", path="t.txt", text=text)], claims=claims)
    assert all(0.0 <= c.confidence <= 1.0 for c in claims)
