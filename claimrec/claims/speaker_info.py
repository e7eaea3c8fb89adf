"""What a speaker mention says about who speaks: name, title, affiliation, kind.

"NAME, TITLE of ORG", "ORG TITLE NAME", "Deputy NAME", "one of X, Congressman
NAME" are split into name, title and affiliation; the kind of actor (person,
organisation, government, group) comes from the entity type, pronoun, plural
and head-noun lists (data/lexicons/speakers.json).
"""

from __future__ import annotations

from typing import Optional

from claimrec.claims.candidate import SpeakerInfo
from claimrec.claims.spans import tok_chars
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables, parties

_NAME_ENTS = ("PERSON",)
_ORG_ENTS = ("ORG", "NORP", "FAC")
_GOV_ENTS = ("GPE",)
PUNCT_EDGE = ",;:—–-―()\"“”‘’'"


def _ent_containing(doc, i: int, labels) -> Optional[tuple[int, int]]:
    tok = doc[i]
    if tok.ent_type_ not in labels:
        return None
    a = i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = i
    while b + 1 < len(doc) and doc[b + 1].ent_iob_ == "I":
        b += 1
    return a, b


def _ents_in(doc, left: int, right: int, labels) -> list[tuple[int, int]]:
    out = []
    i = left
    while i <= right:
        if doc[i].ent_type_ in labels and doc[i].ent_iob_ == "B":
            j = i
            while j + 1 <= right and doc[j + 1].ent_iob_ == "I":
                j += 1
            out.append((i, j))
            i = j + 1
        else:
            i += 1
    return out


def _text(doc, a: int, b: int) -> str:
    return doc[a:b + 1].text  # doc.text would rebuild the whole text each call


def _strip_det(doc, a: int, b: int) -> tuple[int, int]:
    while a < b and (doc[a].pos_ == "DET" or doc[a].text in PUNCT_EDGE):
        a += 1
    while b > a and doc[b].text in PUNCT_EDGE:
        b -= 1
    return a, b


def _appos_person(doc, head, right: int):
    if head.pos_ == "PROPN" or head.ent_type_ in _NAME_ENTS:
        return None
    for child in head.rights:
        if child.dep_ == "appos" and child.i <= right and \
                (child.ent_type_ == "PERSON" or (child.pos_ == "PROPN" and child.tag_ == "NNP")):
            return child
    return None


def speaker_kind(doc, head, lex: CueTables, ent: Optional[str]) -> tuple[str, bool]:
    lower = head.lower_
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    if head.pos_ == "PRON":
        if lower in lex.person_pronouns or lower in ("i", "me"):
            return "person", False
        if lower in lex.plural_pronouns or lower in ("we", "us"):
            return "group", True
        return "unknown", False
    if ent == "PERSON":
        return "person", False
    if lemma in lex.government_heads or lower in lex.government_heads or ent == "GPE":
        return "government", plural
    if ent in _ORG_ENTS or lemma in lex.organisation_heads:
        if ent == "NORP" and plural:
            return "group", True
        return "organisation", plural
    if plural:
        return "group", True
    if lemma in lex.person_heads or lower in lex.person_heads:
        return "person", False
    if head.pos_ == "PROPN":
        return "unknown", False
    return "unknown", False


def describe_speaker(index: AnnotatedDoc, head, left: int, right: int, lex: CueTables) -> Optional[SpeakerInfo]:
    doc = index.doc
    if right < left:
        return None
    start, end = tok_chars(doc, left, right)
    text = index.text[start:end]
    if not text.strip():
        return None
    info = SpeakerInfo(start=start, end=end, text=text, head=head.i)

    person = _ent_containing(doc, head.i, _NAME_ENTS)
    org = _ent_containing(doc, head.i, _ORG_ENTS + _GOV_ENTS)
    ent_label = None
    if person and left <= person[0] and person[1] <= right:
        ent_label = "PERSON"
        info.name = _text(doc, *person)
        _titles_for_person(doc, head, person, left, right, info, lex)
    elif org and left <= org[0] and org[1] <= right:
        ent_label = doc[head.i].ent_type_
        info.name = _text(doc, *org)
    elif _appos_person(doc, head, right) is not None:
        # "One of the bill's authors, Congressman Aydos Sarim": the name is in apposition
        app = _appos_person(doc, head, right)
        a, b = app.left_edge.i, app.i
        t = a
        while t < b and (doc[t].lower_ in lex.titles or doc[t].lemma_.lower() in lex.titles):
            t += 1
        info.name = _text(doc, t, b)
        info.title = _text(doc, a, t - 1) if t > a else None
        ent_label = "PERSON"
    elif head.pos_ == "PROPN" and not head.is_lower:
        # (a lower-case word the tagger calls proper, "the Russian defence ministry", is no name)
        a, b = head.i, head.i
        while a - 1 >= left and doc[a - 1].pos_ == "PROPN" and doc[a - 1].dep_ in ("compound", "flat"):
            a -= 1
        # leading titles: "Deputy Anna Berg", "Sen. Jane Doe"
        t = a
        while t < b and (doc[t].lower_ in lex.titles or doc[t].lemma_.lower() in lex.titles):
            t += 1
        if t > a:
            info.title = _text(doc, a, t - 1)
            ent_label = "PERSON"
        info.name = _text(doc, t, b)
        if ent_label == "PERSON":
            _titles_for_person(doc, head, (t, b), left, right, info, lex)
    else:
        # "the bill's authors", "a company spokesperson": an affiliation may still be named
        for child in head.children:
            if child.dep_ == "poss" and (child.pos_ == "PROPN" or child.ent_type_ in _ORG_ENTS + _GOV_ENTS):
                a, b = child.left_edge.i, child.i
                a, b = _strip_det(doc, a, b)
                info.affiliation = _text(doc, a, b)
        orgs = _ents_in(doc, left, right, _ORG_ENTS + _GOV_ENTS)
        if orgs and info.affiliation is None and head.lemma_.lower() in lex.person_heads:
            info.affiliation = _text(doc, *orgs[0])
    info.kind, info.plural = speaker_kind(doc, head, lex, ent_label)
    if _age_description(doc, head, left):
        info.kind = "person"  # "the 45-year-old"
    if info.kind == "person" and not info.plural:
        info.gender = mention_gender(doc, head, left, info.name, lex)
    if head.pos_ == "PRON":
        lower = head.lower_
        if lower in lex.person_pronouns or lower in lex.thing_pronouns or lower in lex.plural_pronouns:
            info.needs_resolution = True
    elif left <= head.i and doc[left].lower_ in lex.determiners and ent_label is None \
            and head.pos_ == "NOUN" and not any(c.dep_ in ("poss", "prep", "appos") for c in head.children) \
            and right - left <= 3 and all(doc[i].pos_ in ("ADJ", "NOUN", "DET") and not doc[i].ent_type_
                                          for i in range(left, head.i)):
        # "the company", "the government", "the ministry": a definite description
        info.needs_resolution = True
    elif doc[left].lower_ in lex.determiners and _age_description(doc, head, left) and right - left <= 6:
        info.needs_resolution = True
    if info.name is None and not info.needs_resolution and info.kind in ("government", "organisation") \
            and head.pos_ != "PRON":
        # "the Estonian government", "the Tallinn cabinet": named by the phrase itself
        a, b = _strip_det(doc, left, head.i)
        info.name = _text(doc, a, b)
    return info


