"""Whether two participants (or two speakers) are the same referent, across articles.

Compared as referents, not strings: the same head word, the same name (spelling variants
included, and the fuller names each document gives: "Stan" of "Stan Freberg"), or two
names of one resolved party ("Meta" and "Facebook's owner").
"""

from __future__ import annotations

from functools import cached_property
from typing import Optional

from claimrec.detect.context import DetectContext
from claimrec.text.lexicon import lexicon
from claimrec.text.lookups import parties as party_tables
from claimrec.text.normalize import fold, names_compatible, norm, without_article
from claimrec.text.predicates import NAMED, PLACES, Arg

VARIANT = 0.85  # name similarity at which two spellings are one name


class Referents:
    """Whether two participants are the same referent: head words, names, party aliases."""

    def __init__(self, ctx: DetectContext):
        self.ctx = ctx

    @cached_property
    def _party_of(self) -> dict[str, tuple[str, Optional[str]]]:
        """A name -> (its party, the member of the party it names, if it names one)."""
        out: dict[str, tuple[str, Optional[str]]] = {}
        for party in self.ctx.parties:
            for m in party.members:
                for n in [m.name, *m.aliases]:
                    out.setdefault(_bare(n), (party.id, m.id))
            for n in [party.name, *party.aliases]:
                out.setdefault(_bare(n), (party.id, None))
        return out

    def same(self, a: Optional[Arg], b: Optional[Arg], adoc, bdoc) -> Optional[bool]:
        """True / False, or None when one side is missing or a pronoun (unknown)."""
        if a is None or b is None or a.pronoun or b.pronoun:
            return None
        if a.head_key == b.head_key or _meaningful(a.keys & b.keys):
            return True
        if a.named and b.named:
            return self.same_name(a.name, adoc, b.name, bdoc)
        return False

    def same_name(self, a: str, adoc, b: str, bdoc) -> bool:
        """Two names of one referent: spelling variants, a part of the full name either
        article gives ("Stan" of "Stan Freberg"), or two names of one party (not two of its members)."""
        for x in self.full_names(adoc, a):
            for y in self.full_names(bdoc, b):
                # a first name against the full name ("Alberto" / "Alberto Bueno") is one person
                if names_compatible(x, y, VARIANT) or _contains(fold(y).split(), fold(x).split()) \
                        or _contains(fold(x).split(), fold(y).split()):
                    return True
        pa, pb = self._party_of.get(_bare(a)), self._party_of.get(_bare(b))
        if pa is None or pb is None or pa[0] != pb[0]:
            return False
        # two members of one party ("President Barack Obama", "President Donald Trump" of a
        # government) are two people; a member and the party's own name are one side
        return pa[1] is None or pb[1] is None or pa[1] == pb[1]

    def full_names(self, doc, name: str) -> list[str]:
        """``name`` and the longer names of the same document that contain it."""
        words = fold(name).split()
        out = [name]
        for ent in self._names(doc):
            if ent != name and _contains(fold(ent).split(), words):
                out.append(ent)
        return out

    def _names(self, doc) -> list[str]:
        key = id(doc)
        if key not in self._by_doc:
            self._by_doc[key] = sorted({e.text for e in doc.ents if e.label_ in NAMED})
        return self._by_doc[key]

    @cached_property
    def _by_doc(self) -> dict[int, list[str]]:
        return {}

    def replaced(self, a: Optional[Arg], b: Optional[Arg], adoc, bdoc) -> bool:
        """Both participants are named entities of one type, read off the parse itself
        (not borrowed from a governing verb), and they name different referents."""
        return bool(a is not None and b is not None and a.named and b.named
                    and not a.borrowed and not b.borrowed and same_family(a.ent, b.ent)
                    and not nationality(a.name) and not nationality(b.name)
                    and self.same(a, b, adoc, bdoc) is False)


def _meaningful(keys) -> bool:
    """Shared words that say the participants are one: not figures or scale words
    ("$214.9 billion" and "$8.8 billion" share "billion", not a referent)."""
    numbers = lexicon().numbers
    return any(not (k[:1].isdigit() or k in numbers.scales or k in numbers.units or k in numbers.percent
                    or k in numbers.currencies) for k in keys)


def nationality(name: str) -> bool:
    """"the Briton", "an American": a description by nationality, not a name."""
    words = name.split()
    if len(words) != 1:
        return False
    word = norm(words[0])
    demonyms = party_tables().demonyms
    return word in demonyms or (word.endswith("s") and word[:-1] in demonyms)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n < len(longer) and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _bare(name: str) -> str:
    bare = without_article(name)
    return bare if bare != fold(name) else bare.removesuffix("'s")


_BODIES = frozenset({"ORG", "GPE"})  # the tagger reads a club or a government as either


def same_family(a: str, b: str) -> bool:
    if a in PLACES and b in PLACES or a in _BODIES and b in _BODIES:
        return True
    return a == b
