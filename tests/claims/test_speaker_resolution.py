"""Pronoun and description speakers resolved to a compatible named speaker."""

from __future__ import annotations

from tests.claims.conftest import only


def _by_content(claims, piece):
    found = [c for c in claims if piece in c.content.text]
    assert len(found) == 1, [c.content.text for c in claims]
    return found[0]


def test_she_and_he_look_back_for_a_person_of_their_gender(extract):
    claims = extract("Mayor Jane Doe said the budget was balanced. Councillor John Smith, the opposition "
                     "leader, said the figures were wrong. She said the accounts had been audited twice. "
                     "He said the audit had missed the transit deficit.")
    she = _by_content(claims, "audited twice")
    assert she.speaker.span.text == "She" and she.speaker.name == "Jane Doe"
    he = _by_content(claims, "transit deficit")
    assert he.speaker.name.endswith("John Smith")


def test_gender_learned_from_an_earlier_pronoun(extract):
    # neither name is in the first-name list; the first "she" tells who is a woman
    claims = extract("Ngozi Okafor, the union's negotiator, said the offer was too low. "
                     "She said members would vote on Friday. "
                     "Tariq Bello, the company's lawyer, said the offer was final. "
                     "Okafor said the vote would go ahead anyway. "
                     "He said the company would not improve its offer.")
    last = _by_content(claims, "would not improve")
    assert last.speaker.name == "Tariq Bello"


def test_a_person_of_unknown_gender_is_compatible_with_either_pronoun(extract):
    claims = extract("Army Gen. Daniel Hokanson said the Guard was ready. "
                     "Maj. Gen. Lee Okonjo, the state's assistant adjutant general, said crews were in place. "
                     "He said the helicopters launched as soon as the winds allowed.")
    c = _by_content(claims, "helicopters launched")
    assert "Okonjo" in c.speaker.name


def test_a_title_description_refers_to_the_person_holding_the_title(extract):
    claims = extract("Environment Minister Peter Kent said the plan was sound. Opposition critic Linda Duncan "
                     "said it would fail. Later the minister said talks with the provinces would resume.")
    c = _by_content(claims, "talks with the provinces")
    assert c.speaker.span.text == "the minister"
    assert c.speaker.name == "Peter Kent"
    assert c.speaker.resolved_from == "the minister"


def test_an_age_description_refers_to_the_person_of_that_age(extract):
    claims = extract("Fire Chief Ron Baker said the blaze started in the kitchen. Maria Lopez, 45, lost her "
                     "home in the fire. The 45-year-old said she would rebuild.")
    c = _by_content(claims, "she would rebuild")
    assert c.speaker.span.text == "The 45-year-old"
    assert c.speaker.name == "Maria Lopez"
    assert c.speaker.kind == "person"


def test_a_description_with_no_compatible_antecedent_stays_as_written(extract):
    c = only(extract("The minister said the talks would resume on Monday."), cue="say")
    assert c.speaker.text == "The minister"
    assert c.speaker.resolved_from is None


def test_a_surname_alone_has_the_gender_of_the_full_name_given_earlier(extract):
    claims = extract('"We have 210 doses scheduled today," said Army Staff Sgt. Chelsea Herman, a medic. '
                     '"Anyone in the department can come in," Herman said. '
                     '"I am protecting everyone else," said Lt. Cmdr. Tim Cronk, a retired officer. '
                     '"It is important for my family," he said.')
    c = _by_content(claims, "important for my family")
    assert c.speaker.name == "Tim Cronk"


def test_a_name_modifying_a_noun_is_not_an_antecedent(extract):
    claims = extract("In a blog post, Matthew Ingram of The Globe and Mail wrote about the feud over the "
                     "Tom Cruise video. He described the conflict as \"a small skirmish in a long war.\"")
    c = only(claims, cue="describe")
    assert c.speaker.name == "Matthew Ingram"


def test_an_actor_named_only_in_a_prepositional_phrase_is_not_the_company(extract):
    claims = extract("In an interview with CBC News, Premier Scott Moe said the carbon tax was hurting "
                     "farmers. The company said in a news release that 200 jobs would be cut.")
    c = _by_content(claims, "200 jobs")
    assert c.speaker.name != "CBC News"


def test_the_writers_first_person_is_no_antecedent(extract):
    claims = extract("Donald Trump has refused to release his returns. As I have argued, the loopholes are "
                     "large, I wrote last year. He said the audit prevents him from releasing them.")
    c = _by_content(claims, "audit prevents him")
    assert c.speaker.name == "Donald Trump"
