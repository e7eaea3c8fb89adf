"""Quotes over paragraph breaks: one claim per paragraph, each with the speaker named once."""

from __future__ import annotations

from tests.claims.conftest import only


def test_a_quote_continued_into_the_next_paragraph_gives_one_claim_per_paragraph(extract):
    text = ('"The river crested overnight and the levees held, but the ground is saturated.\n\n'
            '"If it rains again this week, we will have to evacuate the lower town," '
            'Fire Chief Dana Price said.\n')
    claims = extract(text)
    assert len(claims) == 2
    first, second = claims
    assert first.content.text == '"The river crested overnight and the levees held, but the ground is saturated.'
    assert second.content.text.startswith('"If it rains again')
    for c in claims:
        assert c.speaker.span.text == "Fire Chief Dana Price"
        assert c.cue.text == "said"
        assert c.quote == "direct"


def test_an_interrupted_quote_stays_one_claim_and_the_next_paragraph_keeps_its_own(extract):
    text = ('"Pop music was about what people really valued", the curator said. '
            '"That is why he painted soup cans."\n\n'
            '"Everybody knows his name, even people who never visit a gallery", the director said.\n')
    claims = extract(text)
    curator = only(claims, speaker="the curator")
    assert curator.content.text == ('"Pop music was about what people really valued", the curator said. '
                                    '"That is why he painted soup cans."')
    director = only(claims, speaker="the director")
    assert director.content.text == '"Everybody knows his name, even people who never visit a gallery"'


def test_a_quote_interrupted_by_its_speaker_is_one_claim(extract):
    text = ('"Make no mistake," the general said, "the money spent on training is paying off at home."\n\n'
            'He added that the next exercise would be held in the spring.\n')
    claims = extract(text)
    said = only(claims, cue="say")
    assert said.content.text == ('"Make no mistake," the general said, '
                                 '"the money spent on training is paying off at home."')
    added = only(claims, cue="add")
    assert added.content.text == "that the next exercise would be held in the spring"


def test_a_quoted_heading_after_a_quote_is_not_a_claim(extract):
    text = ('"The byproducts of that are unpredictable and enormously disruptive," the president said.\n\n'
            "'All Bets Are Off.'\n\n"
            "Officials said the report would be published on Monday.\n")
    claims = extract(text)
    assert not any("All Bets" in c.content.text for c in claims)


def test_a_following_quote_paragraph_inherits_speaker_and_cue(extract):
    text = ('"We have 210 doses scheduled for today," said Sgt. Maria Lopez, a medic with the unit.\n\n'
            '"Anyone who works on the base can come in and get a shot."\n')
    claims = extract(text)
    second = next(c for c in claims if c.content.text.startswith('"Anyone who works'))
    assert second.speaker.span.text.startswith("Sgt. Maria Lopez")
    assert second.cue is not None and second.cue.text == "said"
    assert second.kind == "speech"


def test_the_circumstances_of_the_telling_between_two_quotes_keep_them_one_claim(extract):
    text = ("\u201cThe amendment has a clause that is a criminality clause,\u201d DuVernay explained in an "
            "interview with The Huffington Post. \u201cIt says that everyone is free in this country.\u201d\n")
    c = only(extract(text), cue="explain")
    assert c.content.text.endswith("\u201cIt says that everyone is free in this country.\u201d")
    assert c.content.text.startswith("\u201cThe amendment")


def test_a_narrative_verb_between_two_quotes_keeps_them_apart(extract):
    # "sings to Clinton before asking her": the writer's sentence, not an attribution clause
    text = ("\u201cPromise mama you\u2019ll keep your hands in sight,\u201d Blige sings to Clinton before asking "
            "her, \u201cI just want to know, where do we go from here?\u201d\n")
    claims = extract(text)
    assert not [c for c in claims if "Blige sings" in c.content.text]
    assert any(c.content.text == "\u201cI just want to know, where do we go from here?\u201d" for c in claims)


def test_a_quote_ending_on_a_comma_is_the_following_name_s_not_the_previous_speaker_s(extract):
    # the verb after the name has content of its own, so it cannot take the quote; the comma
    # still hands the quote to the name, not to the outlet that "reports" the sentence before
    text = ("The friends were on their way to see a show on Broadway, DNA Info reports, and rushed in to "
            "stop an assault on a subway train last night. 'we came here for vacation, just tourists,' "
            "Erik Lund, 25, and Sam Kvar, 26, said they were 'no heroes' the Swedish police officers put "
            "their vacation on hold.\n")
    claims = extract(text)
    quote = only(claims, content="we came here for vacation")
    assert quote.content.text.startswith("'we came here for vacation")
    assert quote.speaker.span.text.startswith("Erik Lund")
    # a quote ending on a full stop stays with the paragraph's speaker
    text = ('"We will rebuild the bridge," the mayor said. "It will take a year." '
            'Engineers said the river was too high to start.\n')
    claims = extract(text)
    assert all(c.speaker.span.text == "the mayor" for c in claims if c.content.text.startswith('"'))
