"""FactCC-style distortions: wrong entity, figure, date, pronoun, polarity, roles or certainty.

Each transformation is a pure function ``(text, doc, rng) -> Perturbation | None``
over the source article's text, its spaCy parse and a seeded ``random.Random``;
None when the article offers no site for it. Sites are picked at random among
those where the edit stays grammatical (agreement, capitalisation, contractions),
so a rewrite reads like a careless human or model edit, not a template.
"""

from __future__ import annotations

import re
from random import Random
from typing import Optional

from claimrec.evaluate.perturb_sites import People, mentions, name_tokens, speaker_sites
from claimrec.evaluate.perturb_text import (
    Edit, Perturbation, at_sentence_start, build, capitalise, lexicon, lower_first, match_case, sentence_at,
)

_QUESTION = re.compile(r"\?[\"'”’)]*\s*$")


def _is_question(doc, char: int) -> bool:
    sent = sentence_at(doc, char)
    return sent is not None and bool(_QUESTION.search(sent.text))


def _tok_end(tok) -> int:
    return tok.idx + len(tok.text)


# ---- entity_swap ------------------------------------------------------------------------------

def entity_swap(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """A person, organisation or place replaced by another of the same type (the article's own, else a plausible one).

    Speakers are left to ``speaker_swap``; this one moves entities inside what is said.
    """
    named = mentions(doc)
    speakers = {(s.name.start, s.name.end) for s in speaker_sites(doc)}
    people = People(doc)
    candidates = [m for m in named if (m.start, m.end) not in speakers]
    rng.shuffle(candidates)
    for m in candidates:
        replacement, new_name = _replacement_for(m, named, people, text, rng)
        if replacement is None:
            continue
        sent = sentence_at(doc, m.start)
        bare = replacement.removeprefix("the ")
        if sent is not None and bare.lower() in sent.text.lower():
            continue
        # the determiner goes with the name: "in Kazakhstan" -> "in the United States", "the NYPD" -> "Reuters"
        capital_det = m.det_start < m.start and text[m.det_start].isupper()
        if replacement.startswith("the ") and (capital_det or at_sentence_start(doc, m.det_start)):
            replacement = capitalise(replacement)
        return build("entity_swap", text, [Edit(m.det_start, m.end, replacement)],
                     f"{m.label} {text[m.det_start:m.end]!r} -> {replacement!r}",
                     extras=("new_name",) if new_name else ())
    return None


def _replacement_for(m, named, people: People, text: str, rng: Random) -> tuple[Optional[str], bool]:
    own = name_tokens(people.full(m.text) if m.label == "PERSON" else m.text)
    if m.label == "PERSON":
        pool = people.others(m.text)
        if pool:
            other = rng.choice(pool)
            short = len(m.text.split()) == 1 and len(other.split()) > 1 and people.first_mention(other) < m.start
            return (other.split()[-1] if short else other), False
    else:
        pool = sorted({n.with_det for n in named if n.label == m.label and not (name_tokens(n.text) & own)
                       and n.text.lower() not in m.text.lower() and m.text.lower() not in n.text.lower()})
        if pool:
            return rng.choice(pool), False
    plausible = [p for p in lexicon()["plausible_entities"].get(m.label, [])
                 if p.lower().removeprefix("the ") not in text.lower() and not (name_tokens(p) & own)]
    if not plausible:
        return None, False
    return rng.choice(plausible), True


# ---- number_change ----------------------------------------------------------------------------

_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_NUMERIC_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


def number_change(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """A figure changed: digits to a plausible other value in the same format, number words to another,
    or a scale word traded ("million" -> "billion")."""
    lex = lexicon()
    words = [w for w in lex["number_words"] if w != "hundred"]
    scales = lex["scale_swaps"]
    sites = []
    for tok in doc:
        if tok.ent_type_ not in _NUMERIC_ENTS and not (tok.ent_type_ == "" and tok.pos_ == "NUM"):
            continue
        if _NUMBER.fullmatch(tok.text) and not _year_like(tok.text):
            sites.append(("digits", tok))
        elif tok.lower_ in words:
            sites.append(("word", tok))
        elif tok.lower_ in scales and tok.i > 0 and tok.nbor(-1).like_num:
            sites.append(("scale", tok))
    rng.shuffle(sites)
    for how, tok in sites:
        if how == "digits":
            new = _new_number(tok.text, rng)
        elif how == "word":
            new = match_case(rng.choice([w for w in words if w != tok.lower_]), tok.text)
        else:
            new = match_case(scales[tok.lower_], tok.text)
        if new is None or new == tok.text:
            continue
        return build("number_change", text, [Edit(tok.idx, _tok_end(tok), new)], f"figure {tok.text!r} -> {new!r}")
    return None


def _year_like(s: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", s))


def _new_number(s: str, rng: Random) -> Optional[str]:
    m = _NUMBER.fullmatch(s)
    whole, decimals = m.group(1), m.group(2)
    value = int(whole.replace(",", ""))
    if decimals is None:
        if value < 2:  # "1 person" -> "3 person" would break agreement
            return None
        if value <= 20:
            new = value + rng.choice([-3, -2, -1, 1, 2, 3, 5])
            new = new if new >= 2 and new != value else value + 4
        else:
            zeros = len(str(value)) - len(str(value).rstrip("0"))
            new = round(value * rng.choice([0.5, 0.6, 0.75, 1.3, 1.5, 2, 3]), -min(zeros, len(str(value)) - 1))
            new = int(new) if new != value else value * 2
        return f"{new:,}" if "," in whole else str(new)
    full = float(f"{value}.{decimals}")
    new = round(full * rng.choice([0.5, 0.7, 1.4, 2.0]), len(decimals))
    if new == full:
        new = full + 1
    out = f"{new:,.{len(decimals)}f}" if "," in whole else f"{new:.{len(decimals)}f}"
    return out


# ---- date_change ------------------------------------------------------------------------------

def date_change(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """A date moved: weekday, month (full or abbreviated), year, day of the month, or a period ("last week")."""
    lex = lexicon()
    weekdays, months = lex["weekdays"], lex["months"]
    abbrevs = list(lex["month_abbreviations"])
    periods, modifiers = lex["periods"], set(lex["period_modifiers"])
    sites = []
    for tok in doc:
        if tok.ent_type_ != "DATE":
            continue
        if tok.text in weekdays:
            sites.append((tok, [w for w in weekdays if w != tok.text]))
        elif tok.text in months and tok.tag_ != "MD":
            sites.append((tok, [m for m in months if m != tok.text]))
        elif tok.text in abbrevs:
            sites.append((tok, [a for a in abbrevs if a != tok.text and a != "Sep."]))
        elif _year_like(tok.text):
            sites.append((tok, [str(int(tok.text) + d) for d in (-3, -2, -1, 1, 2)]))
        elif re.fullmatch(r"\d{1,2}", tok.text) and 1 <= int(tok.text) <= 31 and _next_to_month(tok, months, abbrevs):
            sites.append((tok, [str(d) for d in range(1, 29) if d != int(tok.text)]))
        elif tok.lower_ in periods and tok.i > 0 and tok.nbor(-1).lower_ in modifiers:
            sites.append((tok, [p for p in periods if p != tok.lower_]))
    if not sites:
        return None
    tok, choices = rng.choice(sites)
    new = rng.choice(choices)
    return build("date_change", text, [Edit(tok.idx, _tok_end(tok), new)], f"date {tok.text!r} -> {new!r}")


def _next_to_month(tok, months, abbrevs) -> bool:
    names = set(months) | set(abbrevs) | {a.rstrip(".") for a in abbrevs}
    near = [tok.nbor(-1)] if tok.i > 0 else []
    if tok.i + 1 < len(tok.doc):
        near.append(tok.nbor(1))
    if tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "of":
        near.append(tok.nbor(2))
    return any(t.text in names for t in near)


# ---- pronoun_swap -----------------------------------------------------------------------------

def pronoun_swap(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """One gendered pronoun swapped (he -> she, his -> her, her -> him by its role)."""
    table = lexicon()["pronouns"]
    sites = []
    for tok in doc:
        if tok.tag_ not in {"PRP", "PRP$"}:
            continue
        new = table.get(f"{tok.lower_}:{tok.tag_}") or table.get(tok.lower_)
        if new:
            sites.append((tok, match_case(new, tok.text)))
    if not sites:
        return None
    tok, new = rng.choice(sites)
    return build("pronoun_swap", text, [Edit(tok.idx, _tok_end(tok), new)], f"pronoun {tok.text!r} -> {new!r}")


# ---- negation -----------------------------------------------------------------------------------

_CLAUSE_DEPS = {"ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp"}


def negation(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """'not' put on a verb that had none, or taken off one that had it ("did not want" <-> "wanted")."""
    inserts = [t for t in doc if _negatable(t)]
    removes = [t for t in doc if t.dep_ == "neg" and t.lower_ in {"not", "n't", "n’t"} and t.head.pos_ in {"VERB", "AUX"}]
    rng.shuffle(inserts)
    rng.shuffle(removes)
    order = [removes, inserts] if removes and rng.random() < 0.5 else [inserts, removes]
    for group in order:
        for tok in group:
            made = _remove_negation(text, doc, tok) if group is removes else _insert_negation(text, doc, tok)
            if made is not None:
                return made
    return None


def _negatable(tok) -> bool:
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ not in _CLAUSE_DEPS:
        return False
    if tok.pos_ == "AUX" and tok.dep_ not in {"ROOT", "ccomp", "conj"}:
        return False
    if any(c.dep_ == "neg" for c in tok.children) or _is_question(tok.doc, tok.idx):
        return False
    auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"} and c.i < tok.i]
    if auxes:
        return auxes[0].tag_ in {"MD", "VBZ", "VBP", "VBD"} and auxes[0].lower_ != "to"
    return tok.tag_ in {"VBD", "VBZ", "VBP"}


def _insert_negation(text: str, doc, verb) -> Optional[Perturbation]:
    neg = lexicon()["negation"]
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    if auxes:
        aux = auxes[0]
        if aux.text in neg["skip_aux"] or aux.lower_ in {"ca", "wo", "sha"}:
            return None
        at = _tok_end(aux)
        edit = Edit(at, at, " not")
        span = (aux.idx, at + 4)
        what = f"'not' after {aux.text!r}"
    elif verb.lemma_ == "be" or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        if verb.lemma_ != "be" or verb.text in neg["skip_aux"]:
            return None
        at = _tok_end(verb)
        edit = Edit(at, at, " not")
        span = (verb.idx, at + 4)
        what = f"'not' after {verb.text!r}"
    else:
        lemma = verb.lemma_
        if not lemma.isalpha() or lemma.lower() == verb.lower_ and verb.tag_ == "VBD":
            return None  # no trustworthy base form
        support = neg["do_support"][verb.tag_]
        new = f"{match_case(support, verb.text)} not {lemma.lower()}"
        edit = Edit(verb.idx, _tok_end(verb), new)
        span = (verb.idx, verb.idx + len(new))
        what = f"{verb.text!r} -> {new!r}"
    return build("negation", text, [edit], f"negated: {what}", span=span)


def _remove_negation(text: str, doc, neg_tok) -> Optional[Perturbation]:
    lex = lexicon()["negation"]
    verb = neg_tok.head
    prev = doc[neg_tok.i - 1] if neg_tok.i > 0 else None
    if prev is None:
        return None
    nxt = doc[neg_tok.i + 1] if neg_tok.i + 1 < len(doc) else None
    if neg_tok.lower_ == "not" and nxt is not None and nxt.lower_ == "to" and _tok_end(prev) < neg_tok.idx:
        # "decided not to run" -> "decided to run"
        edit = Edit(_tok_end(prev), _tok_end(neg_tok), "")
        return build("negation", text, [edit], f"negation removed: 'not' before {nxt.text!r}",
                     span=(prev.idx, _tok_end(prev)))
    if not (prev.i == verb.i or (prev.head.i == verb.i and prev.dep_ in {"aux", "auxpass"})):
        return None
    contracted = neg_tok.lower_ != "not" or _tok_end(prev) == neg_tok.idx  # "didn't", "cannot"
    if prev.lemma_ == "do" and prev.tag_ in {"VBD", "VBZ", "VBP"} and verb.tag_ == "VB" and verb.i > neg_tok.i:
        if any(c.dep_ in {"aux", "auxpass"} and c.i > neg_tok.i for c in verb.children):
            return None
        new = _inflect(verb.lemma_.lower() if verb.lemma_ else verb.lower_, prev.tag_)
        if new is None:
            return None
        between = text[_tok_end(neg_tok):verb.idx]
        if between.strip():  # an adverb between ("did not always agree"): keep it
            return None
        new = match_case(new, prev.text)
        edit = Edit(prev.idx, _tok_end(verb), new)
        return build("negation", text, [edit], f"negation removed: {text[prev.idx:_tok_end(verb)]!r} -> {new!r}")
    if contracted:
        base = lex["contracted_aux"].get(prev.lower_, prev.text) if neg_tok.lower_ != "not" else prev.text
        base = match_case(base, prev.text)
        edit = Edit(prev.idx, _tok_end(neg_tok), base)
        return build("negation", text, [edit], f"negation removed: {text[prev.idx:_tok_end(neg_tok)]!r} -> {base!r}")
    edit = Edit(_tok_end(prev), _tok_end(neg_tok), "")
    return build("negation", text, [edit], f"negation removed: 'not' after {prev.text!r}",
                 span=(prev.idx, _tok_end(prev)))


def _inflect(lemma: str, tag: str) -> Optional[str]:
    neg = lexicon()["negation"]
    if not lemma.isalpha():
        return None
    if tag == "VBP":
        return lemma
    if tag == "VBD":
        if lemma in neg["irregular_past"]:
            return neg["irregular_past"][lemma]
        if lemma.endswith("e"):
            return lemma + "d"
        if re.search(r"[^aeiou]y$", lemma):
            return lemma[:-1] + "ied"
        return lemma + "ed"
    if lemma in neg["irregular_present"]:
        return neg["irregular_present"][lemma]
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


# ---- role_swap ----------------------------------------------------------------------------------

def role_swap(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """Subject and object of a verb traded: "Critics accused the mayor" -> "The mayor accused critics"."""
    lex = lexicon()["role_swap"]
    skip = set(lex["skip_verbs"])
    sites = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_ in skip:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if subj is None or obj is None or not (subj.i < verb.i < obj.i):
            continue
        a, b = _argument(subj), _argument(obj, keep_right_preps=True)
        if a is None or b is None or not (_agent(subj, lex) and _agent(obj, lex)):
            continue
        if not (subj.pos_ == "PROPN" or obj.pos_ == "PROPN"):
            continue
        if _plural(subj) != _plural(obj) and not (verb.tag_ == "VBD" and not _has_aux(verb)):
            continue
        if name_tokens(text[a[0]:a[1]]) & name_tokens(text[b[0]:b[1]]):
            continue
        if re.search(r"[,;:()\"“”—]", text[a[1]:verb.idx] + text[_tok_end(verb):b[0]]):
            continue  # subject, verb and object must sit together; anything else is a misparse
        sites.append((verb, a, b))
    if not sites:
        return None
    verb, (a0, a1), (b0, b1) = rng.choice(sites)
    a_text, b_text = text[a0:a1], text[b0:b1]
    starts_sentence = at_sentence_start(doc, a0)
    new_a = capitalise(b_text) if starts_sentence else b_text
    new_b = lower_first(a_text) if starts_sentence and _common_start(doc, a0) else a_text
    edits = [Edit(a0, a1, new_a), Edit(b0, b1, new_b)]
    return build("role_swap", text, edits, f"{a_text!r} and {b_text!r} traded around {verb.text!r}")


def _argument(tok, keep_right_preps: bool = False) -> Optional[tuple[int, int]]:
    """A short, clause-free noun phrase (no pronoun) that can move whole.

    ``keep_right_preps``: an object's trailing prepositional phrases stay where they are
    ("accused the mayor | of hiding the cost" -> "accused Walsh of hiding the cost").
    """
    if tok.pos_ not in {"PROPN", "NOUN"}:
        return None
    sub = list(tok.subtree)
    if keep_right_preps and all(c.dep_ == "prep" for c in tok.rights):
        sub = [t for t in sub if t.i <= tok.i]
    if len(sub) > 6 or any(t.pos_ in {"VERB", "AUX", "PRON", "PUNCT", "CCONJ"} and t.text != "-" for t in sub):
        return None
    if any("\n" in t.text for t in sub) or any(c.dep_ == "case" for c in tok.children):
        return None
    after = tok.doc[sub[-1].i + 1] if sub[-1].i + 1 < len(tok.doc) else None
    if after is not None and (after.pos_ == "PROPN" or after.is_quote or after.text[:1].isupper()):
        return None  # the parse cut a longer name short ("MSNBC's 'Morning Joe'", "CBS This Morning")
    if after is not None and after.i + 1 < len(tok.doc) and (
            after.lower_ in {"and", "or"} or after.text == "," and tok.doc[after.i + 1].pos_ in {"PROPN", "DET"}):
        return None  # one item of a list
    return sub[0].idx, _tok_end(sub[-1])


def _agent(tok, lex: dict) -> bool:
    """An argument that can do things to others: a named actor or a noun like "critics" or "the government"."""
    return tok.ent_type_ in lex["agent_labels"] or tok.lemma_.lower() in lex["agent_nouns"]


def _plural(tok) -> bool:
    return tok.tag_ in {"NNS", "NNPS"}


def _has_aux(verb) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _common_start(doc, char: int) -> bool:
    """True when the phrase at ``char`` starts with a common word (determiner, adjective), not a name."""
    tok = next((t for t in doc if t.idx == char), None)
    return tok is not None and tok.pos_ not in {"PROPN"} and tok.text != "I"


# ---- modal_raised -------------------------------------------------------------------------------

def modal_raised(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """A hedging modal made certain: would/could/may/might -> will (wouldn't -> won't)."""
    lex = lexicon()["modals"]
    sites = []
    for tok in doc:
        if tok.tag_ != "MD" or tok.lower_ not in lex["raise"] or tok.i + 1 >= len(doc):
            continue
        nxt = tok.nbor(1)
        if nxt.lower_ == "have" or at_sentence_start(doc, tok.idx) or _is_question(doc, tok.idx):
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > tok.i for c in tok.head.children):
            continue  # "why would Trump ..." asks; it does not hedge
        sites.append(tok)
    if not sites:
        return None
    tok = rng.choice(sites)
    nxt = tok.nbor(1)
    if nxt.lower_ in {"n't", "n’t"}:
        new = lex["negated"].replace("'", nxt.text[1]) if "’" in nxt.text else lex["negated"]
        edit = Edit(tok.idx, _tok_end(nxt), new)
        old = text[tok.idx:_tok_end(nxt)]
    else:
        new = lex["to"]
        edit = Edit(tok.idx, _tok_end(tok), new)
        old = tok.text
    return build("modal_raised", text, [edit], f"modal {old!r} -> {new!r}")
