"""Speakers, cues and content on short realistic news sentences."""

from __future__ import annotations

import pytest

from tests.claims.conftest import only


def test_speaker_after_quote(extract):
    claims = extract('"We will appeal the ruling," the company\'s lawyer said.')
    c = only(claims, cue="say")
    assert c.content.text == '"We will appeal the ruling,"'
    assert c.quote == "direct"
    assert c.speaker.text == "the company's lawyer"
    assert c.speaker.kind == "person"


def test_speaker_before_quote(extract):
    c = only(extract('The finance minister said, "Prices will fall next year."'), cue="say")
    assert c.content.text == '"Prices will fall next year."'
    assert c.speaker.span.text == "The finance minister"
    assert c.quote == "direct"


def test_speaker_inside_quote_gives_one_claim(extract):
    claims = extract('"We did not issue a statement," he said, "and we never will."')
    assert len(claims) == 1
    assert claims[0].content.text == '"We did not issue a statement," he said, "and we never will."'
    assert claims[0].quote == "direct"


def test_colon_introduction(extract):
    c = only(extract('The ministry said in a statement: "The talks were constructive."'), cue="say")
    assert c.content.text == '"The talks were constructive."'
    assert c.speaker.span.text == "The ministry"
    assert c.speaker.kind == "government"
    assert c.medium == "in a statement"


def test_inverted_said_with_appositive(extract):
    c = only(extract('"It is a disaster," said Jane Doe, a spokeswoman for Acme Corp.'), cue="say")
    assert c.speaker.name == "Jane Doe"
    assert c.speaker.title == "spokeswoman"
    assert c.speaker.affiliation.startswith("Acme Corp")


def test_quote_continued_in_next_sentence_is_one_claim(extract):
    text = '"The plant is safe," the inspector said. "We found no leaks at all."'
    claims = extract(text)
    assert len(claims) == 1
    assert claims[0].content.text == '"The plant is safe," the inspector said. "We found no leaks at all."'


def test_according_to_before_and_after(extract):
    after = only(extract("Inflation rose to 5 percent in May, according to the central bank."), cue="according to")
    assert after.content.text == "Inflation rose to 5 percent in May"
    assert after.speaker.text == "the central bank"
    before = only(extract("According to the police, the driver was not injured."), cue="according to")
    assert before.content.text == "the driver was not injured"
    assert before.speaker.text == "the police"


def test_according_to_with_the_clause_parsed_as_the_names_appositive(extract):
    # the parser hangs "the move reeks of ..." on "Limbaugh" as an appositive: the clause still
    # starts after the mention's comma
    c = only(extract("According to conservative talk radio host Rush Limbaugh, the move reeks of "
                     "\u201cfear\u201d and desperation."), cue="according to")
    assert c.content.text == "the move reeks of \u201cfear\u201d and desperation"
    assert c.speaker.text.endswith("Rush Limbaugh")


def test_indirect_that_clause_keeps_that_and_drops_full_stop(extract):
    c = only(extract("The regulator said that the merger would hurt consumers."), cue="say")
    assert c.content.text == "that the merger would hurt consumers"
    assert c.quote == "indirect"


def test_content_before_cue(extract):
    c = only(extract("The bridge will reopen in June, the transport agency said."), cue="say")
    assert c.content.text == "The bridge will reopen in June"
    assert c.speaker.text == "the transport agency"


def test_mixed_quote(extract):
    c = only(extract('The senator said the plan was "dead on arrival" in the House.'), cue="say")
    assert c.quote == "mixed"
    assert c.content.text == 'the plan was "dead on arrival" in the House'


def test_unbalanced_quote_lowers_confidence(extract):
    balanced = only(extract('He said, "The deal is off. Nobody will sign it."'), cue="say")
    broken = only(extract('He said, "The deal is off. Nobody will sign it.'), cue="say")
    assert broken.content.text.startswith('"The deal is off.')
    assert broken.confidence < balanced.confidence


def test_unattributed_quote_is_kept_with_low_confidence(extract):
    claims = extract('The crowd grew quiet.\n"We will not leave until the factory reopens."')
    assert len(claims) == 1
    assert claims[0].speaker is None
    assert claims[0].quote == "direct"
    assert claims[0].confidence < 0.5


def test_scare_quotes_are_not_claims(extract):
    assert extract('The so-called "reform" passed on Tuesday.') == []


def test_dash_signed_quote(extract):
    c = extract('"This election is about jobs and nothing else." ― Maria Gonzalez')[0]
    assert c.speaker.name == "Maria Gonzalez"
    assert c.quote == "direct"


def test_headline_name_colon(extract):
    c = extract("Merkel: Europe must take its fate into its own hands")[0]
    assert c.speaker.text == "Merkel"
    assert c.content.text == "Europe must take its fate into its own hands"


