"""Where an article offers a place for a perturbation: named mentions, people, speakers, removable units.

Everything here reads the spaCy parse of the source article directly (not
``claimrec.claims``), so the suite's notion of "a speaker" or "a quote" does
not inherit the extractor's misses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from claimrec.evaluate.perturb_text import lexicon, paragraphs, quote_spans

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class Mention:
    """A named entity, without a leading "the" or a trailing possessive."""

    start: int
    end: int
    text: str
    label: str
    det_start: int  # where "the" starts when the entity had one, else ``start``

    @property
    def with_det(self) -> str:
        """The name as it reads in running text: "the Justice Department", "Reuters"."""
        return f"the {self.text}" if self.det_start < self.start else self.text


def mentions(doc, labels: Optional[tuple[str, ...]] = None) -> list[Mention]:
    labels = labels or tuple(lexicon()["entity_labels"])
    out: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        start, end = ent.start_char, ent.end_char
        text = ent.text
        # "the" goes with the name only when the name heads its phrase and is not a person's:
        # "the Justice Department said", not "the Clinton campaign"
        owns_det = ent.label_ != "PERSON" and ent.root.dep_ not in {"compound", "amod", "nmod"}
        det_start = start
        if text.lower().startswith("the "):
            start += 4
            text = text[4:]
            det_start = det_start if owns_det else start
        elif owns_det and doc.text[max(0, start - 4):start].lower() == "the ":
            det_start = start - 4
        m = _POSSESSIVE.search(text)
        if m:
            end -= len(m.group())
            text = text[:m.start()]
        if len(text) < 2 or "\n" in text or not text[:1].isupper() or not re.search(r"[a-z]", text):
            continue
        out.append(Mention(start, end, text, ent.label_, det_start))
    return _people_first(doc, out, labels)


def _people_first(doc, found: list[Mention], labels) -> list[Mention]:
    """A lone surname the tagger called an organisation or place ("Trump" as ORG) is the person it abbreviates."""
    surnames = {e.text.split()[-1] for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) > 1}
    out = []
    for m in found:
        if m.label != "PERSON" and " " not in m.text and m.text in surnames:
            if "PERSON" not in labels:
                continue
            m = Mention(m.start, m.end, m.text, "PERSON", m.start)
        out.append(m)
    return out


def name_tokens(name: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", name)}


class People:
    """The article's named people: each mention tied to the fullest name it abbreviates.

    "Clinton" belongs to "Hillary Clinton" when that is the only full name ending in
    it; two full names are two people even when they share a surname.
    """

    def __init__(self, doc, label: str = "PERSON"):
        self.mentions = [m for m in mentions(doc, (label,))]
        fulls = [m.text for m in self.mentions if len(m.text.split()) > 1]
        self._full: dict[str, str] = {}
        for m in self.mentions:
            if len(m.text.split()) > 1:
                self._full[m.text] = m.text
                continue
            owners = sorted({f for f in fulls if f.split()[-1] == m.text})
            self._full[m.text] = owners[0] if len(owners) == 1 else m.text

    def full(self, name: str) -> str:
        return self._full.get(name, name)

    def names(self) -> list[str]:
        """Distinct people, in order of first mention: those known by a full name (a lone capitalised word
        is as often a mislabelled adjective or place), else whatever names there are."""
        names = list(dict.fromkeys(self.full(m.text) for m in self.mentions))
        return [n for n in names if len(n.split()) > 1] or names

    def first_mention(self, full: str) -> int:
        return min((m.start for m in self.mentions if self.full(m.text) == full), default=10 ** 9)

    def others(self, name: str) -> list[str]:
        """People who share no name word with ``name``'s person."""
        own = name_tokens(self.full(name)) | name_tokens(name)
        return [p for p in self.names() if not (name_tokens(p) & own)]

    def reference(self, full: str, at: int) -> str:
        """How a reporter would name ``full`` at offset ``at``: surname once introduced, else the full name."""
        if self.first_mention(full) < at and len(full.split()) > 1:
            return full.split()[-1]
        return full


@dataclass(frozen=True)
class SpeakerSite:
    """A named speaker of a claim: the subject of a speech verb or the object of 'according to'."""

    name: Mention
    np_start: int   # the whole speaker phrase, appositives included
    np_end: int
    head_start: int  # the name with any title words right before it ("Deputy Aidos Sarym")
    mode: str       # "subject" | "according"
    verb: int       # token index of the speech verb (or of "according")


def speaker_sites(doc, labels: tuple[str, ...] = ("PERSON", "ORG")) -> list[SpeakerSite]:
    verbs = set(lexicon()["speech_verbs"])
    named = mentions(doc, labels)
    sites: list[SpeakerSite] = []
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_ in verbs:
            args = [c for c in tok.children if c.dep_ == "nsubj"]
            mode = "subject"
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            args = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            mode = "according"
        else:
            continue
        for arg in args:
            name = next((m for m in named if m.start <= arg.idx < m.end), None)
            if name is None:
                continue
            sub = list(arg.subtree)
            if any(t.text in {'"', "“", "”", "''", "``"} or "\n" in t.text for t in sub) or len(sub) > 30:
                continue
            np_start, np_end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            head_start = _title_start(doc, sub, name)
            sites.append(SpeakerSite(name, np_start, np_end, head_start, mode, tok.i))
    return sites


def _title_start(doc, subtree, name: Mention) -> int:
    """Start of the title words run directly before the name inside its phrase (no comma between)."""
    start = name.start
    for t in reversed([t for t in subtree if t.idx + len(t.text) <= name.start]):
        if t.dep_ in {"compound", "amod", "nmod"} and t.pos_ in {"PROPN", "NOUN", "ADJ"} and t.text[:1].isupper():
            start = t.idx
        else:
            break
    return start


def unit_around(doc, start: int, end: int) -> tuple[int, int]:
    """The smallest run of whole sentences covering [start, end) and every quote it touches.

    Deleting it cannot leave half a quote or half a sentence behind.
    """
    quotes = quote_spans(doc.text)
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    lo, hi = start, end
    while True:
        nlo, nhi = lo, hi
        for qs, qe in quotes:
            if qs < nhi and nlo < qe:
                nlo, nhi = min(nlo, qs), max(nhi, qe)
        for ss, se in sents:
            if ss < nhi and nlo < se:
                nlo, nhi = min(nlo, ss), max(nhi, se)
        if (nlo, nhi) == (lo, hi):
            break
        lo, hi = nlo, nhi
    text = doc.text
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def removal(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch to cut so that [start, end) goes with its spacing, and a whole paragraph with its break."""
    for p_start, p_end in paragraphs(text):
        if p_start == start and p_end == end:
            nxt = end
            while nxt < len(text) and text[nxt].isspace():
                nxt += 1
            if nxt < len(text):
                return start, nxt
            # the last paragraph: take the break before it instead
            prev = start
            while prev > 0 and text[prev - 1].isspace():
                prev -= 1
            return prev, end
    nxt = end
    while nxt < len(text) and text[nxt] in " \t":
        nxt += 1
    if nxt < len(text) and text[nxt] != "\n":
        return start, nxt
    # the last sentence of its paragraph: the space before it goes, the line break stays
    prev = start
    while prev > 0 and text[prev - 1] in " \t":
        prev -= 1
    return prev, end
