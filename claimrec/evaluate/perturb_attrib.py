"""Attribution distortions: who said it, what exactly they said, how it was hedged, what was left out or made up.

Same contract as :mod:`claimrec.evaluate.perturb_ops`: pure functions
``(text, doc, rng) -> Perturbation | None``.
"""

from __future__ import annotations

import re
from random import Random
from typing import Optional

from claimrec.evaluate.perturb_sites import People, mentions, name_tokens, removal, speaker_sites, unit_around
from claimrec.evaluate.perturb_text import (
    Edit, Perturbation, at_sentence_start, body_sentences, build, capitalise, ends_sentence, indefinite_article,
    lexicon, match_case, paragraph_separator, paragraphs, quote_spans, quote_style, sentence_at,
    word_count,
)


def _tok_end(tok) -> int:
    return tok.idx + len(tok.text)


# ---- who said it ----------------------------------------------------------------------------------

def speaker_swap(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """A named speaker replaced by another named person (or organisation) of the article."""
    people = People(doc)
    orgs = mentions(doc, ("ORG",))
    sites = speaker_sites(doc)
    rng.shuffle(sites)
    for site in sites:
        new_name = False
        if site.name.label == "PERSON":
            pool = people.others(site.name.text)
            if pool:
                replacement = people.reference(rng.choice(pool), site.head_start)
            else:
                pool = [p for p in lexicon()["plausible_entities"]["PERSON"] if p not in text]
                replacement, new_name = rng.choice(pool), True
            start = site.head_start
        else:
            own = name_tokens(site.name.text)
            pool = sorted({m.with_det for m in orgs if not (name_tokens(m.text) & own)})
            if not pool:
                continue
            replacement = rng.choice(pool)
            start = min(site.head_start, site.name.det_start)
        phrase = text[site.np_start:site.np_end]
        if "," not in phrase and len(phrase.split()) <= 6:
            start, end = site.np_start, site.np_end  # "Meta spokesman Ben McConaghy" goes whole
        else:
            end = site.name.end  # the appositive stays: a wrong name with the right title is the error
        sent = sentence_at(doc, start)
        if sent is not None and replacement.removeprefix("the ").lower() in sent.text.lower():
            continue
        if at_sentence_start(doc, start):
            replacement = capitalise(replacement)
        return build("speaker_swap", text, [Edit(start, end, replacement)],
                     f"speaker {text[start:end]!r} -> {replacement!r}", extras=("new_name",) if new_name else ())
    return None


def speaker_anonymised(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """A named speaker, with title and appositive, replaced by "an official" or the like."""
    sites = speaker_sites(doc)
    if not sites:
        return None
    site = rng.choice(sites)
    start, end = site.np_start, site.np_end
    if site.mode == "according" and site.name.det_start < start:
        start = site.name.det_start
    after = text[end:]
    if "," in text[start:end] and after.startswith(",") and site.mode == "subject" and doc[site.verb].idx > end:
        end += 1  # the comma closing the appositive goes with it
    phrase = rng.choice(lexicon()["anonymous_speakers"])
    if at_sentence_start(doc, start):
        phrase = capitalise(phrase)
    return build("speaker_anonymised", text, [Edit(start, end, phrase)],
                 f"speaker {text[start:end]!r} -> {phrase!r}")


# ---- what they said ---------------------------------------------------------------------------------

def quote_words_changed(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """One or two words inside a direct quote replaced by near neighbours, or a modifier dropped from it."""
    swaps = lexicon()["quote_word_swaps"]
    quotes = [q for q in quote_spans(text) if word_count(text[q[0]:q[1]]) >= 5]
    rng.shuffle(quotes)
    for q0, q1 in quotes:
        toks = [t for t in doc if q0 < t.idx and _tok_end(t) < q1]
        hits = [t for t in toks if t.text in swaps or t.lower_ in swaps]
        if hits:
            chosen = sorted(rng.sample(hits, min(len(hits), rng.choice([1, 2]))), key=lambda t: t.i)
            edits = [_swap_edit(text, t, swaps) for t in chosen]
            what = ", ".join(f"{t.text!r} -> {e.new.split()[-1]!r}" for t, e in zip(chosen, edits))
            return build("quote_words_changed", text, edits, f"quote words changed: {what}")
        mods = [t for t in toks if t.head.i != t.i and q0 < t.head.idx < q1 and (
            (t.dep_ == "advmod" and t.pos_ == "ADV" and t.lower_ not in {"not", "n't", "n’t", "never", "no"}
             and t.i + 1 < len(doc) and doc[t.i + 1].is_alpha)
            or (t.dep_ == "amod" and t.pos_ == "ADJ"))]
        if mods:
            tok = rng.choice(mods)
            return _drop_modifier(text, doc, tok)
    return None


def _swap_edit(text: str, tok, swaps: dict) -> Edit:
    new = swaps.get(tok.text) or match_case(swaps[tok.lower_], tok.text)
    prev = tok.nbor(-1) if tok.i > 0 else None
    if prev is not None and prev.lower_ in {"a", "an"} and indefinite_article(new) != prev.lower_:
        article = match_case(indefinite_article(new), prev.text)
        return Edit(prev.idx, _tok_end(tok), article + text[_tok_end(prev):tok.idx] + new)
    return Edit(tok.idx, _tok_end(tok), new)


def _drop_modifier(text: str, doc, tok) -> Perturbation:
    end = _tok_end(tok)
    while end < len(text) and text[end] == " ":
        end += 1
    nxt = doc[tok.i + 1]
    prev = tok.nbor(-1) if tok.i > 0 else None
    edits = [Edit(tok.idx, end, "")]
    if prev is not None and prev.lower_ in {"a", "an"} and indefinite_article(nxt.text) != prev.lower_:
        article = match_case(indefinite_article(nxt.text), prev.text)
        edits = [Edit(prev.idx, end, article + text[_tok_end(prev):tok.idx])]
    start = prev.idx if prev is not None else tok.idx
    made = build("quote_words_changed", text, edits, f"quote word dropped: {tok.text!r}")
    # the place to look: the words either side of the gap
    shift = len(made.text) - len(text)
    return made.model_copy(update={"span": (start, _tok_end(nxt) + shift)})


def quote_invented(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """A new sentence quoting someone of the article (a speaker where there is one) with words they never said."""
    lex = lexicon()
    people = People(doc)
    spoke = [people.full(s.name.text) for s in speaker_sites(doc, ("PERSON",))]
    persons = list(dict.fromkeys(spoke)) or people.names()
    orgs = sorted({m.with_det for m in mentions(doc, ("ORG",))})
    quotes = [q for q in lex["invented_quotes"] if q.lower() not in text.lower()]
    place = _insertion_point(text, doc, rng)
    if place is None or not quotes or not (persons or orgs):
        return None
    at, as_paragraph = place
    if persons:
        speaker = people.reference(rng.choice(persons), at)
    else:
        speaker = f"a spokesperson for {rng.choice(orgs)}"
    open_, close = quote_style(text)
    frame = rng.choice(lex["quote_frames"])
    sentence = capitalise(frame.format(open=open_, close=close, quote=rng.choice(quotes), speaker=speaker))
    return _insert("quote_invented", text, at, as_paragraph, sentence, f"invented quote by {speaker!r}")


def sentence_added(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """A new factual sentence bringing in a name or a figure the article does not have."""
    lex = lexicon()
    place = _insertion_point(text, doc, rng)
    if place is None:
        return None
    at, as_paragraph = place
    plausible = lex["plausible_entities"]
    low = text.lower()
    new_people = [p for p in plausible["PERSON"] if p.lower() not in low]
    new_orgs = [o for o in plausible["ORG"] if o.lower().removeprefix("the ") not in low]
    people = People(doc)
    names = people.names()
    orgs = sorted({m.with_det for m in mentions(doc, ("ORG",))})
    places = sorted({m.text for m in mentions(doc, ("GPE",))}) or plausible["GPE"]
    picked = rng.sample(new_people, 2)
    slots = {
        "new_person": picked[0],
        "person": people.reference(rng.choice(names), at) if names else picked[1],
        "new_org": rng.choice(new_orgs),
        "org": rng.choice(orgs) if orgs else rng.choice(new_orgs),
        "place": rng.choice(places),
        "number": rng.choice([str(rng.randint(12, 95)), str(rng.randint(120, 950)), f"{rng.randint(2, 40)},{rng.randint(100, 999)}"]),
        "money": rng.choice(["1.5", "2.3", "4", "12", "35", "60", "150"]),
        "percent": str(rng.randint(11, 78)),
        "small": rng.choice(["two", "three", "five", "ten"]),
        "year": str(rng.randint(1995, 2012)),
    }
    sentence = capitalise(rng.choice(lex["added_sentences"]).format(**slots))
    return _insert("sentence_added", text, at, as_paragraph, sentence, f"added: {sentence!r}")


def _insertion_point(text: str, doc, rng: Random) -> Optional[tuple[int, bool]]:
    """Where a new sentence can go: after a finished body sentence outside any quote; as its own paragraph or not."""
    quotes = quote_spans(text)
    ends = []
    for sent in body_sentences(doc):
        end = sent.start_char + len(sent.text.rstrip())
        if any(qs < end < qe for qs, qe in quotes):
            continue
        ends.append(end)
    if not ends:
        return None
    at = rng.choice(ends)
    para_end = next((pe for ps, pe in paragraphs(text) if ps <= at <= pe), at)
    as_paragraph = at == para_end or rng.random() < 0.5
    return (para_end if as_paragraph else at), as_paragraph


def _insert(kind: str, text: str, at: int, as_paragraph: bool, sentence: str, description: str) -> Perturbation:
    glue = paragraph_separator(text) if as_paragraph else " "
    made = build(kind, text, [Edit(at, at, glue + sentence)], description)
    return made.model_copy(update={"span": (at + len(glue), at + len(glue) + len(sentence))})


# ---- how it was hedged --------------------------------------------------------------------------------

def hedge_removed(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """A hedge dropped so a claim reads as fact: allegedly, so-called, "what X called", "according to X"."""
    sites = _hedge_sites(text, doc)
    if not sites:
        return None
    start, end, what = rng.choice(sites)
    edits = _removal_edits(text, doc, start, end)
    sent = sentence_at(doc, start)
    sent_end = sent.start_char + len(sent.text.rstrip())
    shift = sum(len(e.new) - (e.end - e.start) for e in edits)
    return build("hedge_removed", text, edits, f"hedge dropped: {what!r}",
                 span=(min(sent.start_char, min(e.start for e in edits)), sent_end + shift))


def _hedge_sites(text: str, doc) -> list[tuple[int, int, str]]:
    lex = lexicon()["hedges"]
    sites: list[tuple[int, int, str]] = []
    for tok in doc:
        if tok.lower_ in lex["adverbs"] and tok.pos_ == "ADV":
            sites.append((tok.idx, _tok_end(tok), tok.text))
        elif tok.lower_ in lex["adjectives"] and tok.dep_ == "amod":
            sites.append((tok.idx, _tok_end(tok), tok.text))
    hyphenated = [a for a in lex["adjectives"] if "-" in a]  # "so-called" is three tokens
    for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, hyphenated)) + r")\b", text, re.I):
        if not any(s <= m.start() < e for s, e, _ in sites):
            sites.append((m.start(), m.end(), m.group()))
    verbs = "|".join(re.escape(v) for v in lex["naming_verbs"])
    naming = re.compile(
        rf"\bwhat (?:(?:it|he|she|they|we|I|the \w+|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}) |(?:was|were|is|are) )"
        rf"(?:{verbs}) (?!for\b|on\b|off\b|up\b|out\b|it\b|him\b|her\b|them\b)(?=\w)")
    for m in naming.finditer(text):
        sites.append((m.start(), m.end() - 1, m.group().strip()))
    sites.extend(_according_sites(text, doc, lex["according_sources"]))
    return [s for s in sites if sentence_at(doc, s[0]) is not None]


def _according_sites(text: str, doc, sources) -> list[tuple[int, int, str]]:
    out = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or tok.nbor(1).lower_ != "to":
            continue
        pobj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if pobj.ent_type_ not in {"PERSON", "ORG", "GPE", "NORP"} and pobj.lemma_.lower() not in sources:
            continue
        sub = list(pobj.subtree)
        if any(t.text in {'"', "“", "”"} or "\n" in t.text for t in sub):
            continue
        end = _tok_end(sub[-1])
        out.append((tok.idx, end, text[tok.idx:end]))
    return out


def _removal_edits(text: str, doc, start: int, end: int) -> list[Edit]:
    """Edits that take text[start:end] out of its sentence with its commas and keep the sentence well formed."""
    before, after = text[:start], text[end:]
    if at_sentence_start(doc, start):
        # "According to police, the man ..." / "Reportedly the man ..." -> "The man ..."
        m = re.match(r",?\s*", after)
        nxt = end + m.end()
        if nxt < len(text):
            return [Edit(start, nxt + 1, text[nxt].upper())]
        return [Edit(start, nxt, "")]
    if before.endswith(", ") and after.startswith(","):
        return [Edit(start - 2, end + 1, "")]           # "the man, allegedly, stole" -> "the man stole"
    if before.endswith(", ") and re.match(r"[.;:!?]", after):
        return [Edit(start - 2, end, "")]               # "..., according to police." -> "..."
    cut_end = end + (1 if after.startswith(" ") else 0)
    cut_start = start if after.startswith(" ") or not before.endswith(" ") else start - 1
    edits = [Edit(cut_start, cut_end, "")]
    art = re.search(r"\b(an?|An?) $", before)
    nxt_word = re.match(r"\s*(\w+)", text[cut_end:])
    if art and nxt_word and cut_start == start:
        right = match_case(indefinite_article(nxt_word.group(1)), art.group(1))
        if right != art.group(1):
            edits = [Edit(art.start(1), cut_end, right + " ")]
    return edits


# ---- what was left out ----------------------------------------------------------------------------------

def quote_dropped(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """The sentence(s) holding someone's direct quote of five words or more removed.

    A quote counts when a speech verb sits in the removed sentences or the paragraph before
    introduces it ("He said:"); titles and scare quotes ("the song 'American Skin'") do not.
    """
    speech = set(lexicon()["speech_verbs"])
    quotes = [q for q in quote_spans(text) if word_count(text[q[0]:q[1]]) >= 5]
    rng.shuffle(quotes)
    for q0, q1 in quotes:
        u0, u1 = unit_around(doc, q0, q1)
        said = any(t.lemma_ in speech and t.pos_ == "VERB" for t in doc if u0 <= t.idx < u1)
        if not said and not text[:u0].rstrip().endswith(":"):
            continue
        made = _drop(text, doc, q0, q1, "quote_dropped", "quote dropped")
        if made is not None:
            return made
    return None


def denial_dropped(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """A sentence in which someone denies something ("X denied ...", "X said the report was false") removed."""
    lex = lexicon()
    denials, speech, things = set(lex["denial_verbs"]), set(lex["speech_verbs"]), set(lex["denied_things"])
    words = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lex["denial_words"]) + r")\b", re.I)
    sents = []
    for sent in doc.sents:
        toks = list(sent)
        denies = any(_denies(t, denials, things) for t in toks)
        says_not = words.search(sent.text) and any(t.lemma_ in speech and t.pos_ == "VERB" for t in toks)
        if denies or says_not:
            sents.append(sent)
    rng.shuffle(sents)
    for sent in sents:
        made = _drop(text, doc, sent.start_char, sent.start_char + len(sent.text.rstrip()),
                     "denial_dropped", "denial dropped")
        if made is not None:
            return made
    return None


def _denies(tok, denials: set, things: set) -> bool:
    """Someone denying a proposition ("denied that ...", "rejected the claim"), not refusing a thing
    ("denied them permits") or brushing off a person."""
    if tok.lemma_ not in denials or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if not any(c.dep_ == "nsubj" for c in kids) or any(c.dep_ in {"dative", "iobj"} for c in kids):
        return False
    if any(c.dep_ in {"ccomp", "xcomp", "pcomp"} for c in kids):
        return True
    objs = [c for c in kids if c.dep_ == "dobj"]
    if not objs:
        return tok.lemma_ == "deny"  # "he denied", "the company denies"
    return all(o.lemma_.lower() in things for o in objs)


def _drop(text: str, doc, start: int, end: int, kind: str, what: str) -> Optional[Perturbation]:
    u0, u1 = unit_around(doc, start, end)
    if u1 - u0 > 0.5 * len(text.strip()) or not ends_sentence(text[u0:u1]):
        return None
    c0, c1 = removal(text, u0, u1)
    made = build(kind, text, [Edit(c0, c1, "")], f"{what}: {text[u0:u1][:80]!r}")
    return made.model_copy(update={"source_span": (u0, u1)})
