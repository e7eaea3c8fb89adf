"""Text plumbing for the perturbation suite: edits with tracked spans, quotes, paragraphs, casing.

The transformations in :mod:`claimrec.evaluate.perturb_ops` find their sites on
the spaCy parse and express every change as :class:`Edit` s over the source
text; :func:`build` applies them and works out where the change landed in the
new text. Quote and paragraph finding here is deliberately independent of
``claimrec.claims``: the instrument must not share the blind spots of what it
measures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from pydantic import BaseModel, ConfigDict

from claimrec.resources import load_json


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return load_json("lexicons/perturb.json")


class Perturbation(BaseModel):
    """One perturbed copy of an article.

    ``span`` is where the change sits in ``text`` (the new text), ``source_span``
    what it replaced in the source. A deletion has an empty ``span`` at the point
    where the removed text was; a control spans the whole text.
    """

    model_config = ConfigDict(frozen=True)

    kind: str
    text: str
    expected: tuple[str, ...] = ()
    span: tuple[int, int]
    source_span: tuple[int, int]
    description: str

    @property
    def changed(self) -> str:
        return self.text[self.span[0]:self.span[1]]


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, list[tuple[int, int]]]:
    """The edited text and where each edit's replacement sits in it (edits must not overlap)."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for a, b in zip(ordered, ordered[1:]):
        if b.start < a.end:
            raise ValueError("overlapping edits")
    out: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    pos = 0
    length = 0
    for e in ordered:
        out.append(text[pos:e.start])
        length += e.start - pos
        spans[id(e)] = (length, length + len(e.new))
        out.append(e.new)
        length += len(e.new)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), [spans[id(e)] for e in edits]


def expected_kinds(kind: str, *extras: str) -> tuple[str, ...]:
    """The kind's expected finding kinds (data file) plus the named extra groups, in order, unique."""
    lex = lexicon()
    kinds = list(lex["kinds"][kind].get("expected", []))
    for group in extras:
        kinds.extend(lex[group])
    return tuple(dict.fromkeys(kinds))


def build(kind: str, source: str, edits: Sequence[Edit], description: str, *,
          extras: Sequence[str] = (), span: Optional[tuple[int, int]] = None) -> Perturbation:
    """A Perturbation from edits over ``source``.

    The new span covers every replacement (for an edit that only removes text,
    the empty point where it was); ``span`` overrides it when the place to look
    is wider than the words replaced (a dropped hedge: its sentence).
    Expected kinds gain the ``inside_quote`` group when an edit falls inside a
    direct quote of the source, for kinds that edit words.
    """
    text, spans = apply_edits(source, edits)
    if text == source:
        raise ValueError("edits change nothing")
    extras = list(extras)
    if lexicon()["kinds"][kind].get("edit") and any(inside_quote(source, e.start, e.end) for e in edits):
        extras.append("inside_quote")
    new_span = span or (min(s for s, _ in spans), max(e for _, e in spans))
    return Perturbation(
        kind=kind, text=text, expected=expected_kinds(kind, *extras), span=new_span,
        source_span=(min(e.start for e in edits), max(e.end for e in edits)), description=description)


# ---- quotes -------------------------------------------------------------------------------

# each family of marks pairs only with itself: a straight quote is not closed by a curly one
_FAMILIES = (re.compile(r"[“”„]"), re.compile(r"[«»]"), re.compile(r'"'), re.compile(r"``|''"))
_OPENERS = {"“", "„", "«", "``"}
_CLOSERS = {"”", "»"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotes as (start, end) including their marks, in text order.

    Curly and guillemet marks say which way they face; straight ``"`` and the
    ``''`` of some archives are paired by context (a mark after a space or at a
    line start opens). A quote never runs past its paragraph: one left open at
    the end of its paragraph runs to that end (it goes on in the next one, which
    reopens it, as newspapers print it).
    """
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        for family in _FAMILIES:
            open_at: Optional[int] = None
            for m in family.finditer(text, p_start, p_end):
                mark = m.group()
                if mark in _OPENERS:
                    opening = True
                elif mark in _CLOSERS:
                    opening = False
                else:  # straight marks: the context says which way they face
                    opening = open_at is None and (
                        m.start() == p_start or text[m.start() - 1] in " \t([{—–-\n")
                if opening:
                    if open_at is None:
                        open_at = m.start()
                elif open_at is not None:
                    spans.append((open_at, m.end()))
                    open_at = None
            if open_at is not None:  # goes on into the next paragraph: quoted to the end of this one
                spans.append((open_at, p_end))
    return sorted(spans)


def inside_quote(text: str, start: int, end: int) -> bool:
    return any(qs < start and end <= qe for qs, qe in quote_spans(text))


def quote_style(text: str) -> tuple[str, str]:
    """The article's double quote marks (open, close), so new quotes look like its own."""
    if "“" in text:
        return "“", "”"
    if "''" in text and '"' not in text:
        return "''", "''"
    return '"', '"'


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


# ---- paragraphs and sentences -------------------------------------------------------------

_BLANK = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"\n\s*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks between blank lines when the text has any, else lines."""
    sep = _BLANK if _BLANK.search(text) else _LINE
    out: list[tuple[int, int]] = []
    pos = 0
    for m in sep.finditer(text):
        _add_stripped(text, pos, m.start(), out)
        pos = m.end()
    _add_stripped(text, pos, len(text), out)
    return out


def _add_stripped(text: str, start: int, end: int, out: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def paragraph_separator(text: str) -> str:
    """What the article puts between paragraphs ("\\n\\n" or "\\n")."""
    paras = paragraphs(text)
    if len(paras) < 2:
        return "\n\n"
    gap = text[paras[0][1]:paras[1][0]]
    return "\n\n" if gap.count("\n") >= 2 else "\n"


_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*$")


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends the way a finished sentence does (terminal mark, maybe a closing quote)."""
    return bool(_TERMINAL.search(text.rstrip()))


def sentence_at(doc, char: int):
    """The spaCy sentence holding character ``char`` (or the last one before it)."""
    best = None
    for sent in doc.sents:
        if sent.start_char <= char:
            best = sent
        else:
            break
    return best


def body_sentences(doc) -> list:
    """Sentences that read as finished prose: terminal punctuation, at least four words, not a headline line."""
    text = doc.text
    paras = paragraphs(text)
    headline = paras[0] if len(paras) > 2 else None
    out = []
    for sent in doc.sents:
        body = sent.text.strip()
        if word_count(body) < 4 or not ends_sentence(body):
            continue
        if headline and sent.start_char < headline[1]:
            continue
        out.append(sent)
    return out


# ---- words ----------------------------------------------------------------------------------

def match_case(word: str, like: str) -> str:
    """``word`` cased like ``like`` (Capitalised, UPPER or as is)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def at_sentence_start(doc, char: int) -> bool:
    """True when nothing but quote marks or brackets precede ``char`` in its sentence."""
    sent = sentence_at(doc, char)
    if sent is None:
        return True
    before = doc.text[sent.start_char:char]
    return not re.search(r"[\w]", before)


def indefinite_article(next_word: str) -> str:
    """'a' or 'an' before ``next_word`` (by its first letter; good enough for common words)."""
    w = next_word.lower()
    if re.match(r"(uni|use|eu|one|once|u[bcfhjkqrstn][aeiou])", w):
        return "a"
    if re.match(r"(hour|honest|honor|honour|heir)", w):
        return "an"
    return "an" if w[:1] in "aeiou" else "a"


def words(text: str) -> list[str]:
    """The text's word sequence (letters and digits), ignoring quote style, spacing and punctuation."""
    return re.findall(r"[^\W_]+", text)
