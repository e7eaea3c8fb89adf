"""Machine-tokenised, lower-cased rewrites (summariser output: "the u.s. navy 's ship")
made readable again before they are compared with their source.

Names are what a rewrite comparison looks for first, and in "the u.s. navy 's ..." the
tagger sees none. A rewrite that reads as tokeniser output has its clitics, punctuation,
quote marks and brackets re-attached (placeholders such as ``[UNK]`` dropped, a "#" before
a figure read as "£") and each word takes the casing it most often has in its source
(words the source does not contain stay lower-case; sentences open with a capital).
"""

from __future__ import annotations

import re
from collections import Counter

_UNK = re.compile(r"\s*(?:\[unk\]|<unk>|\bunk\b)\s*", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*")
_DETOK = [
    (re.compile(r"\\'"), "'"),
    (re.compile(r"-lrb-", re.I), "("), (re.compile(r"-rrb-", re.I), ")"),
    (re.compile(r"``\s*"), '"'), (re.compile(r"\s*''(?=\w)"), '" '), (re.compile(r"\s*''"), '"'),
    (re.compile(r"`\s*"), "'"),
    (re.compile(r"\b(ca|wo|do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)\s+n't\b", re.I), r"\1n't"),
    (re.compile(r"\s+('s|'re|'ve|'ll|'d|'m|n't)\b", re.I), r"\1"),
    (re.compile(r"\s+([,.;:!?%)\]])"), r"\1"),
    (re.compile(r"([(\[$£€])\s+"), r"\1"),
    (re.compile(r"#\s*(?=\d)"), "£"),
    (re.compile(r"\s+'(?=[,.;:!?]|\s|$)"), "'"),
    (re.compile(r"(^|\s)'\s+(?=\w)"), r"\1'"),
    (re.compile(r"\s{2,}"), " "),
]

_TOKENISED = re.compile(r" (?:'s|n't|'re|'ve|'ll|'d|'m|,|\.|;|:|\?|!|%)(?=\s|$)| -[lr]rb- | `` | '' ")


def machine_tokenised(text: str) -> bool:
    """The text reads as tokeniser output: almost no capitals, and tokens split off their words."""
    words = re.findall(r"[A-Za-z][A-Za-z'.-]*", text)
    if len(words) < 5:
        return False
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals / len(words) < 0.03 and len(_TOKENISED.findall(text)) >= 1


def detokenise(text: str) -> str:
    text = _UNK.sub(" ", text)
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text.strip()


def _casings(article: str) -> dict[str, str]:
    """Lower-cased word -> its usual casing in the article, sentence-initial uses not counted."""
    counts: dict[str, Counter] = {}
    for m in _WORD.finditer(article):
        w = m.group(0).rstrip(".")
        before = article[:m.start()].rstrip()[-1:]
        if before in ("", ".", "!", "?", ":", "\n"):
            continue  # a capital there is the sentence's, not the word's
        counts.setdefault(w.lower(), Counter())[w] += 1
    # ties go to the lower-case form: capitals must be the article's habit, not an accident
    return {low: max(c.items(), key=lambda kv: (kv[1], kv[0].islower()))[0] for low, c in counts.items()}


def truecase(summary: str, article: str) -> str:
    casing = _casings(article)

    def fix(m: re.Match) -> str:
        w = m.group(0)
        core = w.rstrip(".")
        cased = casing.get(core.lower())
        if cased is None or cased.lower() != core.lower():
            return w
        return cased + w[len(core):]

    out = _WORD.sub(fix, summary)
    # a word the article never has stays lower-case, yet its sentence must still open with a capital
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)
