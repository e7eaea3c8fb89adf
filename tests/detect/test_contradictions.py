"""party_contradiction within one article and across articles."""

from __future__ import annotations


def contradictions(report):
    return [f for f in report.findings if f.kind == "party_contradiction"]


def test_assert_and_deny_in_one_article(reconcile):
    r = reconcile("The ministry said it had signed a joint agreement with the teachers' union on Monday. "
                  "The union said it had not signed a joint agreement and that talks would continue.")
    found = contradictions(r)
    assert len(found) == 1
    f = found[0]
    # two described speakers ("the ministry", "the union"), not named parties: medium
    assert f.severity == "medium" and len(f.claim_ids) == 2
    assert "joint agreement" in f.summary


def test_named_parties_asserting_and_denying_one_proposition_is_high(reconcile):
    r = reconcile("Acme Corp said on Monday that it had signed a supply contract with Boreal Steel. "
                  "Boreal Steel said it had not signed a supply contract with Acme Corp.")
    [f] = contradictions(r)
    assert f.severity == "high"
    assert {p for p in f.party_ids}  # both sides are parties


def test_a_question_takes_no_position(reconcile):
    r = reconcile("The senator asked whether the agency had destroyed the records. "
                  "The agency said it had not destroyed the records.")
    assert not contradictions(r)


def test_reporter_of_a_denial_is_not_the_denier(reconcile):
    r = reconcile("Senator Jane Holt said the clinic had performed the procedure on the patient. "
                  "CNN reported that the clinic denied it had performed the procedure on the patient.")
    found = contradictions(r)
    assert found and all("CNN" not in f.summary for f in found)
    assert any("clinic" in f.summary.lower() for f in found)


def test_topic_words_alone_are_no_shared_proposition(reconcile):
    r = reconcile("Clinton said the tax plan would help working families in Ohio. "
                  "Trump said the tax plan was not the reason factories left Ohio.")
    assert not contradictions(r)


def test_denied_a_claim_by_another_party(reconcile):
    r = reconcile("The airline on Wednesday denied a claim by the pilots' union that it had cancelled "
                  "300 flights because of staff shortages.")
    f = contradictions(r)[0]
    assert "airline" in f.summary.lower() and "pilots' union" in f.summary
    assert "cancelled 300 flights" in " ".join(sp.text for sp in f.evidence)


def test_across_articles_with_evidence_from_each(reconcile):
    r = reconcile("The ministry said on Monday it had signed a joint agreement with the teachers' union.",
                  None,
                  "The teachers' union said it had not signed a joint agreement with the ministry.")
    found = contradictions(r)
    assert found
    assert {sp.article_id for sp in found[0].evidence} == {"src", "peer0"}


def test_different_figures_are_incompatible_versions(reconcile):
    r = reconcile("Police said 12 people were injured in the blast. "
                  "Hospital officials said 40 people were injured in the blast.")
    f = contradictions(r)[0]
    assert f.severity == "medium" and "12" in f.summary and "40" in f.summary


def test_figures_for_other_places_or_times_are_no_contradiction(reconcile):
    # a city over five days and one of its districts on one day: two counts, both may be true
    r = reconcile("A monitoring group said 246 people had been killed in Aleppo in the last five days. "
                  "Activists said 14 people were killed in the Hanano district on Thursday.")
    assert not contradictions(r)
    r = reconcile("Police said 12 people were injured in the blast on Monday. "
                  "Hospital officials said 40 people were injured in the blast on Tuesday.")
    assert not contradictions(r)


def test_one_party_saying_two_things_is_no_contradiction(reconcile):
    r = reconcile("The ministry said the new school would open in May. "
                  "The ministry said it had not approved the budget for the new road.")
    assert not contradictions(r)


def test_agreeing_parties_are_no_contradiction(reconcile):
    r = reconcile("The ministry said it had signed a joint agreement with the union. "
                  "The union said it had signed a joint agreement with the ministry.")
    assert not contradictions(r)


def test_he_against_his_own_first_person_denial(reconcile):
    r = reconcile("Senator Clara Voss said that Governor Tom Reed has paid nothing in state taxes. "
                  "Governor Tom Reed said, \"Of course, I pay state taxes.\"")
    [f] = contradictions(r)
    assert "state taxes" in " ".join(sp.text for sp in f.evidence)


def test_he_is_no_group_of_people(reconcile):
    # "he" cannot be "the top 1 percent": two propositions about paying taxes, not one
    r = reconcile("Senator Clara Voss said that Governor Tom Reed has paid nothing in state taxes. "
                  "The revenue office said the top 1 percent paid 25 percent of all state taxes.")
    assert not contradictions(r)


def test_one_government_asserts_what_another_denies_across_articles(reconcile):
    r = reconcile("LVIV (Reuters) - Ukraine's foreign ministry said on Tuesday that Russian forces had "
                  "shelled a school in Sumy.",
                  None,
                  "The Russian defence ministry said its forces had not shelled any school in Sumy.")
    [f] = contradictions(r)
    assert f.severity == "high"
    # the dateline is no part of the speaker, and two ministries are two parties
    assert "Reuters" not in f.summary and "LVIV" not in f.summary


def test_a_shared_modifier_is_no_shared_participant(reconcile):
    # "tax" is a word of both objects, the rate and the liability are two things
    r = reconcile("The governor called for cutting the state tax rate to 4 percent.",
                  None,
                  "The plan's top priority \"is raising the tax burden at the top,\" Senator Ana Ruiz said.")
    assert not contradictions(r)