def _age_description(doc, head, left: int) -> bool:
    """'the 45-year-old', 'the 27-year-old nurse': a person described by age."""
    return head.lower_ == "old" and head.i - left >= 3 and doc[head.i - 1].text == "-" \
        and doc[head.i - 2].lower_ in ("year", "years")


def mention_gender(doc, head, left: int, name: Optional[str], lex: CueTables) -> Optional[str]:
    """A person's gender as the mention tells it: the pronoun or noun itself ("she",
    "the woman"), an honorific or title before the name ("Mrs.", "spokeswoman Jane Doe"),
    a listed first name, or the head of an appositive ("Jane Doe, a mother of three");
    None when it does not."""
    words = lex.gender_words
    if head.lower_ in words:
        return words[head.lower_]
    for i in range(left, head.i):
        if doc[i].pos_ != "PRON" and doc[i].lower_ in words:
            return words[doc[i].lower_]
    if name and len(name.split()) >= 2:  # a surname alone ("Warren") is no first name
        for word in name.split():
            low = word.lower().strip(".,")
            if low in lex.titles or low + "." in lex.titles or low in words or low in parties().title_kinds:
                continue  # "Councillor John Smith": the first name follows the title
            g = lex.first_names.get(low)
            if g is not None:
                return g
            break
    for child in head.rights:
        if child.dep_ == "appos" and child.lower_ in words:
            return words[child.lower_]
    return None


def _titles_for_person(doc, head, person: tuple[int, int], left: int, right: int,
                       info: SpeakerInfo, lex: CueTables) -> None:
    """Title and affiliation around a person's name."""
    # before the name: "Information Minister Aida Balyeva", "White House spokesman Josh Earnest"
    pre_a, pre_b = left, person[0] - 1
    pre_a, pre_b = _strip_det(doc, pre_a, pre_b)
    if pre_b >= pre_a and person[0] - 1 >= left and doc[person[0] - 1].text not in ",(":
        orgs = _ents_in(doc, pre_a, pre_b, _ORG_ENTS + _GOV_ENTS)
        title_toks = [i for i in range(pre_a, pre_b + 1)
                      if not any(o[0] <= i <= o[1] for o in orgs) and doc[i].pos_ != "PUNCT"]
        if title_toks:
            info.title = _text(doc, title_toks[0], title_toks[-1])
        if orgs:
            info.affiliation = _text(doc, *orgs[0])
    # after the name: an appositive "NAME, TITLE of ORG" / "NAME, ORG TITLE"
    for child in doc[person[1]].rights if person[1] != head.i else head.rights:
        if child.dep_ != "appos" or child.i > right:
            continue
        a, b = child.left_edge.i, min(child.right_edge.i, right)
        a, b = _strip_det(doc, a, b)
        if b < a:
            continue
        affiliation = None
        title_end = b
        for sub in child.children:
            if sub.dep_ == "prep" and sub.lower_ in ("of", "at", "for", "with") and sub.i > child.i:
                objs = [c for c in sub.children if c.dep_ == "pobj"]
                if objs and (objs[0].pos_ == "PROPN" or objs[0].ent_type_ in _ORG_ENTS + _GOV_ENTS):
                    oa, ob = _strip_det(doc, objs[0].left_edge.i, objs[0].right_edge.i)
                    affiliation = _text(doc, oa, ob)
                    title_end = sub.i - 1
                    break
        lead_orgs = [o for o in _ents_in(doc, a, child.i, _ORG_ENTS + _GOV_ENTS) if o[1] < child.i]
        title_start = a
        if affiliation is None and lead_orgs:
            affiliation = _text(doc, *lead_orgs[0])
            title_start = lead_orgs[0][1] + 1
            if title_start <= b and doc[title_start].tag_ == "POS":
                title_start += 1
        if title_end >= title_start and not info.title:
            info.title = _text(doc, title_start, title_end)
        if affiliation and not info.affiliation:
            info.affiliation = affiliation
        break
