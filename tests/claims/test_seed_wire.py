"""The seed wire story: every claim of expected/seeds.md with speaker, cue, quote type and stance."""

from __future__ import annotations

import pytest

from claimrec.claims import extract_claims
from claimrec.ingest import read_inputs
from claimrec.text.document import annotate


@pytest.fixture(scope="module")
def wire_claims(nlp, wire_path):
    article = read_inputs([str(wire_path)]).articles[0]
    return extract_claims(article, annotate(article.id, article.text, nlp(article.text)))


def find(claims, cue, content):
    hits = [c for c in claims if c.cue and c.cue.text == cue and content in c.content.text]
    assert len(hits) == 1, [(c.cue and c.cue.text, c.content.text[:60]) for c in claims]
    return hits[0]


def who(claim) -> str:
    return claim.speaker.name or claim.speaker.text


def test_at_least_eight_claims(wire_claims):
    assert len(wire_claims) >= 8
    assert [c.id for c in wire_claims] == [f"002_5b0591697e1febfe:c{n}" for n in range(1, len(wire_claims) + 1)]


def test_meta_denies_exclusive_access(wire_claims):
    c = find(wire_claims, "denied", "exclusive access")
    assert who(c) == "Meta Platforms"
    assert c.speaker.kind == "organisation"
    assert (c.quote, c.stance, c.cue.cls) == ("indirect", "deny", "denial")


def test_government_claim_embedded_in_the_denial(wire_claims):
    outer = find(wire_claims, "denied", "exclusive access")
    inner = find(wire_claims, "claim", "granted exclusive access")
    assert inner.embedded_in == outer.id
    assert "Kazakh government" in who(inner)
    assert (inner.quote, inner.stance) == ("indirect", "assert")


def test_government_called_and_touted(wire_claims):
    called = find(wire_claims, "called", "joint statement with Facebook")
    assert "Kazakh government" in who(called)
    assert called.speaker.resolved_from == "it"
    touted = find(wire_claims, "touted", "compromise solution")
    assert "Kazakh government" in who(touted)
    assert any(h.text == "what it called" for h in touted.hedges)
    for c in (called, touted):
        assert (c.quote, c.stance, c.speaker.kind) == ("indirect", "assert", "government")


def test_cabinet_said_agreement_would_streamline(wire_claims):
    c = find(wire_claims, "said", "would streamline")
    assert who(c) == "Nur-Sultan cabinet"
    assert (c.quote, c.stance) == ("indirect", "assert")
    assert any(h.kind == "modal" and h.text == "would" for h in c.hedges)


def test_mcconaghy_direct_denial_in_email(wire_claims):
    c = find(wire_claims, "said", "we did not issue a joint statement")
    assert c.speaker.name == "Ben McConaghy"
    assert c.speaker.title == "director for policy communications in Asia-Pacific"
    assert c.speaker.affiliation == "Meta Platforms"
    assert c.speaker.kind == "person"
    assert c.content.text.startswith('"Firstly,') and c.content.text.endswith('local law."')
    assert (c.quote, c.stance, c.negated) == ("direct", "deny", True)
    assert c.medium == "in an email to Reuters"


def test_he_added_resolves_to_mcconaghy(wire_claims):
    c = find(wire_claims, "added", "not an exclusive to Kazakhstan")
    assert c.speaker.name == "Ben McConaghy"
    assert c.speaker.resolved_from == "He"
    assert c.speaker.span.text == "He"
    assert (c.quote, c.stance, c.negated) == ("mixed", "deny", True)


def test_sarym_on_facebook(wire_claims):
    c = find(wire_claims, "said", "paved way for talks")
    assert c.speaker.name == "Aidos Sarym"
    assert c.speaker.title == "Deputy"
    assert "ready to soften its provisions" in c.content.text
    assert c.medium == "on his Facebook page"
    assert (c.quote, c.stance) == ("indirect", "assert")


def test_critics_accused_authorities(wire_claims):
    c = find(wire_claims, "accused", "censorship tools")
    assert c.speaker.text == "Critics of the bill"
    assert c.speaker.kind == "group"
    assert c.content.text.startswith("the authorities")
    assert (c.quote, c.stance, c.cue.cls) == ("indirect", "assert", "accusation")


def test_bill_authors_say(wire_claims):
    c = find(wire_claims, "say", "prevent cyber-bullying")
    assert c.speaker.text == "the bill's authors"
    assert (c.quote, c.stance) == ("indirect", "assert")


def test_government_said_facebook_users(wire_claims):
    c = find(wire_claims, "said", "3.2 million Facebook users")
    assert "Kazakh government" in who(c)
    assert c.speaker.resolved_from == "The government"
    assert c.speaker.kind == "government"
    assert (c.quote, c.stance) == ("indirect", "assert")


def test_no_claim_from_credit_lines_or_paywall(wire_claims):
    assert all("Reporting by" not in c.sentence.text for c in wire_claims)
    assert all("Subscribe" not in c.content.text for c in wire_claims)
