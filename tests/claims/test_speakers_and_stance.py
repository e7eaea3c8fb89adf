"""Appositives, pronoun and description resolution, stance, negation, hedges, medium, embedding."""

from __future__ import annotations

from tests.claims.conftest import only


def test_appositive_title_and_affiliation(extract):
    c = only(extract("Maria Lopez, director of communications at the World Health Organization, "
                     "said the outbreak was contained."), cue="say")
    assert c.speaker.name == "Maria Lopez"
    assert c.speaker.title == "director of communications"
    assert c.speaker.affiliation == "World Health Organization"
    assert c.speaker.kind == "person"


def test_title_and_organisation_before_name(extract):
    c = only(extract("Acme Corp chief executive John Smith said the plant would close."), cue="say")
    assert c.speaker.name == "John Smith"
    assert c.speaker.title == "chief executive"
    assert c.speaker.affiliation == "Acme Corp"


def test_pronoun_resolves_to_previous_person(extract):
    claims = extract("Acme Corp chief executive John Smith said the plant would close. "
                     "He added that 300 jobs would be lost.")
    c = only(claims, cue="add")
    assert c.speaker.name == "John Smith"
    assert c.speaker.resolved_from == "He"
    assert c.speaker.span.text == "He"
    assert c.speaker.kind == "person"


def test_company_description_resolves_to_organisation(extract):
    c = only(extract("Acme Corp said it would appeal. The company added that the fine was unfair."), cue="add")
    assert c.speaker.name == "Acme Corp"
    assert c.speaker.resolved_from == "The company"
    assert c.speaker.kind == "organisation"


def test_government_description_prefers_same_head(extract):
    text = ("The Estonian government said the border would stay open. Meridian Bank said rates would rise. "
            "The government later said that the decision was final.")
    c = only(extract(text), content="the decision was final")
    assert c.speaker.name == "Estonian government"
    assert c.speaker.resolved_from == "The government"
    assert c.speaker.kind == "government"


def test_unresolvable_pronoun_keeps_the_pronoun(extract):
    c = only(extract("She said the museum would reopen."), cue="say")
    assert c.speaker.text == "She"
    assert c.speaker.resolved_from is None
    assert c.confidence < 0.85


def test_relative_pronoun_speaker(extract):
    c = only(extract("The request came from the Interior Ministry, which said the protest was illegal."), cue="say")
    # the mention runs from the antecedent to the pronoun that ties it to the cue
    assert c.speaker.span.text == "the Interior Ministry, which"
    assert c.speaker.resolved_from == "which"
    assert "Interior Ministry" in c.speaker.text


def test_denial_cue_gives_deny(extract):
    c = only(extract("The government denied that it had blocked the website."), cue="deny")
    assert c.stance == "deny"
    assert c.cue.cls == "denial"
    assert c.negated is False


def test_negated_denial_is_not_a_denial(extract):
    c = only(extract("The government did not deny the report."), cue="deny")
    assert c.stance == "assert"


def test_negated_content_gives_deny(extract):
    c = only(extract("The spokesman said the company had not received any request."), cue="say")
    assert c.negated is True
    assert c.stance == "deny"


def test_plain_assertion(extract):
    c = only(extract("The spokesman said the company had received a request."), cue="say")
    assert c.negated is False
    assert c.stance == "assert"


def test_hedges(extract):
    c = only(extract("The ministry said the so-called reforms would reportedly cut costs."), cue="say")
    kinds = {(h.text, h.kind) for h in c.hedges}
    assert ("so-called", "distancing") in kinds
    assert ("reportedly", "evidential") in kinds
    assert ("would", "modal") in kinds


def test_what_it_called_is_a_hedge(extract):
    claims = extract("In what it called a landmark deal, the city council approved the new stadium plan.")
    assert any(h.text == "what it called" for c in claims for h in c.hedges)


def test_allegation_cue_is_not_its_own_hedge(extract):
    c = only(extract("Police alleged that the driver was drunk."), cue="allege")
    assert c.cue.cls == "accusation"
    assert all(h.text != "alleged" for h in c.hedges)


def test_media(extract):
    assert only(extract("In an interview with Reuters, the minister said the talks had failed."),
                cue="say").medium == "In an interview with Reuters"
    assert only(extract("The senator told reporters that the bill was dead."), cue="tell").medium == "told reporters"
    assert only(extract("The mayor tweeted that the roads were closed."), cue="tweet").medium == "tweeted"
    assert only(extract("The senator said on his Facebook page that he would run again."),
                cue="say").medium == "on his Facebook page"
    assert only(extract("But in an email to the Associated Press, the company said it was cooperating."),
                cue="say").medium == "in an email to the Associated Press"


def test_embedded_claim(extract):
    claims = extract("The company denied a claim by the regulator that it had hidden losses.")
    outer = only(claims, cue="deny")
    inner = only(claims, cue="claim")
    assert outer.stance == "deny"
    assert outer.speaker.text == "The company"
    assert inner.embedded_in == outer.id
    assert inner.speaker.text == "the regulator"
    assert inner.content.text == "that it had hidden losses"
    assert inner.stance == "assert"


def test_possessive_nominal_claim(extract):
    c = only(extract("The union's claim that wages fell was widely reported."), cue="claim")
    assert c.speaker.text == "The union"
    assert c.content.text == "that wages fell"


def test_wrapped_line_opening_with_a_preposition_is_no_speaker(extract):
    # Regression: a hard-wrapped line that starts with a prepositional phrase before the
    # cue ("in an email to supporters wrote ...") made the line-start fallback crash
    # (UnboundLocalError) and ended a whole batch run.
    text = ("Clinton campaign chairman John Podesta\n"
            "in an email to supporters wrote that the race was tightening in Florida.\n")
    claims = extract(text)
    c = only(claims, cue="write")
    assert "the race was tightening" in c.content.text
    assert c.speaker is None or not c.speaker.text.lower().startswith("in ")
