"""Each rewrite-vs-source finding kind on two short articles, and the look-alikes that must not fire."""

from __future__ import annotations

import pytest


def kinds(report) -> list[str]:
    return [f.kind for f in report.findings]


def of_kind(report, kind: str):
    return [f for f in report.findings if f.kind == kind]


def both_sides(finding) -> bool:
    return {sp.article_id for sp in finding.evidence} >= {"src", "rw"}


def only(report, kind: str):
    found = of_kind(report, kind)
    assert found, f"no {kind}; got {[(f.kind, f.summary) for f in report.findings]}"
    assert both_sides(found[0]), found[0].evidence
    return found[0]


# --- hedges ---------------------------------------------------------------------------------

def test_hedge_dropped(reconcile):
    r = reconcile("In what officials called a routine inspection, the ministry closed three factories.",
                  "In a routine inspection, the ministry closed three factories.")
    f = only(r, "hedge_dropped")
    assert "what officials called" in f.summary and "In a routine inspection" in f.summary


def test_hedge_kept_in_other_words_is_not_dropped(reconcile):
    r = reconcile("In what officials called a routine inspection, the ministry closed three factories.",
                  "In what officials described as a routine inspection, the ministry closed three factories.")
    assert "hedge_dropped" not in kinds(r)


def test_hedge_added(reconcile):
    r = reconcile("The company's exclusive deal with the city was signed in May.",
                  "The company's so-called exclusive deal with the city was signed in May.")
    f = only(r, "hedge_added")
    assert f.severity == "low" and "so-called" in f.summary


def test_allegedly_dropped(reconcile):
    r = reconcile("Police said the driver allegedly ran a red light before the crash on Main Street.",
                  "Police said the driver ran a red light before the crash on Main Street.")
    assert "hedge_dropped" in kinds(r)


# --- speakers -------------------------------------------------------------------------------

def test_attribution_changed_named_to_anonymous(reconcile):
    r = reconcile("Maria Lopez, the hospital's chief executive, said the ward would reopen next month.",
                  "A hospital spokesperson said the ward would reopen next month.")
    f = only(r, "attribution_changed")
    assert "Maria Lopez" in f.summary and "spokesperson" in f.summary


def test_the_speaker_called_by_the_source_s_own_title_is_not_anonymised(reconcile):
    src = ("The hospital's chief executive Maria Lopez said the ward would reopen next month. "
           "Staff had been moved to other buildings.")
    r = reconcile(src, "The hospital's chief executive said the ward would reopen next month.")
    assert "attribution_changed" not in kinds(r)
    r = reconcile("Maria Lopez, the hospital's chief executive, said the ward would reopen next month.",
                  "The hospital's chief executive said the ward would reopen next month.")
    assert "attribution_changed" not in kinds(r)
    # an indefinite description hides who spoke even when it repeats the title
    r = reconcile(src, "A hospital chief executive said the ward would reopen next month.")
    assert "attribution_changed" in kinds(r)


def test_a_quote_given_to_another_named_person_of_the_same_body_is_reattributed(reconcile):
    src = ("\u201cThe plan would benefit people like him,\u201d said Len Burman, head of the Tax Policy Center. "
           "Lily Batchelder, a former tax aide, said taxes would rise for some families.")
    rw = src.replace("said Len Burman, head", "said Lily Batchelder, head")
    f = only(reconcile(src, rw), "attribution_changed")
    assert "Len Burman" in f.summary and "Lily Batchelder" in f.summary


def test_one_body_named_in_other_words_is_not_reattributed(reconcile):
    r = reconcile("The Nur-Sultan cabinet said an agreement had been reached with the company on Monday.",
                  "The Nur-Sultan government said an agreement had been reached with the company on Monday.")
    assert "attribution_changed" not in kinds(r)


def test_same_speaker_with_a_shorter_name_is_not_a_change(reconcile):
    r = reconcile("Maria Lopez, the hospital's chief executive, said the ward would reopen next month.",
                  "Lopez said the ward would reopen next month.")
    assert not {"attribution_changed", "speaker_variant", "unsupported_addition"} & set(kinds(r))


def test_speaker_variant_spelling(reconcile):
    r = reconcile("Mayor Oleksandr Tkachenko said the bridge would be repaired by the army.",
                  "Mayor Aleksandr Tkachenko said the bridge would be repaired by the army.")
    f = only(r, "speaker_variant")
    assert "Oleksandr" in f.summary and "Aleksandr" in f.summary
    assert "attribution_changed" not in kinds(r) and "unsupported_addition" not in kinds(r)


