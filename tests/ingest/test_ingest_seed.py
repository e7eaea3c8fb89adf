"""The reference pair: the wire story's cleaning and the roles of both articles."""

from __future__ import annotations

from claimrec.ingest import read_inputs


def _by_id(result):
    return {a.id: a for a in result.articles}


def test_wire_body_ends_at_the_last_sentence(seed_dir):
    wire = _by_id(read_inputs([str(seed_dir)]))["002_5b0591697e1febfe"]
    assert wire.text.endswith("including India, Vietnam and Myanmar.")
    for furniture in ("reached your limit", "Subscribe", "Ad-free Reading", "₹", "Reporting by",
                      "syndicated feed"):
        assert furniture not in wire.text


def test_wire_credits_and_outlet(seed_dir):
    wire = _by_id(read_inputs([str(seed_dir)]))["002_5b0591697e1febfe"]
    assert wire.credits[0] == "Reporting by Olzhas Auyezov; Editing by William Maclean and Kenneth Maxwell"
    assert any(c.startswith("Only the headline and picture") for c in wire.credits)
    assert wire.outlet == "Business Standard"  # from "reworked by the ... staff"
    assert wire.title is None  # its first line is a sentence, not a headline


def test_paywall_block_recorded_with_raw_offsets(wire_path, seed_dir):
    raw = wire_path.read_text(encoding="utf-8")
    wire = _by_id(read_inputs([str(seed_dir)]))["002_5b0591697e1febfe"]
    kinds = [r.kind for r in wire.removed]
    assert kinds == ["credit", "credit", "paywall"]
    for removed in wire.removed:
        assert raw[removed.raw_start : removed.raw_end] == removed.text
    paywall = wire.removed[-1]
    assert paywall.text.startswith("You’ve reached your limit")
    assert "Seamless Access Across All Devices" in paywall.text
    assert raw[paywall.raw_end :].strip() == ""  # through the end of the file


def test_wire_body_lines_are_raw_lines_unchanged(wire_path, seed_dir):
    raw_lines = set(wire_path.read_text(encoding="utf-8").splitlines())
    wire = _by_id(read_inputs([str(seed_dir)]))["002_5b0591697e1febfe"]
    assert len(wire.text.splitlines()) == 11
    assert all(line in raw_lines for line in wire.text.splitlines())


def test_rewrite_headline_becomes_title(seed_dir):
    rewrite = _by_id(read_inputs([str(seed_dir)]))["000_68e9e79a0af75a1d"]
    assert rewrite.title == "Facebook denies allegations about its content reporting system"
    assert rewrite.text.startswith("Facebook's Meta has rejected claims")
    assert rewrite.removed[0].kind == "title"
    # a subhead in the middle of the body is body text, not a title
    assert "\nKazakhstan can use the content reporting system\n" in rewrite.text


def test_seed_roles_detected(seed_dir):
    articles = _by_id(read_inputs([str(seed_dir)]))
    wire, rewrite = articles["002_5b0591697e1febfe"], articles["000_68e9e79a0af75a1d"]
    assert (wire.role, rewrite.role) == ("source", "rewrite")
    assert "Reporting by" in wire.role_reason and "Reuters" in wire.role_reason
    assert "002_5b0591697e1febfe" in rewrite.role_reason and "sentences" in rewrite.role_reason


def test_seed_roles_given_with_source(seed_dir, rewrite_path):
    articles = _by_id(read_inputs([str(seed_dir)], source=str(rewrite_path)))
    assert articles["000_68e9e79a0af75a1d"].role == "source"
    assert articles["000_68e9e79a0af75a1d"].role_reason == "given as --source"
    assert articles["002_5b0591697e1febfe"].role == "rewrite"
