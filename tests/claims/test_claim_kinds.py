"""Claim kinds (speech / belief / plan / according-to) and the speech-only views."""

from __future__ import annotations

from claimrec.claims.kinds import speech_only, speech_only_report
from claimrec.models import Article, Finding, Report, make_span
from tests.claims.conftest import only

TEXT = ("The finance minister said the budget would be balanced by 2026. "
        "Analysts expect that interest rates will fall next year. "
        "The union wants to renegotiate the contract in May. "
        "Unemployment rose to 6 percent in March, according to the statistics office. "
        '"We will not back down," the union leader told reporters.')


def test_each_claim_says_what_kind_of_attribution_it_is(extract):
    claims = extract(TEXT)
    assert only(claims, cue="say").kind == "speech"
    assert only(claims, cue="expect").kind == "belief"
    assert only(claims, cue="want").kind == "plan"
    assert only(claims, cue="according to").kind == "according-to"
    assert only(claims, cue="tell").kind == "speech"


def test_speech_only_keeps_speech_and_named_sources(extract):
    claims = extract(TEXT)
    kept = speech_only(claims)
    assert {c.cue.lemma for c in kept} == {"say", "according to", "tell"}
    assert [c.id for c in kept] == [c.id for c in claims if c.cue.lemma in ("say", "according to", "tell")]


def test_speech_only_report_drops_references_to_dropped_claims(extract):
    claims = extract(TEXT)
    article = Article(id="t", path="t.txt", text=TEXT)
    belief = only(claims, cue="expect")
    said = only(claims, cue="say")
    on_belief = Finding(id="f1", kind="hedge_added", severity="low", confidence=0.5, summary="x",
                        claim_ids=[belief.id], evidence=[belief.content])
    on_both = Finding(id="f2", kind="omission", severity="low", confidence=0.5, summary="y",
                      claim_ids=[belief.id, said.id],
                      evidence=[make_span("t", TEXT, said.content.start, said.content.end)])
    report = Report(articles=[article], claims=claims, findings=[on_belief, on_both])
    view = speech_only_report(report)
    assert all(c.kind in ("speech", "according-to") for c in view.claims)
    assert [f.id for f in view.findings] == ["f2"]
    assert view.findings[0].claim_ids == [said.id]
    # the view is still a valid report
    Report.model_validate(view.model_dump())


def test_directives_are_speech_and_findings_are_beliefs(extract):
    claims = extract("The mayor urged residents to conserve water. "
                     "Investigators found that the brakes had failed. "
                     "A new poll shows a close race in the state.")
    assert only(claims, cue="urge").kind == "speech"
    assert only(claims, cue="find").kind == "belief"
    assert only(claims, cue="show").kind == "belief"


def test_less_common_reporting_verbs(extract):
    text = ('"We have to keep going," he said, noting the progress made in recent months. '
            'The curator observed that the program began on the anniversary of his death. '
            'She characterized the dispute as "a small skirmish in a long war." '
            "His sister pleaded with him to take the girl to a doctor. "
            "Posts on the forum theorized that the site had been attacked.")
    claims = extract(text)
    assert only(claims, cue="note").content.text == "the progress made in recent months"
    assert only(claims, cue="observe").content.text == ("that the program began on the anniversary "
                                                       "of his death")
    assert "a small skirmish" in only(claims, cue="characterize").content.text
    plead = only(claims, cue="plead")
    assert plead.content.text == "to take the girl to a doctor" and plead.kind == "speech"
    assert only(claims, cue="theorize").content.text == "that the site had been attacked"