def test_speaker_variant_title(reconcile):
    r = reconcile("Senator Jane Holt said the budget vote had been delayed until spring.",
                  "Congresswoman Jane Holt said the budget vote had been delayed until spring.")
    f = only(r, "speaker_variant")
    assert "Senator" in f.summary and "Congresswoman" in f.summary


# --- quotes ---------------------------------------------------------------------------------

SOURCE_QUOTE = 'The coach said the team had trained hard all week. "We are ready for the final," he said.'


def test_quote_unsourced(reconcile):
    r = reconcile(SOURCE_QUOTE, 'The coach said the team had trained hard all week. '
                                '"Nobody in this league can stop us now," he said.')
    f = only(r, "quote_unsourced")
    assert "Nobody in this league" in f.summary and f.severity == "high"


def test_same_quote_in_other_marks_and_case_is_sourced(reconcile):
    r = reconcile(SOURCE_QUOTE, "The coach said the team trained hard. \u201cWe are ready for the Final,\u201d he said.")
    assert not {"quote_unsourced", "quote_altered"} & set(kinds(r))


def test_a_quote_that_lost_a_repeated_word_is_altered(reconcile):
    # every word the rewrite dropped still stands elsewhere in the quote: counted, it is gone
    src = ('The senator spoke after the vote on Tuesday.\n\n'
           '"She\'s a disgrace and those comments are a disgrace," he said.\n\nThe vote was 52 to 48.')
    f = only(reconcile(src, src.replace("She's a disgrace and", "She's and")), "quote_altered")
    assert "removed a, disgrace" in f.summary


def test_quote_altered_with_negation_is_high(reconcile):
    r = reconcile('The finance minister told parliament: "We will not raise taxes this year."',
                  'The finance minister told parliament: "We will raise taxes this year."')
    f = only(r, "quote_altered")
    assert f.severity == "high" and "not" in f.summary


# --- polarity and roles ---------------------------------------------------------------------

def test_stance_flip(reconcile):
    r = reconcile("The health minister did not sign the agreement with the drug makers on Friday.",
                  "The health minister signed the agreement with the drug makers on Friday.")
    f = only(r, "stance_flip")
    assert f.severity == "high" and "did not sign" in f.summary


@pytest.mark.parametrize("source,rewrite,words", [
    ("The council approved the new budget on Monday after a long debate.",
     "The council rejected the new budget on Monday after a long debate.", ("approved", "rejected")),
    ("Prices rose sharply in March across the region, the agency said.",
     "Prices fell sharply in March across the region, the agency said.", ("rose", "fell")),
    ("The court upheld the ruling against the bank on Thursday.",
     "The court overturned the ruling against the bank on Thursday.", ("upheld", "overturned")),
    # a word put for its opposite inside copied wording, whatever its part of speech
    ("The governor has delivered a mostly positive message since the debate, aides said.",
     "The governor has delivered a mostly negative message since the debate, aides said.", ("positive", "negative")),
    ("The senator has record low support among rural voters, the poll found.",
     "The senator has record low opposition among rural voters, the poll found.", ("support", "opposition")),
    ("Engineers said the old bridge is safe for heavy trucks after the repairs.",
     "Engineers said the old bridge is dangerous for heavy trucks after the repairs.", ("safe", "dangerous")),
])
def test_a_predicate_or_word_replaced_by_its_opposite_is_a_stance_flip(reconcile, source, rewrite, words):
    f = only(reconcile(source, rewrite), "stance_flip")
    assert all(w in f.summary for w in words)


def test_a_word_replaced_by_its_opposite_along_with_other_words_is_not_read_as_its_opposite(reconcile):
    # "unemployment rose" -> "employment fell" says the same: no word stands against its opposite alone
    r = reconcile("Officials said unemployment rose sharply in the northern provinces last year.",
                  "Officials said employment fell sharply in the northern provinces last year.")
    assert not any("Opposite meaning" in f.summary for f in r.findings)


def test_a_predicate_replaced_by_a_near_synonym_is_no_stance_flip(reconcile):
    r = reconcile("The council approved the new budget on Monday after a long debate.",
                  "The council passed the new budget on Monday after a long debate.")
    assert "stance_flip" not in kinds(r)


