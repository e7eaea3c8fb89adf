"""Changes inside otherwise copied wording, read position by position from the word alignment;
and the copies that must stay silent (the invariants of a benign rewrite)."""

from __future__ import annotations

SOURCE = (
    "The transport ministry said on Tuesday that 12 bridges in Ohio would be closed for repairs.\n\n"
    "\"We are not cutting the maintenance budget,\" said Maria Lopez, the ministry's spokeswoman.\n\n"
    "Governor John Kasich praised the plan at a news conference in Columbus, and he thanked the engineers.\n\n"
    "Critics said the closures were not announced early enough."
)


def kinds(report) -> set[str]:
    return {f.kind for f in report.findings if f.kind != "party_contradiction"}


def at(report, kind: str, rewrite_words: str):
    found = [f for f in report.findings if f.kind == kind
             and any(sp.article_id == "rw" and rewrite_words in sp.text for sp in f.evidence)]
    assert found, f"no {kind} at {rewrite_words!r}; got {[(f.kind, f.summary) for f in report.findings]}"
    return found[0]


def test_a_figure_the_source_gives_elsewhere_is_still_a_change_here(reconcile):
    r = reconcile(SOURCE, SOURCE.replace("12 bridges", "20 bridges").replace("early enough",
                                                                              "early enough, 12 days late"))
    f = at(r, "number_changed", "20")
    assert "12" in f.summary


def test_weekday_changed(reconcile):
    r = reconcile(SOURCE, SOURCE.replace("on Tuesday", "on Monday"))
    at(r, "date_changed", "Monday")


def test_negation_added_and_dropped(reconcile):
    added = reconcile(SOURCE, SOURCE.replace("Kasich praised", "Kasich did not praise"))
    at(added, "stance_flip", "not")
    dropped = reconcile(SOURCE, SOURCE.replace("We are not cutting", "We are cutting"))
    assert "stance_flip" in kinds(dropped) or "quote_altered" in kinds(dropped)


def test_a_name_in_another_name_s_place(reconcile):
    r = reconcile(SOURCE, SOURCE.replace("Governor John Kasich praised", "Governor Ted Strickland praised"))
    # Kasich speaks there ("praised"): another named speaker is a changed attribution
    assert kinds(r) & {"role_swap", "unsupported_addition", "attribution_changed"}


def test_a_place_in_another_place_s_place(reconcile):
    r = reconcile(SOURCE, SOURCE.replace("in Ohio", "in Michigan"))
    assert kinds(r) & {"place_changed", "unsupported_addition"}


def test_a_speaker_made_anonymous(reconcile):
    r = reconcile(SOURCE, SOURCE.replace("said Maria Lopez, the ministry's spokeswoman",
                                         "said a person familiar with the discussions"))
    assert "attribution_changed" in kinds(r)


def test_a_pronoun_of_another_gender(reconcile):
    r = reconcile(SOURCE, SOURCE.replace("and he thanked", "and she thanked"))
    assert kinds(r) & {"role_swap", "attribution_changed"}


def test_a_dropped_quote_is_an_omission(reconcile):
    r = reconcile(SOURCE, SOURCE.replace(
        "\"We are not cutting the maintenance budget,\" said Maria Lopez, the ministry's spokeswoman.\n\n", ""))
    found = [f for f in r.findings if f.kind == "omission"]
    assert found and found[0].severity in ("medium", "high")
    assert any("maintenance budget" in sp.text for sp in found[0].evidence)


def test_benign_copies_have_no_rewrite_findings(reconcile):
    curly = SOURCE.replace("\"We", "\u201cWe").replace("budget,\"", "budget,\u201d")
    rewrapped = SOURCE.replace("that 12 bridges", "that 12\nbridges").replace("  ", " ")
    stated = SOURCE.replace("The transport ministry said", "The transport ministry stated")
    joined = SOURCE.replace("spokeswoman.\n\nGovernor", "spokeswoman. Governor")
    for copy in (SOURCE, curly, rewrapped, stated, joined):
        assert kinds(reconcile(SOURCE, copy)) == set(), copy[:80]


def test_a_place_swapped_in_front_of_a_noun_moves_it(reconcile):
    src = "At her Brooklyn school, Joseph and other parents protested the state funding system."
    r = reconcile(src, src.replace("Brooklyn", "Houston"))
    assert "place_changed" in kinds(r)
    # a nationality for a place is a rewording
    src = "The Darwin woman moved to the Philippines in 2012 to act."
    assert "place_changed" not in kinds(reconcile(src, src.replace("Darwin", "Australian")))


def test_two_members_of_one_party_are_two_people(reconcile):
    # both presidents belong to one government party; one put in the other's place is a change
    source = ("President Donald Trump spoke to reporters at the White House on Monday about trade.\n\n"
              "On the positive side for the Democrats, President Barack Obama's approval rating remains "
              "strong, though it has declined slightly from 58 percent in the last poll to 55 percent now.")
    r = reconcile(source, source.replace("President Barack Obama's", "President Donald Trump's"))
    f = at(r, "role_swap", "Donald Trump")
    assert "Barack Obama" in f.summary


def test_a_person_put_for_another_before_the_same_noun_is_a_change(reconcile):
    source = ("Hillary Clinton spoke in Boston on Monday about the economy and jobs.\n\n"
              "Earlier this month, mothers who have lost children to gun violence hosted a Clinton event in "
              "Jacksonville and a voter-registration drive near Miami, organizers said.\n\n"
              "Donald Trump will speak in Miami on Friday, his campaign said.")
    r = reconcile(source, source.replace("a Clinton event", "a Trump event"))
    at(r, "role_swap", "Trump")


def test_a_word_put_for_its_opposite_in_copied_wording(reconcile):
    r = reconcile(SOURCE, SOURCE.replace("Kasich praised the plan", "Kasich criticized the plan"))
    at(r, "stance_flip", "criticized")


def test_a_surname_the_tagger_mislabels_is_still_a_name(reconcile):
    # "Chinni" alone is tagged a nationality; the article's "Dante Chinni" says it is a person
    source = ("Dante Chinni, who directs the American Communities Project, studied the polls on Monday.\n\n"
              "The Reuters/Ipsos poll showed Clinton doing better than in other post-debate polls, "
              "with a lead of four points among likely voters.")
    r = reconcile(source, source.replace("showed Clinton doing", "showed Chinni doing"))
    at(r, "role_swap", "Chinni")


def test_a_speaker_the_tagger_calls_a_place_is_still_a_speaker(reconcile):
    # a new surname after "said" may be tagged as a place; whoever says something is an actor
    source = ("Parents at the school on Fifth Street say the state is shortchanging it.\n\n"
              "\u201cWe need the money in order for the school to go forward,\u201d said Joseph, who has four children.\n\n"
              "The district did not respond to a request for comment on Friday.")
    r = reconcile(source, source.replace("said Joseph,", "said Baines,"))
    f = at(r, "attribution_changed", "Baines")
    assert "Joseph" in f.summary