def test_plan_and_object_frames(extract):
    plan = only(extract("The union vowed to continue the strike."), cue="vow")
    assert plan.content.text == "to continue the strike"
    called = only(extract("The senator called for an independent inquiry."), cue="call")
    assert called.content.text == "an independent inquiry"
    accused = only(extract("Critics accused the mayor of hiding the report."), cue="accuse")
    assert "hiding the report" in accused.content.text
    assert accused.cue.cls == "accusation"
    assert accused.speaker.kind == "group"


def test_participle_takes_the_main_subject(extract):
    c = only(extract("The governor defended the budget, arguing that it protected schools."), cue="argue")
    assert c.speaker.text == "The governor"


def test_passive_without_agent_has_no_speaker(extract):
    claims = extract("The driver was accused of speeding.")
    assert all(c.speaker is None for c in claims)


def test_nobody_is_not_a_speaker(extract):
    assert [c for c in extract("Nobody said that the vote was rigged.") if c.cue and c.cue.lemma == "say"] == []


@pytest.mark.parametrize("text", [
    "The ministry set up a channel for reporting posts that you believe break national laws.",
    "You may think the bridge is safe, but engineers disagree.",
    "One might argue that the new tax will hurt small firms.",
])
def test_generic_you_and_one_in_the_narration_make_no_claim(extract, text):
    assert extract(text) == []


def test_generic_you_inside_reported_content_is_no_second_speaker(extract):
    claims = extract("Users can flag videos that you think are fake, the company said.")
    assert [c.speaker.text for c in claims] == ["the company"]


@pytest.mark.parametrize("text, cue, speaker", [
    ("In your speech in May, you claimed that taxes would fall.", "claim", "you"),
    ("Two officials spoke to reporters. One said the talks had failed.", "say", "One"),
    ("One of the officials said the talks had failed.", "say", "One of the officials"),
])
def test_addressed_you_and_one_of_a_group_still_speak(extract, text, cue, speaker):
    assert only(extract(text), cue=cue).speaker.text == speaker


def test_cues_inside_quotes_are_not_claims_of_the_article(extract):
    claims = extract('"My father always said that hard work pays," the candidate told the crowd.')
    assert len(claims) == 1
    assert claims[0].cue.lemma == "tell"


def test_ids_are_stable_and_in_text_order(extract):
    text = ("The mayor said the roads were closed. Police said two people were hurt. "
            '"We are doing all we can," the fire chief said.')
    first = extract(text, article_id="a1")
    second = extract(text, article_id="a1")
    assert [c.id for c in first] == ["a1:c1", "a1:c2", "a1:c3"]
    assert [c.model_dump() for c in first] == [c.model_dump() for c in second]
    assert [c.speaker.text for c in first] == ["The mayor", "Police", "the fire chief"]


def test_spans_point_into_the_text(extract):
    text = ('In an email to Reuters, Ben Ortiz, a director at Northwind Ltd, said, "We did not agree." '
            "He added that talks would continue.")
    for c in extract(text):
        for span in (c.content, c.sentence, c.speaker.span, c.cue.span):
            assert text[span.start:span.end] == span.text
        for h in c.hedges:
            assert text[h.span.start:h.span.end] == h.text


def test_a_claim_reported_inside_another_keeps_the_reporting_one(extract):
    claims = extract("Clinton told the debate audience that she believes we must keep pushing policies that "
                     "help close racial divides, saying that race still determines too much in America.")
    told = only(claims, cue="tell")
    assert told.content.text == "that she believes we must keep pushing policies that help close racial divides"
    assert told.speaker.text == "Clinton"
    saying = only(claims, cue="say")
    assert saying.content.text == "that race still determines too much in America"
    assert saying.speaker.text == "Clinton"


def test_compared_to_as_a_preposition_is_no_cue(extract):
    claims = extract("PolitiFact rated 32 percent of Republican claims as false, compared to 11 percent "
                     "of Democratic claims.")
    assert not any(c.cue is not None and c.cue.lemma == "compare" for c in claims)
    c = only(extract("Trump compared the refugees to a snake."), cue="compare")
    assert c.content.text == "the refugees to a snake"


def test_as_x_said_sources_the_clause_it_opens(extract):
    c = only(extract("As the secretary said, those shared principles include respect for sovereign nations."),
             cue="say")
    assert c.content.text == "those shared principles include respect for sovereign nations"
    assert c.speaker.span.text == "the secretary"
    # an "as" clause with its own object is a circumstance, not a parenthetical cue
    assert not any(c.cue is not None and c.cue.lemma == "add"
                   for c in extract("As the company added 300 jobs, its shares rose."))


