"""Role detection is a pure function over articles; --source overrides it."""

from __future__ import annotations

from pathlib import Path

from claimrec.ingest import read_inputs
from claimrec.ingest.outlets import find_citations, outlet_key, outlet_names, own_dateline
from claimrec.ingest.roles import assign_roles, match_source
from claimrec.models import Article

EVENTS = Path(__file__).resolve().parents[1] / "fixtures" / "events"


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
    assert "sentences closely match sentences of the source c-wire" in articles["a-rewrite"].role_reason
    assert articles["b-peer"].role_reason.startswith("only 0 of its")


def test_source_given_by_path_or_id(write, texts):
    paths = [str(write("wire.txt", texts["wire"])), str(write("copy.txt", texts["rewrite"]))]
    by_path = read_inputs(paths, source=paths[1]).articles
    assert _roles(by_path) == {"wire": "rewrite", "copy": "source"}
    by_id = read_inputs(paths, source="copy").articles
    assert _roles(by_id) == {"wire": "rewrite", "copy": "source"}
    assert next(a for a in by_id if a.id == "copy").role_reason == "given as --source"


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


# --- datelines and citations: the shapes of multi-outlet coverage -------------------------


def test_outlet_datelines_open_a_story():
    assert own_dateline("(CNN) — The doctor of comedian ...")["outlet"] == "CNN"
    assert own_dateline("WASHINGTON (Reuters) - The Senate voted ...")["outlet"] == "Reuters"
    assert own_dateline("MILLBROOK, Ohio (AP) — A post shared ...")["outlet"] == "AP"
    assert own_dateline("LOS ANGELES, Sept. 5 (Reuters) -- Shares fell ...")["outlet"] == "Reuters"
    # a party label in brackets, or a bracket deep inside the story, is no dateline
    assert own_dateline("Sen. Ted Cruz (R-Texas) - who spoke first - said ...") is None
    late = "One.\n\nTwo.\n\nThree.\n\n(CNN) — Four."
    assert own_dateline(late) is None


def test_outlet_names_and_keys():
    article = _article("x", "(CNN) — Text.", outlet="CNN.com", url="https://edition.cnn.com/2014/09/09/x")
    assert {outlet_key(n) for n in outlet_names(article)} == {"cnn"}
    wire = _article("w", "NEW YORK (AP) — Text.")
    assert "The Associated Press" in outlet_names(wire)
    assert outlet_key("The Associated Press") == outlet_key("associated press")


def test_citations_in_several_shapes():
    text = ("The doctor took a selfie, CNN reported Tuesday. He also began a biopsy, according to CNN. "
            "A source told the Los Angeles Times that he denies it. As first reported by TMZ, ...")
    found = [(c.outlet, c.quote) for c in find_citations(text, ["CNN", "Los Angeles Times", "TMZ"])]
    assert found == [("CNN", "CNN reported"), ("CNN", "according to CNN"),
                     ("Los Angeles Times", "told the Los Angeles Times"),
                     ("TMZ", "first reported by TMZ")]
    # lower case is an ordinary word, not the outlet
    assert find_citations("the times reported a fall", ["Times"]) == []


def test_dateline_original_and_citing_report_are_source_and_rewrite():
    """A (CNN) original, a piece citing CNN, one citing an outlet not among the inputs, one independent."""
    roles = {a.id: a for a in read_inputs([str(EVENTS / "clinic")]).articles}
    assert roles["cnn-doctor-photo"].role == "source"
    assert "its own dateline '(CNN) —'" in roles["cnn-doctor-photo"].role_reason
    assert "cited by latimes-selfie-report ('CNN reported')" in roles["cnn-doctor-photo"].role_reason
    assert roles["latimes-selfie-report"].role == "rewrite"
    assert roles["latimes-selfie-report"].role_reason.startswith(
        "cites the source cnn-doctor-photo ('CNN reported')")
    assert roles["celebwatch-doctor-denies"].role == "peer"  # it cites TMZ, not CNN
    assert roles["nypost-clinic-review"].role == "peer"


def test_agency_dateline_and_citation_of_the_agency():
    roles = {a.id: a for a in read_inputs([str(EVENTS / "hoax")]).articles}
    assert roles["ap-factcheck"].role == "source"
    assert roles["newsnow-rewrite"].role == "rewrite"
    assert "The Associated Press reported" in roles["newsnow-rewrite"].role_reason
    # one sentence in common with the fact-check does not make the hoax post a copy of it
    assert roles["libertydaily-claim"].role == "peer"
    assert roles["gazette-mayor"].role == "peer"


def test_an_outlet_citing_itself_is_first_hand():
    own = _article("cnn", "(CNN) — The clinic is under review, a source told CNN on Monday.")
    other = _article("post", "The clinic is under review, officials said on Monday, in a statement.")
    roles = assign_roles([other, own])
    assert _roles(roles) == {"cnn": "source", "post": "peer"}
    assert "cited by" not in roles[1].role_reason


def test_diff_names_its_source_argument(write, texts):
    paths = [str(write("wire.txt", texts["wire"])), str(write("copy.txt", texts["rewrite"]))]
    articles = read_inputs(paths, source=paths[0], source_given_as="SOURCE").articles
    assert articles[0].role_reason == "given as SOURCE"
    assert "--source" not in articles[1].role_reason


def test_after_alignment_a_rewrite_reason_gives_both_counts_by_name(write, texts):
    from claimrec.ingest.roles import confirm_roles
    from claimrec.models import Derivation

    paths = [str(write("wire.txt", texts["wire"])), str(write("copy.txt", texts["rewrite"]))]
    articles = read_inputs(paths).articles
    d = Derivation(source_id="wire", rewrite_id="copy", sentences=5, verbatim=0, rewritten=4, new=1,
                   derived_share=0.8, label="wholly")
    confirmed = {a.id: a for a in confirm_roles(articles, [d])}
    reason = confirmed["copy"].role_reason
    assert "closely match sentences of the source wire (quick word-overlap check)" in reason
    assert reason.endswith("; sentence alignment: 4 of its 5 sentences come from the source "
                           "(0 verbatim, 4 rewritten, 1 new; wholly derived)")
    assert confirmed["wire"].role_reason == next(a for a in articles if a.id == "wire").role_reason
    assert confirm_roles(list(confirmed.values()), [d]) == list(confirmed.values())  # once only


def test_a_machine_tokenised_rewrite_is_restored_from_its_source(tmp_path):
    from claimrec.ingest import read_inputs

    source = tmp_path / "wire.txt"
    source.write_text("The U.S. Navy said on Monday that its ship had reached Manila.\n\n"
                      "Officials in Washington did not comment.", encoding="utf-8")
    rewrite = tmp_path / "summary.txt"
    rewrite.write_text("the u.s. navy 's ship had reached manila , officials said .", encoding="utf-8")
    articles = read_inputs([str(source), str(rewrite)], source=str(source)).articles
    restored = next(a for a in articles if a.role == "rewrite")
    assert restored.text.startswith("The U.S. Navy's ship had reached Manila, officials said.")
    assert "recased" in restored.role_reason
