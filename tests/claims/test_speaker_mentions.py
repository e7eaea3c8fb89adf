"""Speaker mentions: long titles and appositives after the cue, relative clauses,
"according to" in every position."""

from __future__ import annotations

from tests.claims.conftest import only


def test_inverted_speaker_with_abbreviated_rank_and_appositive(extract):
    # the parser ends the sentence after "Lt." and "Sgt."; the name runs on
    c = only(extract("Multiple events had to be completed within two days, said 2nd Lt. John Adair, "
                     "a Fairfax native and fire direction officer with Battery B.\n"), cue="say")
    assert c.speaker.span.text == "2nd Lt. John Adair, a Fairfax native and fire direction officer with Battery B."
    assert c.content.text == "Multiple events had to be completed within two days"
    q = only(extract('"We have 210 vaccines scheduled today," said Army Staff Sgt. Chelsea Herman, '
                     "a medic with the Michigan National Guard.\n"), cue="say")
    assert q.speaker.span.text == "Army Staff Sgt. Chelsea Herman, a medic with the Michigan National Guard"


def test_relative_clause_deep_in_an_appositive_is_not_part_of_the_speaker(extract):
    c = only(extract('"I wanted to be here to support my brothers," said Spc. Stefan Leroy, a cavalry scout '
                     "with Troop B, 4th Squadron, who rode a bicycle alongside his unit.\n"), cue="say")
    assert c.speaker.span.text == "Spc. Stefan Leroy, a cavalry scout with Troop B, 4th Squadron"


def test_relative_pronoun_speaker_is_named_by_its_antecedent(extract):
    claims = extract("The embassy rejected allegations by Cambodian officials who say the broadcasters "
                     "are supporting the opposition.")
    c = only(claims, cue="say")
    assert c.speaker.text == "Cambodian officials"
    assert c.speaker.span.text == "Cambodian officials who"
    assert c.speaker.resolved_from == "who"


def test_according_to_inside_the_clause_it_sources(extract):
    c = only(extract("An honorable conclusion, according to Panetta, means that the handover is done "
                     "in a steadfast way."), cue="according to")
    assert c.content.text == ("An honorable conclusion, according to Panetta, means that the handover "
                              "is done in a steadfast way")
    assert c.speaker.text == "Panetta"


def test_according_to_a_name_without_a_comma(extract):
    c = only(extract("According to Rathbun the church property was returned by mail shortly after he left."),
             cue="according to")
    assert c.speaker.span.text == "Rathbun"
    assert c.content.text == "the church property was returned by mail shortly after he left"


def test_a_belief_reported_according_to_a_source_is_part_of_the_sources_claim(extract):
    # the text vouches for what ABC News reported, not for a claim of Basya's own
    claims = extract("According to ABC News, Basya also believes the asylum seekers may have jumped "
                     "from the boat.")
    outer = only(claims, cue="according to")
    assert outer.speaker.text == "ABC News"
    assert outer.content.text == "Basya also believes the asylum seekers may have jumped from the boat"
    assert not [c for c in claims if c.cue is not None and c.cue.lemma == "believe"]


def test_inverted_speaker_the_parser_made_the_subject_of_a_clause_of_its_own(extract):
    text = ('"I wanted to be here to support my brothers," said Spc. Stefan Leroy, a cavalry scout with '
            "Troop B, 4th Squadron, 73rd Cavalry Regiment, who less than five months after losing both legs "
            "to an improvised explosive device blast, rode a hand-pedaled bicycle alongside his unit.\n")
    c = only(extract(text), cue="say")
    assert c.content.text == '"I wanted to be here to support my brothers,"'
    assert c.speaker.span.text == ("Spc. Stefan Leroy, a cavalry scout with Troop B, 4th Squadron, "
                                   "73rd Cavalry Regiment")


def test_a_participle_after_a_quote_keeps_the_main_speaker(extract):
    text = ('Service chief Chris Decherd said in a statement that the service "will continue broadcasting '
            'as it has for five decades," adding Cambodians "deserve quality news that they can trust."\n')
    c = only(extract(text), cue="add")
    assert c.speaker.text == "Service chief Chris Decherd" or c.speaker.name == "Chris Decherd"