def test_naming_verbs_whatever_the_parse_of_the_name(extract):
    assert only(extract("Several doctors called Oz a quack, fake and charlatan."),
                cue="call").content.text == "Oz a quack, fake and charlatan"
    assert only(extract("Critics have called RT America a propaganda outlet."),
                cue="call").content.text == "RT America a propaganda outlet"
    assert only(extract("Warren called for compensation to be clawed back from executives."),
                cue="call").content.text == "compensation to be clawed back from executives"


def test_a_date_after_a_cue_preposition_is_no_content(extract):
    claims = extract("The council called a meeting for Tuesday.")
    assert not any(c.content.text == "Tuesday" for c in claims)


def test_told_an_addressee_that_parsed_as_a_relative_clause(extract):
    c = only(extract("In Honolulu last week, he told a meeting of Pacific Island leaders that few people "
                     "understood the stakes of climate change better than residents of the region."), cue="tell")
    assert c.content.text.startswith("that few people understood the stakes")


def test_a_named_source_modifying_a_claim_noun(extract):
    c = only(extract("Clinton is seizing upon a New York Times report that Trump had a net loss of "
                     "$915 million in 1995."), cue="report")
    assert c.speaker.span.text == "New York Times"
    assert c.content.text == "that Trump had a net loss of $915 million in 1995"


def test_coordinated_objects_the_parser_hung_on_the_verb_stay_in_the_content(extract):
    mentioned = only(extract("She has mentioned refinancing student loans and forcing universities to spend "
                             "more from their endowments."), cue="mention")
    assert mentioned.content.text.endswith("from their endowments")
    assert only(extract("The program offers loans to parents."), cue="offer").content.text == "loans to parents"
    # a finite verb after "and" is a new predicate, not more of the object
    assert only(extract("He denied the report and said he would sue."), cue="deny").content.text == "the report"


def test_a_comma_set_relative_clause_closing_an_object_is_commentary(extract):
    # on the noun inside the object, not only on its head
    c = only(extract("Putin likened RT to the BBC, which receives some government funding."), cue="liken")
    assert c.content.text == "RT to the BBC"
    c = only(extract("Senator Graham has acknowledged the reality of climate change, which makes him an "
                     "outlier in his party."), cue="acknowledge")
    assert c.content.text == "the reality of climate change"


def test_a_word_inside_quotation_marks_is_never_the_speaker(extract):
    claims = extract("Mr. Trump hardly clarified the matter, treating the remark first as a compliment -- "
                     "''That makes me smart'' -- and, when questioned after the debate, asserting, "
                     "''Of course, I pay federal taxes.''")
    speakers = [c.speaker.text for c in claims if c.speaker is not None]
    assert "That" not in speakers


def test_a_participle_under_a_preposition_on_a_noun_or_adverb_borrows_the_verb_s_subject(extract):
    c = only(extract("After the Cold War, Republicans were in the lead in advocating NATO enlargement."),
             cue="advocate")
    assert c.speaker is not None and c.speaker.text == "Republicans"
    c = only(extract("The senator described the shooting as a tragedy, but stopped short of calling the "
                     "officer's actions racially motivated."), cue="call")
    assert c.speaker is not None and c.speaker.text == "The senator"


def test_a_there_clause_coordinated_with_the_cue_is_more_of_what_was_said(extract):
    c = only(extract("The mayor also said that it was too early to tell whether the explosion was caused by "
                     "a bomb, and there was no evidence yet that it was an act of terrorism."), cue="say")
    assert c.content.text.endswith("an act of terrorism")


def test_of_two_subjects_the_parser_gives_a_cue_the_nearer_one_speaks(extract):
    # a run-in section heading is parsed as a second subject of the sentence's verb
    text = ("Grandparents can help.\n\nTHE BORROWING Back when he wrote his book, Mr. McKinley said "
            "that he considered debt a last resort.")
    c = only(extract(text), cue="say")
    assert c.speaker is not None and c.speaker.text == "Mr. McKinley"


def test_a_name_behind_a_nearer_clause_s_subject_is_not_the_speaker(extract):
    # "to tell" has no speaker of its own; "Chelsea" (read as a club) belongs to the opening phrase
    claims = extract("At a press conference in Chelsea, the mayor also said that it was too early to tell "
                     "whether the explosion was caused by a bomb.")
    assert all(c.speaker is None or c.speaker.text != "Chelsea" for c in claims)
    assert only(claims, cue="say").speaker.text == "the mayor"


