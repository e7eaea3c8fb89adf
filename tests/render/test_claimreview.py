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
    for d in _drafts(seed_report):
        assert d["@context"] == "https://schema.org" and d["@type"] == "ClaimReview"
        assert d["claimReviewed"].strip()
        item = d["itemReviewed"]
        assert item["@type"] == "Claim"
        if "author" in item:
            assert item["author"]["@type"] in ("Person", "Organization") and item["author"]["name"]
        assert item["appearance"] and all(w["@type"] == "NewsArticle" and w["name"]
                                          for w in item["appearance"])
        assert item["firstAppearance"] in item["appearance"]
        rating = d["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] in {"Disputed", "Misattributed", "Distorted", "Unsupported"}
        assert "Evidence:" in rating["ratingExplanation"]
        assert d["creativeWorkStatus"] == "Draft"
        assert "author" not in d and "datePublished" not in d  # the publishing fact-checker's
        assert "claimrec" not in json.dumps(item.get("author", {}))


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


def _title(article):
    return article.title or article.id


def test_first_appearance_is_where_the_reviewed_words_first_stand(seed_report):
    source = next(a for a in seed_report.articles if a.role == "source")
    rewrite = next(a for a in seed_report.articles if a.role == "rewrite")
    drafts = {d["identifier"]: d for d in _drafts(seed_report)}
    # the assertion of a contradiction is the source's own
    assert drafts["f1"]["itemReviewed"]["firstAppearance"]["name"] == _title(source)
    # a distortion's words were written by the rewrite: the source never said them
    for fid in ("f2", "f6"):
        item = drafts[fid]["itemReviewed"]
        assert item["firstAppearance"]["name"] == _title(rewrite)
        assert [w["name"] for w in item["appearance"]] == [_title(rewrite)]


def test_an_assertion_carried_by_several_articles_first_appears_in_the_earliest(seed_report):
    """The government's claim made again in a second, earlier-dated article."""
    from claimrec.models import Alignment

    source, rewrite = seed_report.articles
    rewrite = rewrite.model_copy(update={"published": "2021-11-22"})
    source = source.model_copy(update={"published": "2021-11-23"})
    c2 = next(c for c in seed_report.claims if c.id == "c2")
    echo = c2.model_copy(update={
        "id": "c9", "article_id": rewrite.id,
        "speaker": c2.speaker.model_copy(update={"span": None}), "cue": None, "hedges": [],
        "content": _span(rewrite, "In a joint statement with Facebook"),
        "sentence": _span(rewrite, "In a joint statement with Facebook")})
    report = seed_report.model_copy(update={
        "articles": [source, rewrite], "claims": [*seed_report.claims, echo],
        "alignments": [*seed_report.alignments,
                       Alignment(id="a9", level="claim", claim_ids=["c2", "c9"],
                                 relation="paraphrase", similarity=0.8)]})
    item = {d["identifier"]: d for d in _drafts(report)}["f1"]["itemReviewed"]
    assert [w["name"] for w in item["appearance"]] == [_title(source), _title(rewrite)]
    assert item["firstAppearance"]["name"] == _title(rewrite)
    assert item["firstAppearance"]["datePublished"] == "2021-11-22"


def test_no_placeholder_author_when_nobody_is_named(seed_report):
    rewrite = next(a for a in seed_report.articles if a.role == "rewrite")
    assert not rewrite.outlet and not rewrite.byline
    item = {d["identifier"]: d for d in _drafts(seed_report)}["f6"]["itemReviewed"]
    assert "author" not in item  # not "publisher of ...", not "unknown"


def _span(article, needle):
    from claimrec.models import make_span

    at = article.text.index(needle)
    return make_span(article.id, article.text, at, at + len(needle))
