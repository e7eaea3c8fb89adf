"""Property-based tests: on any text, the finders return spans that point at their text and
never raise. Examples mix news-like fragments with the characters that break naive code
(stray and unbalanced quote marks of every style, brackets, dashes, line breaks, unicode)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimrec.ingest.encoding import decode_bytes
from claimrec.ingest.problems import BadInput
from claimrec.text.quotes import find_quotes

FRAGMENTS = [
    "said", "told reporters", "according to", "he added", "she said.", "officials said",
    "the ministry", "Jane Doe", "a spokesman for the company", "denied", "did not",
    "In a statement on Tuesday", "in an email to supporters wrote", "\"We did not issue it,\"",
    "“It is false,” she said.", "‘quoted’", "'90s", "don't", "Clinton’s", "«Non»", "„Ja“",
    "``Yes''", "(AP) —", "—", "–", "...", "…", ":", ";", "\n", "\n\n", "  ", "\t",
    "President", "Trump", "Reuters", "3.2 million", "Monday", "It", "They", "who",
]
MARKS = list("\"“”„‘’'«»‹›`()[]{}—–-\n") + ["''", "``", "\u00a0", "\u200b", "\ufeff", "é", "ß", "中"]

news_like = st.lists(st.sampled_from(FRAGMENTS) | st.sampled_from(MARKS) | st.text(max_size=8),
                     max_size=40).map(" ".join)
any_text = news_like | st.text(max_size=300)


@given(any_text)
@settings(max_examples=400, deadline=None)
def test_quote_finder_spans_point_into_the_text(text):
    quotes = find_quotes(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end]  # a quote is never empty
        assert text[q.start] in "\"“”„‘’'«»‹›`" or text.startswith(("''", "``"), q.start)
    assert quotes == sorted(quotes, key=lambda q: (q.start, -q.end))


@given(news_like)
# a relative pronoun whose mention runs back to its antecedent ("officials who said")
@example("0A who said")
@example("Cambodian officials who said the deal was off left.")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_speaker_finder_spans_point_into_the_text(nlp, text):
    from claimrec.claims import find_candidates
    from claimrec.claims.speakers import find_speaker
    from claimrec.text.document import annotate
    from claimrec.text.lookups import extraction

    doc = nlp(text)
    index = annotate("t", text, doc)
    cands = find_candidates(index)
    for c in cands:
        assert 0 <= c.start <= c.end <= len(text)
        if c.speaker is not None:
            assert _points_at_its_words(text, c.speaker)
    lex = extraction()
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX"):
            found = find_speaker(index, tok, lex)
            if found is not None:
                assert _points_at_its_words(text, found)


def _points_at_its_words(text, sp) -> bool:
    """A speaker's span holds its words: a resolved pronoun keeps its own words in
    resolved_from and takes the name; a relative pronoun's mention runs from the antecedent
    it names to the pronoun ("the Interior Ministry, which")."""
    surface = text[sp.start:sp.end]
    if surface == (sp.resolved_from or sp.text):
        return True
    return bool(sp.resolved_from) and surface.startswith(sp.text) and surface.endswith(sp.resolved_from)


@given(st.binary(max_size=400) | any_text.map(lambda t: t.encode("utf-8"))
       | any_text.map(lambda t: t.encode("latin-1", "replace"))
       | any_text.map(lambda t: t.encode("utf-16")))
@settings(max_examples=400, deadline=None)
def test_decoding_any_bytes_gives_text_or_one_clear_reason(data):
    try:
        text = decode_bytes(data)
    except BadInput as bad:
        assert bad.reason and "\n" not in bad.reason
        return
    assert isinstance(text, str) and text.strip()
    for record_mode in (True,):
        try:
            decode_bytes(data, line_records=record_mode)
        except BadInput as bad:
            assert bad.reason
