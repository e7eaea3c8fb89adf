"""Role detection is a pure function over articles; --source overrides it."""

from __future__ import annotations

from claimrec.ingest import read_inputs
from claimrec.ingest.roles import assign_roles, match_source
from claimrec.models import Article


def _article(id_: str, text: str, **fields) -> Article:
    return Article(id=id_, path=f"/news/{id_}.txt", text=text, **fields)


def _roles(articles):
    return {a.id: a.role for a in articles}


def test_wire_rewrite_and_independent_peer(write, texts):
    paths = [write("a-rewrite.txt", texts["rewrite"]), write("b-peer.txt", texts["peer"]),
             write("c-wire.txt", texts["wire"])]
    result = read_inputs([str(p) for p in paths])
    articles = {a.id: a for a in result.articles}
    assert _roles(result.articles) == {"a-rewrite": "rewrite", "b-peer": "peer", "c-wire": "source"}
    assert "credit line 'Reporting by Tom Ellis" in articles["c-wire"].role_reason
    assert "agency dateline '(Reuters) -'" in articles["c-wire"].role_reason
    assert articles["a-rewrite"].role_reason.startswith("shares ")
    assert "with the source c-wire" in articles["a-rewrite"].role_reason
    assert articles["b-peer"].role_reason.startswith("only shares 0%")


def test_source_given_by_path_or_id(write, texts):
    paths = [str(write("wire.txt", texts["wire"])), str(write("copy.txt", texts["rewrite"]))]
    by_path = read_inputs(paths, source=paths[1]).articles
    assert _roles(by_path) == {"wire": "rewrite", "copy": "source"}
    by_id = read_inputs(paths, source="copy").articles
    assert _roles(by_id) == {"wire": "rewrite", "copy": "source"}
    assert next(a for a in by_id if a.id == "copy").role_reason == "given with --source"


def test_source_outside_the_inputs_is_read_in(write, texts):
    wire = write("wire.txt", texts["wire"], folder="elsewhere")
    copy = write("copy.txt", texts["rewrite"])
    articles = read_inputs([str(copy)], source=str(wire)).articles
    assert [(a.id, a.role) for a in articles] == [("wire", "source"), ("copy", "rewrite")]


def test_single_article_source_only_with_agency_signs(texts):
    [wire] = assign_roles([_article("w", texts["wire"])])
    assert wire.role == "source"
    [peer] = assign_roles([_article("p", texts["peer"])])
    assert peer.role == "peer" and "only article" in peer.role_reason


def test_agency_credit_without_dateline():
    text = "The mine will close in June, the company said on Tuesday."
    [article] = assign_roles([_article("m", text, credits=["Writing by Omar Said; Editing by Peter Lind"])])
    assert article.role == "source" and "credit line 'Writing by Omar Said" in article.role_reason


def test_earliest_date_is_source_only_when_copied(texts):
    no_agency = (texts["wire"].replace(" (Reuters)", "").replace("told Reuters", "said")
                 .rsplit("(Reporting", 1)[0])
    early = _article("early", no_agency, published="2023-06-01T08:00:00+00:00")
    late_copy = _article("late", texts["rewrite"], published="2023-06-01T11:30:00+00:00")
    unrelated = _article("other", texts["peer"], published="2023-05-30")
    roles = assign_roles([late_copy, unrelated, early])
    assert _roles(roles) == {"late": "peer", "other": "peer", "early": "peer"}  # "other" is earliest
    roles = assign_roles([late_copy, early])
    assert _roles(roles) == {"late": "rewrite", "early": "source"}
    assert next(a for a in roles if a.id == "early").role_reason.startswith("earliest published date")


def test_no_signs_means_peers(texts):
    roles = assign_roles([_article("x", texts["rewrite"]), _article("y", texts["peer"])])
    assert _roles(roles) == {"x": "peer", "y": "peer"}
    assert all("no agency credit line" in a.role_reason for a in roles)


def test_citing_an_agency_is_not_wire_copy():
    cited = _article("c", "The company denied the report, according to Reuters, and said talks continue.")
    [article] = assign_roles([cited])
    assert article.role == "peer"


def test_match_source_and_purity(texts):
    articles = [_article("a", texts["wire"]), _article("b", texts["rewrite"])]
    assert match_source(articles, "b") == "b"
    assert match_source(articles, "/news/a.txt") == "a"
    assert match_source(articles, "nothing") is None
    assigned = assign_roles(articles, "b")
    assert [a.role for a in articles] == ["peer", "peer"]  # inputs untouched
    assert _roles(assigned) == {"a": "rewrite", "b": "source"}
    assert assign_roles([]) == []