def test_according_to_after_stray_words_sources_the_clause_after_it(extract):
    c = only(extract("Scroll down for video According to Michael Redwood, inevitably the prices will rise."),
             cue="according to")
    assert c.content.text == "inevitably the prices will rise"
    assert c.speaker.text == "Michael Redwood"


def test_speaker_between_a_closing_quote_and_the_cue(extract):
    c = only(extract('"There is a severe disconnect between this White House and our military," Flynn, '
                     "a top campaign surrogate, said Thursday morning on Fox News."), cue="say")
    assert c.speaker.span.text == "Flynn, a top campaign surrogate"
    assert c.content.text == '"There is a severe disconnect between this White House and our military,"'


def test_a_participle_before_a_passive_main_clause_is_its_subjects(extract):
    claims = extract("After saying her right foot was “so swollen I could barely get my shoe on,” she was "
                     "“whisked off to Bethesda Naval Hospital” for tests.")
    c = only(claims, cue="say")
    assert c.speaker.span.text == "she"
    # the quote after the main clause's subject is not the claim's continuation
    assert "whisked" not in c.content.text


def test_a_quote_joined_by_and_then_continues_the_claim(extract):
    c = only(extract('Trump tells supporters to "go to your place and vote" and then "go pick some other '
                     'place and make sure it is on the up and up."'), cue="tell")
    assert c.content.text.endswith('on the up and up."')


def test_speakers_after_the_quote_with_told_wrote_tweeted_added(extract):
    text = ('"We are not going to back down," the premier told reporters at the legislature on Tuesday.\n\n'
            '"This is a very difficult day for our community," said Mayor Valerie Plante in a statement.\n\n'
            '"It is a disaster," tweeted NDP Leader Jagmeet Singh.\n\n'
            '"I am proud of what we accomplished," the prime minister wrote on Facebook.\n\n'
            '"The province has to step up," added Coun. Josh Matlow, who represents the ward.\n')
    claims = extract(text)
    assert only(claims, cue="tell").speaker.span.text == "the premier"
    said = only(claims, cue="say")
    assert said.speaker.span.text == "Mayor Valerie Plante"
    assert said.medium == "in a statement"
    assert only(claims, cue="tweet").speaker.span.text == "NDP Leader Jagmeet Singh"
    assert only(claims, cue="write").speaker.span.text == "the prime minister"
    added = only(claims, cue="add")
    assert added.speaker.span.text == "Coun. Josh Matlow"
    assert added.content.text == '"The province has to step up,"'
    assert all(c.quote == "direct" and c.kind == "speech" for c in claims)


def test_a_participle_on_a_quote_the_parser_made_the_root_does_what_the_main_subject_does(extract):
    # the parser makes the quoted "makes" the sentence's root and hangs "declaring" on it:
    # the subject it would climb to is inside quotation marks
    text = ("Governor Reed hardly answered the charge, treating it first as a joke -- ''That makes me "
            "popular'' -- and, when asked after the hearing, declaring, ''Of course, I pay state taxes.''")
    c = only(extract(text), cue="declare")
    assert c.speaker.text == "Governor Reed" or c.speaker.name == "Reed"


def test_a_quote_after_a_report_belongs_to_the_cue_after_it_not_the_report(extract):
    # the parser makes "Warren said ..." the complement of the closing "she said"
    text = ("Warren said she felt the 14th Amendment was worth examining because “few people know about "
            "that clause,” she said. “We cannot understand today if we do not know where we came from.”")
    claims = extract(text)
    closing = [c for c in claims if c.cue.span.start > 100 and c.cue.lemma == "say"]
    assert closing and closing[0].content.text == "“few people know about that clause,”"
    assert all(not c.content.text.startswith("Warren said") for c in claims)


def test_a_dateline_is_no_part_of_the_speaker(extract):
    c = only(extract("LVIV (Reuters) - Ukraine's foreign ministry said on Tuesday that the talks had failed."),
             cue="say")
    assert c.speaker.span.text == "Ukraine's foreign ministry"


def test_a_lower_case_word_tagged_proper_is_no_name(extract):
    c = only(extract("The Russian defence ministry said its forces had not shelled the school."), cue="say")
    assert c.speaker.name != "ministry"
