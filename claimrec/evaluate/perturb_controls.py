"""Benign controls: copies of an article that distort nothing, so any rewrite finding on them is a false alarm.

``identical``, ``reflow`` (quote style, spacing, line wrapping), ``neutral_verb_swap``
(said -> stated, told X -> said to X) and ``rejoin_paragraphs`` change no
word of what is claimed. They are plain functions so invariant tests can call
them directly; :data:`CONTROLS` adapts them to the ``(text, doc, rng)`` shape of
the distortions.
"""

from __future__ import annotations

import re
from random import Random
from typing import Callable, Optional

from claimrec.evaluate.perturb_text import (
    Edit, Perturbation, build, ends_sentence, lexicon, match_case, paragraphs, quote_spans,
)


def identical(text: str) -> Perturbation:
    return Perturbation(kind="identical", text=text, span=(0, len(text)), source_span=(0, len(text)),
                        description="identical copy")


# ---- reflow ---------------------------------------------------------------------------------------

_CURLY = re.compile(r"[“”„‘’]")
_OPEN_CONTEXT = " \t\n([{—–-/"


def straighten_quotes(text: str) -> str:
    """Curly quotes and apostrophes to straight ones."""
    return text.translate(str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"}))


def curl_quotes(text: str) -> str:
    """Straight quotes (and the ``''``/`````` of some archives) to curly ones, facing by context."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        prev = text[i - 1] if i else "\n"
        if text.startswith("``", i) or text.startswith("''", i):
            out.append("“" if text.startswith("``", i) or prev in _OPEN_CONTEXT else "”")
            i += 2
            continue
        if ch == '"':
            out.append("“" if prev in _OPEN_CONTEXT else "”")
        elif ch == "'":
            nxt = text[i + 1] if i + 1 < len(text) else " "
            out.append("‘" if prev in _OPEN_CONTEXT and nxt.isalnum() else "’")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def rewrap(text: str, width: int = 72) -> str:
    """Every paragraph re-wrapped at ``width`` with single line breaks, paragraphs apart by a blank line."""
    wrapped = []
    for start, end in paragraphs(text):
        lines, line = [], ""
        for word in text[start:end].split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        if line:
            lines.append(line)
        wrapped.append("\n".join(lines))
    return "\n\n".join(wrapped) + ("\n" if text.endswith("\n") else "")


_SENTENCE_GAP = re.compile(r"(?<=[.!?])([\"'”’)]?) (?=[\"“‘(]?[A-Z])")


def double_space(text: str) -> str:
    """Two spaces after each sentence end, typewriter style."""
    return _SENTENCE_GAP.sub(r"\1  ", text)


def reflow(text: str, rng: Random) -> Perturbation:
    """Quote style flipped (curly <-> straight), and by the seed sentence spacing and line wrapping changed."""
    done = []
    new = text
    if _CURLY.search(new):
        new = straighten_quotes(new)
        done.append("straight quotes")
    elif re.search(r"[\"']|``", new):
        new = curl_quotes(new)
        done.append("curly quotes")
    spaced = rng.random() < 0.5
    width = rng.choice([60, 68, 72, 80]) if rng.random() < 0.6 or (new == text and not spaced) else None
    if width:  # wrapping first: it normalises spaces, the two after a sentence come after it
        new = rewrap(new, width)
        done.append(f"re-wrapped at {width}")
    if spaced:
        new = double_space(new)
        done.append("two spaces after sentences")
    if new == text:
        new = rewrap(new, 72)
        done.append("re-wrapped at 72")
    return Perturbation(kind="reflow", text=new, span=(0, len(new)), source_span=(0, len(text)),
                        description="reflow: " + ", ".join(done))


# ---- neutral verb swap ----------------------------------------------------------------------------------

def neutral_verb_swap(text: str, doc, rng: Random) -> Optional[Perturbation]:
    """Some neutral reporting verbs swapped for synonyms: said -> stated, told reporters -> said to reporters."""
    from claimrec.text.quotes import find_quotes

    table = lexicon()["neutral_verbs"]
    quotes = quote_spans(text)
    # a verb inside a quote is the quoted speaker's word: changing it alters the quote, which a
    # benign copy never does (either quote finder's reading of the marks counts)
    quoted = quotes + [(q.start, q.end) for q in find_quotes(text)]
    sites = []
    for tok in doc:
        choices = table.get(tok.lower_)
        if not choices or tok.pos_ != "VERB" or tok.tag_ not in {"VBD", "VBZ", "VBN", "VBP"}:
            continue
        if any(a <= tok.idx < b for a, b in quoted):
            continue
        if tok.dep_ in {"amod", "acl"} or any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
            continue
        sent = tok.sent
        reports = any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children) or any(
            sent.start_char <= qs < sent.end_char for qs, _ in quotes)
        if not reports:
            continue
        if tok.lower_ in {"told", "tells"}:
            obj = next((c for c in tok.children if c.dep_ in {"dobj", "dative"}), None)
            if obj is None or obj.left_edge.i != tok.i + 1 or any(c.dep_ == "xcomp" for c in tok.children):
                continue
        sites.append((tok, choices))
    if not sites:
        return None
    chosen = sorted(rng.sample(sites, rng.randint(1, len(sites))), key=lambda s: s[0].i)
    edits = [Edit(tok.idx, tok.idx + len(tok.text), match_case(rng.choice(choices), tok.text)) for tok, choices in chosen]
    what = ", ".join(f"{tok.text!r} -> {e.new!r}" for (tok, _), e in zip(chosen, edits))
    return build("neutral_verb_swap", text, edits, f"neutral verbs: {what}")


# ---- paragraphs rejoined -----------------------------------------------------------------------------------

def rejoin_paragraphs(text: str, rng: Random) -> Optional[Perturbation]:
    """Two to four consecutive paragraphs joined into one (only after a paragraph that ends a sentence)."""
    paras = paragraphs(text)
    joinable = [i for i in range(len(paras) - 1) if ends_sentence(text[paras[i][0]:paras[i][1]])]
    if not joinable:
        return None
    first = rng.choice(joinable)
    joins = [first]
    want = rng.randint(1, 3)
    while len(joins) < want and joins[-1] + 1 in joinable:
        joins.append(joins[-1] + 1)
    edits = [Edit(paras[i][1], paras[i + 1][0], " ") for i in joins]
    made = build("paragraphs_rejoined", text, edits, f"paragraphs {first + 1}-{joins[-1] + 2} joined")
    shift = sum(1 - (paras[i + 1][0] - paras[i][1]) for i in joins)
    return made.model_copy(update={"span": (paras[first][0], paras[joins[-1] + 1][1] + shift)})


CONTROLS: dict[str, Callable] = {
    "identical": lambda text, doc, rng: identical(text),
    "reflow": lambda text, doc, rng: reflow(text, rng),
    "neutral_verb_swap": neutral_verb_swap,
    "paragraphs_rejoined": lambda text, doc, rng: rejoin_paragraphs(text, rng),
}