def test_an_actor_acting_on_itself_lost_the_other_party(reconcile):
    # a sentence written afresh, with no copied words for a substitution to anchor on
    r = reconcile("Cardiff Blues lost to Gloucester at Kingsholm. Gloucester stay top of the pool after the win.",
                  "Gloucester came from behind to beat Gloucester at Kingsholm.")
    f = only(r, "role_swap")
    assert "Gloucester came from behind to beat Gloucester" in f.summary
    # two clubs that share a last word are two clubs
    r = reconcile("Crawley Town have signed right-back Glenn Groves from Lewes, the club said.",
                  "Crawley Town have signed right-back Glenn Groves from non-league side Leway Town.")
    assert not [f for f in r.findings if f.kind == "role_swap" and "acted on" in f.summary]


def test_a_subject_spliced_onto_another_clause_s_verb(reconcile):
    # a caption run together with the next, as scraped news often is; the rewrite keeps the
    # first clause's subject and the second clause's predicate, every word a copy
    source = ("John Carver is relishing the chance to take charge of his hometown club on Sunday "
              "Gullit controversially decided not to start star players Duncan Ferguson and Alan Shearer "
              "in 1999 Carver was assistant to Ruud Gullit at the time.")
    r = reconcile(source, "John Carver decided not to start star players Duncan Ferguson and Alan Shearer in 1999.")
    f = only(r, "role_swap")
    assert "Gullit" in f.summary and "John Carver" in f.summary
    assert any(sp.article_id == "src" and sp.text == "Gullit" for sp in f.evidence)
    # an object taken from a later clause, over the verb's own
    r = reconcile("Newcastle signed Smith on Monday after Sunderland had released Jones in the summer.",
                  "Newcastle signed Jones.")
    f = only(r, "role_swap")
    assert "Smith" in f.summary and "Jones" in f.summary
    # the same subject kept with its own verb, or a clause dropped between a subject and its
    # own verb, is no splice
    r = reconcile(source, "John Carver is relishing the chance to take charge of his hometown club on Sunday.")
    assert "role_swap" not in kinds(r)
    r = reconcile("Gullit, who had managed Chelsea before Ruud Vialli took over, decided not to start Shearer.",
                  "Gullit decided not to start Shearer.")
    assert "role_swap" not in kinds(r)


def test_role_swap_full(reconcile):
    r = reconcile("Rebel fighters attacked the army convoy near the border town.",
                  "The army convoy attacked rebel fighters near the border town.")
    f = only(r, "role_swap")
    assert f.severity == "high"


def test_role_swap_object_replaced(reconcile):
    r = reconcile("Protesters accused the police of using excessive force during the march.",
                  "Protesters accused the journalists of using excessive force during the march.")
    f = only(r, "role_swap")
    assert "police" in f.summary and "journalists" in f.summary


def test_passive_voice_is_not_a_role_swap(reconcile):
    r = reconcile("Rebel fighters attacked the army convoy near the border town.",
                  "The army convoy was attacked by rebel fighters near the border town.")
    assert not {"role_swap", "stance_flip"} & set(kinds(r))


# --- figures and dates ----------------------------------------------------------------------

def test_number_changed(reconcile):
    r = reconcile("The storm left 3,200 homes without power across the region.",
                  "The storm left 5,200 homes without power across the region.")
    f = only(r, "number_changed")
    assert "3,200" in f.summary and "5,200" in f.summary


def test_a_changed_rank_is_a_changed_number(reconcile):
    r = reconcile("Crowds gathered in Wellington to mark the 100th anniversary of the Gallipoli landings.",
                  "Crowds gathered in Wellington to mark the 70th anniversary of the Gallipoli landings.")
    f = only(r, "number_changed")
    assert "100th" in f.summary and "70th" in f.summary
    # the same rank in words and in digits is no change
    r = reconcile("The senator won a third term in November after a close race.",
                  "The senator won a 3rd term in November after a close race.")
    assert not {"number_changed", "unsupported_addition"} & set(kinds(r))


def test_equal_numbers_written_differently(reconcile):
    r = reconcile("The agency said 3.2 million people had registered, in a country of 19 million.",
                  "The agency said 3,200,000 people had registered, in a country of 19m.")
    assert not r.findings, [f.summary for f in r.findings]


def test_date_changed(reconcile):
    r = reconcile("The talks resumed on Tuesday in Geneva after a two-week pause.",
                  "The talks resumed on Thursday in Geneva after a two-week pause.")
    f = only(r, "date_changed")
    assert "Tuesday" in f.summary and "Thursday" in f.summary


# --- modality -------------------------------------------------------------------------------

def test_would_to_will(reconcile):
    r = reconcile("The new rules would cut emissions from power plants by a third.",
                  "The new rules will cut emissions from power plants by a third.")
    f = only(r, "modality_shift")
    assert f.severity == "medium" and "would cut" in f.summary


