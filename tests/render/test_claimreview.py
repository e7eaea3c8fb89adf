"""ClaimReview JSON-LD drafts: which findings get one and what each carries."""

from __future__ import annotations

import json

from claimrec.render import render
from claimrec.render.claimreview import reviewable


def _drafts(report) -> list[dict]:
    return json.loads(render(report, "claimreview"))


def test_drafts_for_contradictions_and_high_distortions(seed_report):
    drafts = _drafts(seed_report)
    expected = [f.id for f in seed_report.findings if reviewable(f)]
    assert [d["identifier"] for d in drafts] == expected
    kinds = {f.id: f.kind for f in seed_report.findings}
    assert {kinds[i] for i in expected} == {"party_contradiction", "hedge_dropped", "role_swap"}


def test_each_draft_has_the_required_fields(seed_report):
    by_id = {a.id: a for a in seed_report.articles}
    source = next(a for a in seed_report.articles if a.role == "source")
    for d in _drafts(seed_report):
        assert d["@context"] == "https://schema.org" and d["@type"] == "ClaimReview"
        assert d["claimReviewed"].strip()
        item = d["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["author"]["@type"] in ("Person", "Organization") and item["author"]["name"]
        assert item["appearance"] and all(w["@type"] == "NewsArticle" and w["name"]
                                          for w in item["appearance"])
        assert item["firstAppearance"]["name"] == (source.title or source.id)
        rating = d["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] in {"Disputed", "Misattributed", "Distorted", "Unsupported"}
        assert "Evidence:" in rating["ratingExplanation"]
        assert d["author"] == {"@type": "Organization", "name": "claimrec draft"}
        assert "datePublished" not in d
        assert all(a in by_id.values() for a in [source])


def test_contradiction_reviews_the_assertion_and_distortion_the_rewrite(seed_report):
    drafts = {d["identifier"]: d for d in _drafts(seed_report)}
    contradiction = drafts["f1"]
    assert contradiction["reviewRating"]["alternateName"] == "Disputed"
    assert contradiction["itemReviewed"]["author"]["name"] == "Kazakh government"
    assert "joint statement with Facebook" in contradiction["claimReviewed"]
    assert "we did not issue a joint statement" in contradiction["reviewRating"]["ratingExplanation"]
    hedge = drafts["f2"]
    rewrite = next(a for a in seed_report.articles if a.role == "rewrite")
    assert hedge["reviewRating"]["alternateName"] == "Distorted"
    assert hedge["claimReviewed"].startswith("In a joint statement with Facebook")
    assert hedge["itemReviewed"]["appearance"][0]["name"] == (rewrite.title or rewrite.id)
    assert "what it called a joint statement" in hedge["reviewRating"]["ratingExplanation"]


def test_drafts_are_deterministic_and_safe_to_embed(seed_report, hostile_report):
    assert render(seed_report, "claimreview") == render(seed_report, "claimreview")
    out = render(hostile_report, "claimreview")
    assert "<" not in out and ">" not in out  # cannot close a <script type=ld+json>
    drafts = json.loads(out)
    assert drafts and "<script>alert(1)</script>" in drafts[0]["reviewRating"]["ratingExplanation"]
    for d in drafts:  # a javascript: URL from an article never becomes a url
        for work in [*d["itemReviewed"]["appearance"], d["itemReviewed"].get("firstAppearance", {})]:
            assert not work.get("url", "https://").startswith("javascript")


def test_no_findings_gives_an_empty_array(seed_report):
    assert _drafts(seed_report.model_copy(update={"findings": []})) == []
