"""Token attributes read for a whole Doc at once, as arrays.

Finding the few tokens with a given part of speech, dependency or word by looping
over ``doc`` creates a spaCy Token object for every token, and those Token objects
were a large share of the work after the parse. ``doc.to_array`` reads an attribute
of every token in one call; only the tokens found are then looked at one by one.

numpy and spaCy are imported where used: a run whose every article is cached imports
this module (through :mod:`claimrec.resolve`) but needs neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Callable, Iterable, Iterator, Mapping, Optional, Union

Attr = Union[str, int]  # a spaCy attribute name ("POS", "DEP", "LOWER") or its ID


def _attr(doclike, attr: Attr):
    """One attribute of every token of ``doclike``, a Doc or a Span, as a numpy array. (A
    Span's own ``to_array`` fills its array token by token in Python: reading the whole
    Doc's and slicing it is much faster, even for a short span.)"""
    from spacy.attrs import IDS

    doc = doclike.doc
    values = doc.to_array(IDS[attr] if isinstance(attr, str) else attr)
    return values if doclike is doc else values[doclike.start:doclike.end]


def _mask(doc, attr: Attr, values: Iterable[str]):
    import numpy as np

    # the ID spaCy stores for each value: a symbol's number or the string's hash
    strings = doc.vocab.strings
    return np.isin(_attr(doc, attr), np.array([strings[v] for v in values], dtype=np.uint64))


def indices_where(doc, attr: Attr, values: Iterable[str]) -> list[int]:
    """Indices, in order, of the tokens of ``doc`` whose ``attr`` is one of ``values``
    (for a Span: positions in it)."""
    return indices_where_any(doc, {attr: values})


def indices_where_any(doc, conditions: Mapping[Attr, Iterable[str]]) -> list[int]:
    """Indices, in order, of the tokens of ``doc`` with, for some attribute of
    ``conditions``, one of its values."""
    import numpy as np

    mask = np.zeros(len(doc), dtype=bool)
    for attr, values in conditions.items():
        mask |= _mask(doc, attr, values)
    return np.flatnonzero(mask).tolist()


def flagged(doc, attr: Attr) -> list[int]:
    """Indices of the tokens of ``doc`` whose boolean ``attr`` ("IS_SPACE", "SPACY") is set."""
    import numpy as np

    return np.flatnonzero(_attr(doc, attr)).tolist()


def token_starts(doc) -> list[int]:
    """Character offset of each token of ``doc`` (``tok.idx``), by index."""
    return _attr(doc, "IDX").tolist()


class Words(Sequence):
    """The non-whitespace tokens of a Doc or Span, in order, as a sequence whose Token
    objects are made only when read (most scans look closely at a few of them)."""

    def __init__(self, doclike) -> None:
        import numpy as np

        self.doclike = doclike
        # positions inside ``doclike`` (for a Span, counted from its start)
        self.at: list[int] = np.flatnonzero(_attr(doclike, "IS_SPACE") == 0).tolist()

    def __len__(self) -> int:
        return len(self.at)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self.doclike[i] for i in self.at[k]]
        return self.doclike[self.at[k]]


def word_positions(words: Words, keep: Callable[[str, str], bool]) -> list[int]:
    """Positions in ``words`` of the tokens for which ``keep(text, lower)`` holds."""
    return _positions(words.doclike, words.at, keep)


def token_positions(doclike, keep: Callable[[str, str], bool]) -> list[int]:
    """Positions in ``doclike`` of the tokens for which ``keep(text, lower)`` holds."""
    return _positions(doclike, None, keep)


def _positions(doclike, at: Optional[list[int]], keep: Callable[[str, str], bool]) -> list[int]:
    # ``keep`` is asked once per distinct word, not once per token (a token's lower form
    # is its word's: spaCy keeps it on the lexeme)
    import numpy as np

    orths, lowers = _attr(doclike, "ORTH"), _attr(doclike, "LOWER")
    if at is not None:
        orths, lowers = orths[at], lowers[at]
    if not len(orths):
        return []
    distinct, first, inverse = np.unique(orths, return_index=True, return_inverse=True)
    strings = doclike.doc.vocab.strings
    kept = np.array([keep(strings[int(orth)], strings[int(lowers[f])]) for orth, f in zip(distinct, first)],
                    dtype=bool)
    return np.flatnonzero(kept[inverse.reshape(-1)]).tolist()


def noun_chunks(doc) -> list:
    """``list(doc.noun_chunks)``: the same Spans, found by spaCy's own English iterator
    given only the nouns, proper nouns and pronouns. It walks every token and passes over
    all others without a change to its state, so what it yields is the same; the walk
    over every token made a Token object for each. Another language's iterator is used
    as it is."""
    from spacy.lang.en.syntax_iterators import noun_chunks as english
    from spacy.tokens import Span

    if doc.noun_chunks_iterator is not english:
        return list(doc.noun_chunks)
    return [Span(doc, start, end, label=label) for start, end, label in english(_Nominals(doc))]


class _Nominals:
    """The tokens of ``doc`` that can head a noun chunk, for its iterator (which reads
    ``.doc`` and iterates)."""

    def __init__(self, doc) -> None:
        self.doc = doc

    def __iter__(self) -> Iterator:
        doc = self.doc
        return (doc[i] for i in indices_where(doc, "POS", ("NOUN", "PROPN", "PRON")))