def test_started_working_on_to_began_passing(reconcile):
    r = reconcile("Parliament started working on a law that would ban plastic bags.",
                  "Parliament began passing a law that would ban plastic bags.")
    only(r, "modality_shift")
    assert "unsupported_addition" not in kinds(r)


def test_plan_to_will(reconcile):
    r = reconcile("The city plans to close the old bridge to traffic in June.",
                  "The city will close the old bridge to traffic in June.")
    only(r, "modality_shift")


@pytest.mark.parametrize("source,rewrite,words", [
    ("The ethnic vote in several battleground states could be decisive in a close election.",
     "The ethnic vote in several battleground states is decisive in a close election.", ("could be decisive", "is decisive")),
    ("He said the committee itself might be damaged by the move, according to the minutes.",
     "He said the committee itself is damaged by the move, according to the minutes.", ("might be damaged", "is damaged")),
    ("The company plans to open a second factory in the region next year.",
     "The company opened a second factory in the region next year.", ("plans to open", "opened")),
    ("Voters should back the measure in November, the mayor said at the rally.",
     "Voters will back the measure in November, the mayor said at the rally.", ("should back", "will back")),
    ("Republicans have expressed concern that changing the policy could lead to voter fraud in the state.",
     "Republicans have expressed concern that changing the policy would lead to voter fraud in the state.",
     ("could lead", "would lead")),
])
def test_a_possibility_or_intention_stated_as_fact_raises_certainty(reconcile, source, rewrite, words):
    f = only(reconcile(source, rewrite), "modality_shift")
    assert "raised" in f.summary and all(w in f.summary for w in words)


@pytest.mark.parametrize("source,rewrite", [
    # a certain future told in the present says no more than it did
    ("The senator will visit the border next week with two colleagues.",
     "The senator visits the border next week with two colleagues."),
    # the modal moved, not dropped
    ("Officials said the bridge could reopen in June if repairs go well.",
     "Officials said that if repairs go well the bridge could reopen in June."),
    # a condition is no statement of fact
    ("Prices could rise if the tariff passes, the analysts said in a report.",
     "The analysts said in a report that prices could rise if the tariff passes."),
    # the same verb with nothing of what it governed: another statement, not this one made certain
    ("Trainer Jonjo O'Neill said on Thursday he could not be happier with the favourite for the race.",
     "Trainer Jonjo O'Neill said on Thursday he is a better judge of horses than anyone."),
])
def test_a_marker_kept_or_a_certain_future_is_no_raised_certainty(reconcile, source, rewrite):
    assert "modality_shift" not in kinds(reconcile(source, rewrite))


def test_appeared_to_dropped_is_a_hedge_dropped(reconcile):
    r = reconcile("The blast appeared to be deliberate, police said on Sunday evening.",
                  "The blast was deliberate, police said on Sunday evening.")
    f = only(r, "hedge_dropped")
    assert "appeared to" in f.summary


def test_a_hedge_on_a_function_word_covers_the_phrase_it_heads(reconcile):
    src = "A ruling is unlikely before the end of the year and possibly not until after Obama leaves office, lawyers said."
    r = reconcile(src, src.replace("and possibly not until", "and not until"))
    assert "possibly" in only(r, "hedge_dropped").summary


def test_a_hedge_dropped_beside_a_kept_attribution_is_still_dropped(reconcile):
    # "according to a survey" was there beside "appears to" in the source: it hedged both, and
    # keeping it does not keep the uncertainty the rewrite dropped
    r = reconcile("The policy appears to be helping Republicans in the largest cities, according to a survey of voter lists.",
                  "The policy is helping Republicans in the largest cities, according to a survey of voter lists.")
    assert "appears to" in only(r, "hedge_dropped").summary


def test_a_modal_swapped_in_place_is_compared_whatever_the_parse_heads(reconcile):
    # the parser makes "Trump" the head of "will back Trump": the marker words replaced one
    # for one in copied wording still say the same predicate changed its certainty
    src = ("Among likely voters in a four-way race, 46 percent would choose Clinton and 44 percent would back "
           "Trump, while 5 percent prefer Libertarian nominee Gary Johnson.")
    r = reconcile(src, src.replace("44 percent would back", "44 percent will back"))
    assert "would back" in only(r, "modality_shift").summary


def test_lowered_certainty_is_low(reconcile):
    r = reconcile("The city will close the old bridge to traffic in June.",
                  "The city may close the old bridge to traffic in June.")
    f = only(r, "modality_shift")
    assert f.severity == "low" and "lowered" in f.summary


# --- additions and omissions ----------------------------------------------------------------

