"""Transcript turns: "NAME (role): ..." labels and the paragraphs that continue them."""

from __future__ import annotations

from tests.claims.conftest import only

BRIEFING = """Press Briefing by the Harbour Authority on the Ferry Strike

Presenters: Chief Executive Ana Ruiz

MARK OLSEN (director of communications, Harbour Authority):  Good morning, everyone. Thanks for coming.

Ms. Ruiz will give a short update on the ferry strike and then take your questions.

ANA RUIZ:  Thank you, Mark. The strike has now entered its fourth day.

I told the unions on Friday that the terminals remain open and that freight is still moving.

We expect the two sides to return to talks on Monday.

Q:  When will passenger service resume?

MS. RUIZ:  We hope within the week.
"""


def test_labels_with_roles_open_turns_that_later_paragraphs_continue(extract):
    claims = extract(BRIEFING)
    first = next(c for c in claims if c.content.text.startswith("Good morning"))
    assert first.speaker.span.text == "MARK OLSEN (director of communications, Harbour Authority)"
    cont = next(c for c in claims if c.content.text.startswith("Ms. Ruiz will give"))
    assert cont.speaker.span.text == first.speaker.span.text
    assert cont.cue is None and cont.kind == "speech"
    # the whole paragraph is the turn's content
    assert cont.content.text == "Ms. Ruiz will give a short update on the ferry strike and then take your questions."
    for opening in ("I told the unions", "We expect the two sides"):
        c = next(c for c in claims if c.content.text.startswith(opening) and c.cue is None)
        assert c.speaker.span.text == "ANA RUIZ"


def test_a_question_label_ends_the_turn_and_headers_are_not_speakers(extract):
    claims = extract(BRIEFING)
    assert not any(c.content.text.startswith("When will passenger service") and c.speaker is not None
                   for c in claims)
    assert not any(c.speaker is not None and c.speaker.span.text.startswith("Presenters") for c in claims)
    last = next(c for c in claims if c.content.text.startswith("We hope within the week"))
    assert last.speaker.span.text == "MS. RUIZ"


def test_first_person_inside_a_turn_is_the_turns_speaker(extract):
    claims = extract(BRIEFING)
    told = next(c for c in claims if c.cue is not None and c.cue.lemma == "tell")
    assert told.content.text.startswith("that the terminals remain open")
    assert told.speaker.span.text == "I"
    assert told.speaker.resolved_from == "I"
    assert told.speaker.text == "ANA RUIZ"


def test_a_capitals_dateline_is_not_a_speaker(extract):
    text = ("NEW DELHI: India on Monday said it would cut fuel taxes to ease prices.\n\n"
            "The finance ministry said the cut would cost 20 billion rupees.\n")
    claims = extract(text)
    assert not any(c.speaker is not None and c.speaker.text == "NEW DELHI" for c in claims)
    assert not any(c.cue is None for c in claims)


def test_a_lone_caption_label_opens_no_turn(extract):
    text = ("FILE PHOTO: A worker walks past the assembly plant in Detroit, Michigan.\n\n"
            "GENERAL ROBOTICS: The company said on Monday it would cut 300 jobs.\n\n"
            "The union said it would fight the cuts.\n")
    claims = extract(text)
    assert not any(c.speaker is not None and c.speaker.text.startswith("FILE") for c in claims)
    assert all(c.cue is not None for c in claims)  # no turn claims without a cue
    union = only(claims, speaker="The union")
    assert union.content.text == "it would fight the cuts"


def test_a_lone_label_that_opens_spoken_words_is_a_turn(extract):
    text = ("Briefing by the Port Authority Spokesperson\n\n"
            "DANA WHITE:  Good afternoon, everyone.\n\n"
            "This week the authority reopens the north terminal after two years of repairs.\n\n"
            "Tomorrow we will publish the new timetable.\n")
    claims = extract(text)
    for opening in ("This week the authority", "Tomorrow we will"):
        c = next(c for c in claims if c.content.text.startswith(opening))
        assert c.speaker.span.text == "DANA WHITE"
