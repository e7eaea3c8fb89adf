"""The 11 findings of expected/seeds.md, through the real pipeline (ingest -> detect) on the seed pair."""

from __future__ import annotations

import pytest

from claimrec.models import SEVERITY_RANK

WIRE_ID = "002_5b0591697e1febfe"
REWRITE_ID = "000_68e9e79a0af75a1d"


@pytest.fixture(scope="module")
def report(seed_dir, wire_path, nlp, tmp_path_factory):
    from claimrec.pipeline import PipelineConfig, build_reconcile_report

    config = PipelineConfig(source=str(wire_path), cache_dir=str(tmp_path_factory.mktemp("cache")))
    return build_reconcile_report([str(seed_dir)], config)


def _text(finding, article_id: str) -> str:
    return " || ".join(sp.text for sp in finding.evidence if sp.article_id == article_id)


def _find(report, kind: str, wire: tuple[str, ...] = (), rewrite: tuple[str, ...] = (), summary: tuple[str, ...] = ()):
    """The findings of ``kind`` whose wire and rewrite evidence hold the given phrases."""
    out = []
    for f in report.findings:
        if f.kind != kind:
            continue
        w, r = _text(f, WIRE_ID), _text(f, REWRITE_ID)
        if all(p in w for p in wire) and all(p in r for p in rewrite) and all(p in f.summary for p in summary):
            out.append(f)
    return out


def _one(report, kind, **kw):
    found = _find(report, kind, **kw)
    assert found, f"no {kind} with {kw}; got: " + "; ".join(
        f"{f.kind}: {f.summary}" for f in report.findings)
    f = found[0]
    assert {sp.article_id for sp in f.evidence} >= {WIRE_ID, REWRITE_ID}, f"{kind} lacks evidence from both articles"
    assert f.summary and "\n" not in f.summary
    return f


def test_roles_are_set(report):
    roles = {a.id: a.role for a in report.articles}
    assert roles[WIRE_ID] == "source" and roles[REWRITE_ID] == "rewrite"


def test_1_joint_statement_contradiction(report):
    f = _one(report, "party_contradiction", wire=("joint statement", "we did not issue a joint statement"),
             rewrite=("joint statement",))
    assert f.severity == "high"
    assert len(f.party_ids) == 2


def test_2_exclusive_access_contradiction(report):
    f = _one(report, "party_contradiction", wire=("exclusive access",), rewrite=("exclusive access",))
    assert f.severity == "high"
    assert len(f.party_ids) == 2


def test_3_hedge_dropped(report):
    f = _one(report, "hedge_dropped", wire=("what it called a joint statement",),
             rewrite=("In a joint statement with Facebook",))
    assert "what it called" in f.summary


def test_4_stance_flip_on_the_joint_statement(report):
    found = _find(report, "stance_flip", wire=("did not issue",), rewrite=("Meta issued a statement",)) or \
        _find(report, "role_swap", wire=("statement",), rewrite=("Meta issued a statement",))
    assert found
    assert {sp.article_id for sp in found[0].evidence} >= {WIRE_ID, REWRITE_ID}


def test_5_omission_of_the_denial_is_high(report):
    f = _one(report, "omission", wire=("we did not issue a joint statement",))
    assert f.severity == "high"
    assert f.claim_ids


def test_6_attribution_changed_to_a_spokesperson(report):
    f = _one(report, "attribution_changed", wire=("Ben McConaghy",), rewrite=("a company spokesperson",))
    assert "Ben McConaghy" in f.summary and "spokesperson" in f.summary


def test_7_quote_unsourced(report):
    _one(report, "quote_unsourced", rewrite=("We have a consistent, global process in place",))


def test_8_unsupported_addition_quoting_a_new_minister(report):
    f = _one(report, "unsupported_addition", rewrite=("Aida Balyeva",))
    assert "Zakon.kz" in _text(f, REWRITE_ID)
    assert SEVERITY_RANK[f.severity] >= SEVERITY_RANK["medium"]


def test_9_speaker_variant_not_two_people(report):
    f = _one(report, "speaker_variant", wire=("Aidos Sarym",), rewrite=("Aydos Sarim",))
    assert "Deputy" in f.summary and "Congressman" in f.summary
    assert not _find(report, "unsupported_addition", rewrite=("Aydos Sarim",))
    assert not _find(report, "attribution_changed", rewrite=("Aydos Sarim",))


def test_10_role_swap_on_the_accused(report):
    _one(report, "role_swap", wire=("accused the authorities",), rewrite=("19 million residents",))


def test_11_modality_shifts(report):
    _one(report, "modality_shift", wire=("started working on",), rewrite=("began passing",))
    _one(report, "modality_shift", wire=("would streamline",), rewrite=("will simplify",))


def _overlaps_rewrite_sentence(report, finding, sentence: str) -> bool:
    body = next(a.text for a in report.articles if a.id == REWRITE_ID)
    start = body.index(sentence)
    focus = next((sp for sp in finding.evidence if sp.article_id == REWRITE_ID), None)
    return focus is not None and focus.start < start + len(sentence) and start < focus.end


@pytest.mark.parametrize("sentence", [
    "Other meta platform apps like Instagram and WhatsApp are more popular.",
    "For a long time, the company was criticized by human rights organizations",
    "The government said Kazakhstan has at least 3.2 million Facebook users.",
])
def test_paraphrases_are_not_findings(report, sentence):
    rewrite_kinds = [f for f in report.findings if f.kind not in ("omission", "party_contradiction")]
    hits = [f for f in rewrite_kinds if _overlaps_rewrite_sentence(report, f, sentence)]
    assert not hits, [f.summary for f in hits]


def test_no_number_changed_on_equal_figures(report):
    assert not [f for f in report.findings if f.kind == "number_changed" and
                ("3.2 million" in f.summary or "19 million" in f.summary)]


def test_ids_and_order(report):
    ids = [f.id for f in report.findings]
    assert sorted(ids, key=lambda i: int(i[1:])) == [f"f{k}" for k in range(1, len(ids) + 1)]
    ranks = [SEVERITY_RANK[f.severity] for f in report.findings]
    assert ranks == sorted(ranks, reverse=True)
    for f in report.findings:
        assert f.evidence and 0.0 <= f.confidence <= 1.0


@pytest.mark.parametrize("wire_words", ["is not an exclusive to Kazakhstan", "compromise solution"])
def test_claims_the_rewrite_rewords_are_not_omitted(report, wire_words):
    # "is not an exclusive to Kazakhstan ..." is kept as "The process in Kazakhstan is the same
    # as in other countries of the world"; "a compromise solution" as "as a compromise"
    assert not _find(report, "omission", wire=(wire_words,))