def test_unsupported_addition_quoting_a_new_person(reconcile):
    r = reconcile("The plant will close next year, the company said. About 400 workers will lose their jobs.",
                  "The plant will close next year, the company said. Local broadcaster Channel 9 quoted "
                  "Energy Minister Petra Vogel as saying the state would buy the site. "
                  "About 400 workers will lose their jobs.")
    f = only(r, "unsupported_addition")
    assert f.severity == "high" and "Petra Vogel" in f.summary


def test_a_first_name_the_source_never_gives_a_known_surname_is_an_addition(reconcile):
    src = ("Clarkson, 30, joined the club on Monday. \"I'm as fit as I've ever been,\" Clarkson told reporters. "
           "The striker has scored twice this season.")
    # a summariser's lower-cased first name is tagged as a common noun: it still counts
    r = reconcile(src, "The striker jeremy Clarkson joined the club on Monday. The striker has scored twice this season.")
    f = only(r, "unsupported_addition")
    assert "jeremy Clarkson" in f.summary
    # the surname alone, or the first name the source gives, adds nobody
    full = src.replace("Clarkson, 30,", "David Clarkson, 30,")
    r = reconcile(src, "Clarkson joined the club on Monday. The striker has scored twice this season.")
    assert "unsupported_addition" not in kinds(r)
    r = reconcile(full, "David Clarkson joined the club on Monday. The striker has scored twice this season.")
    assert "unsupported_addition" not in kinds(r)


def test_omission_of_a_denial(reconcile):
    r = reconcile("The regulator fined the bank for misleading customers. The bank denied that it had misled "
                  "its customers. The fine is the largest this year.",
                  "The regulator fined the bank for misleading customers. The fine is the largest this year.")
    f = only(r, "omission")
    assert "denied" in r.articles[0].text[f.evidence[1].start:f.evidence[1].end] or "denial" in f.summary


def test_a_second_quote_of_the_same_speaker_dropped_is_an_omission(reconcile):
    # the claim holds both quotes and the rewrite keeps the first: the second is still gone
    r = reconcile('"No, this is not politics," Cruz said at the time. "I will tell the truth."\n\n'
                  "The senator later endorsed Trump in a Facebook post on Friday.",
                  '"No, this is not politics," Cruz said at the time.\n\n'
                  "The senator later endorsed Trump in a Facebook post on Friday.")
    assert any("tell the truth" in f.summary for f in of_kind(r, "omission")), r.findings


def test_a_dropped_claim_is_not_kept_by_the_copy_of_another_that_shares_its_words(reconcile):
    # the rewrite keeps "Asked to describe the device that caused the explosion" word for word:
    # that claim is its own source claim's counterpart, not the dropped one's
    src = ("An explosion injured 29 people in Manhattan on Saturday night. The mayor said that it was too early "
           "to tell whether the explosion was caused by a bomb. Asked to describe the device that caused the "
           "explosion, the police commissioner declined to comment.")
    rw = ("An explosion injured 29 people in Manhattan on Saturday night. Asked to describe the device that "
          "caused the explosion, the police commissioner declined to comment.")
    f = only(reconcile(src, rw), "omission")
    assert "too early to tell" in f.summary


def test_paraphrase_is_not_a_finding(reconcile):
    r = reconcile("Other applications such as Instagram and WhatsApp are even more popular in the country.",
                  "Other apps like Instagram and WhatsApp are more popular in the country.")
    assert not r.findings, [f.summary for f in r.findings]


def test_reordered_sentences_are_not_findings(reconcile):
    r = reconcile("The bridge opened in 1932. It carries 160,000 vehicles a day. Engineers say it needs repairs.",
                  "Engineers say it needs repairs. The bridge opened in 1932. It carries 160,000 vehicles a day.")
    assert not r.findings, [f.summary for f in r.findings]


def test_identical_copy_has_no_findings(reconcile):
    text = ('Deputy Mayor Ana Ruiz said on Monday that the council "will not back down" on the plan, '
            "which would cost 4.5 million euros. Critics accused the council of ignoring residents.")
    r = reconcile(text, text)
    assert not r.findings, [f.summary for f in r.findings]


def test_peers_quoting_the_same_words_differently(reconcile):
    r = reconcile('The minister said: "We will never accept these terms from the lenders."', None,
                  'The minister said: "We will accept these terms from the lenders."')
    found = of_kind(r, "quote_altered")
    assert found and {sp.article_id for sp in found[0].evidence} == {"src", "peer0"}
    assert not of_kind(r, "quote_unsourced")