@pytest.mark.parametrize("sentence,content", [
    # a concessive clause closing the content is the writer's aside
    ("Trump claimed that paying no income taxes was smart, although he again refused to release his returns.",
     "that paying no income taxes was smart"),
    ("The latest test, North Korea said, was its biggest yet, although it may take days to know its size.",
     "The latest test, North Korea said, was its biggest yet"),
    # so is a subjectless participle clause after a comma
    ("Obama told black voters this weekend he would consider it a \"personal insult\" if they did not vote, "
     "implicitly putting his name on the line.",
     "he would consider it a \"personal insult\" if they did not vote"),
])
def test_a_closing_aside_and_the_time_of_telling_are_not_content(extract, sentence, content):
    claims = [c for c in extract(sentence) if c.cue.lemma in ("claim", "say", "tell")]
    assert [c.content.text for c in claims] == [content]


def test_an_aside_inside_the_quote_is_the_speaker_s(extract):
    c = only(extract('"We won, although it was close," she said.'), cue="say")
    assert c.content.text == '"We won, although it was close,"'


def test_a_preposition_after_an_object_content_goes_on_describing_it(extract):
    c = only(extract("She described crass behavior by Trump behind the scenes of the hit show."), cue="describe")
    assert c.content.text == "crass behavior by Trump behind the scenes of the hit show"
    # where and when it was said is not what was said
    c = only(extract("He described the plan in an interview on Monday."), cue="describe")
    assert c.content.text == "the plan"


@pytest.mark.parametrize("sentence,content", [
    ("Trump said after the convention he would not accept Cruz's endorsement if it were offered.",
     "he would not accept Cruz's endorsement if it were offered"),
    ("Trump tweeted in the early morning hours that Machado was \u201cdisgusting\u201d and \u201ca con\u201d.",
     "that Machado was \u201cdisgusting\u201d and \u201ca con\u201d"),
    ("The minister said on Tuesday the talks had failed.", "the talks had failed"),
])
def test_a_clause_displaced_by_a_phrase_after_the_cue_is_still_its_content(extract, sentence, content):
    claims = [c for c in extract(sentence) if c.cue.lemma in ("say", "tweet")]
    assert [c.content.text for c in claims] == [content]


def test_a_time_clause_around_a_cue_is_no_parenthetical(extract):
    # "when he said it": the main clause is not what he said
    assert not [c for c in extract("She laughed when he said it.") if c.content.text.startswith("She laughed")]


def test_a_second_that_clause_is_more_of_the_same_telling(extract):
    # "show" is a reporting verb, but "and that ..." continues what the chief said
    c = only(extract('The chief also said the videos were "inconclusive" and that the footage did not show '
                     'whether he had a gun.'), cue="say")
    assert c.content.text == 'the videos were "inconclusive" and that the footage did not show whether he had a gun'


def test_a_fronted_subordinate_clause_opens_the_claim_a_parenthetical_cue_interrupts(extract):
    c = only(extract("Though that transition was relatively seamless, he said, replacing her would be much "
                     "more acrimonious."), cue="say")
    assert c.content.text.startswith("Though that transition was relatively seamless")
    assert c.content.text.endswith("much more acrimonious")


def test_called_on_an_addressee_to_act_whatever_the_parse_of_on(extract):
    c = only(extract("Scott's family has called on police to release the videos."), cue="call")
    assert c.content.text == "police to release the videos"
    assert c.speaker.text == "Scott's family"


@pytest.mark.parametrize("text,outer", [
    ("City Attorney Brad Holm said the advertisement suggests that Phoenix police officers support "
     "Trump's campaign.", "say"),
    ("Clinton said that Trump initially supported the invasion in 2003.", "say"),
    ("A spokesman said the campaign plans to release more detailed medical records soon.", "say"),
])
def test_a_belief_or_plan_inside_another_claim_is_that_claim_s_not_its_holder_s(extract, text, outer):
    # the officers, Trump and the campaign are what the speaker talks about, not sources
    claims = extract(text)
    only(claims, cue=outer)
    assert not [c for c in claims if c.kind in ("belief", "plan")]


def test_a_belief_of_the_narration_is_still_a_claim(extract):
    c = only(extract("Trump initially supported the invasion in 2003."), cue="support")
    assert c.kind == "plan" and c.speaker.text == "Trump"


def test_a_hyphenated_object_the_parser_split_is_one_object(extract):
    # "de", "-" and "escalation" come out as three objects of "urged"
    c = only(extract("The minister reviewed the reports and urged de-escalation of the fighting."), cue="urge")
    assert c.content.text == "de-escalation of the fighting"


def test_a_quoted_slogan_modifying_a_noun_is_no_claim(extract):
    # the parser hangs "Ready" on "promise" as an adjective
    claims = extract('The Reserve continues to live up to its promise, "Always Ready, Always There," with '
                     "close to 20,000 soldiers on duty.")
    assert not any("Always Ready" in c.content.text for c in claims)
