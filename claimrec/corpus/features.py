"""What grouping keeps of a parsed article: a few weighted keys and a date.

Only these small records survive the first pass over a corpus, so the Docs
themselves can be dropped as soon as they are read.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Optional

from claimrec.corpus.settings import GroupingSettings, grouping_settings
from claimrec.models import Article

ENTITY = "e:"
TERM = "t:"
_STRIP_PREFIXES = ("the ",)
_STRIP_SUFFIXES = ("'s", "\u2019s", "'", "\u2019")


@dataclass(frozen=True)
class ArticleKeys:
    """Grouping features of one article (picklable: it crosses Dask workers)."""

    article_id: str
    keys: dict[str, float]  # key -> weighted count (lead sentences count more)
    published: Optional[str] = None


def _entity_key(ent, settings: GroupingSettings) -> Optional[str]:
    words = [t for t in ent if not t.is_punct and not t.is_space]
    if not words:
        return None
    if ent.label_ in settings.person_labels:
        # surnames carry a person across "Recep Tayyip Erdogan" / "Erdogan"
        text = words[-1].text
    else:
        text = " ".join(t.text for t in words)
    text = text.lower().strip()
    for prefix in _STRIP_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix):]
    for suffix in _STRIP_SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    text = " ".join(text.split())
    if len(text) < 2 or not any(c.isalpha() for c in text):
        return None
    return text


def article_keys(article: Article, doc, settings: Optional[GroupingSettings] = None) -> ArticleKeys:
    """Entity and salient-lemma counts of one parsed article."""
    settings = settings or grouping_settings()
    lead_end = _lead_end(doc, settings.lead_sentences)

    def weight(char: int) -> float:
        # news is written lead first: the opening sentences name the event
        return settings.lead_weight if char < lead_end else 1.0

    entities: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in settings.entity_labels:
            key = _entity_key(ent, settings)
            if key:
                entities[ENTITY + key] += weight(ent.start_char)
    terms: Counter[str] = Counter()
    known = _terms_table(tuple(settings.term_pos), settings.min_term_chars)
    for token in doc:
        ids = (token.orth, token.lemma, token.pos)
        term = known.get(ids, False)
        if term is False:
            term = known[ids] = _term(token, settings)
        if term is not None:
            terms[term] += weight(token.idx)
    keys: dict[str, int] = {}
    # most frequent first, ties by key, so the cut is deterministic
    for counter, limit in ((entities, settings.max_entities), (terms, settings.max_terms)):
        for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]:
            keys[sys.intern(key)] = n
    return ArticleKeys(article_id=article.id, keys=keys, published=_iso_date(article.published))


def _term(token, settings: GroupingSettings) -> Optional[str]:
    if token.pos_ not in settings.term_pos or token.is_stop or not token.is_alpha:
        return None
    lemma = token.lemma_.lower()
    return TERM + lemma if len(lemma) >= settings.min_term_chars else None


# Whether a token is a term, and which, depends on its word form, lemma and part of speech
# alone (is_stop and is_alpha are flags of the form's lexeme), and articles repeat their
# words: each (form, lemma, tag) is looked at once per process and set of settings.
_TERMS: dict[tuple, dict[tuple[int, int, int], Optional[str]]] = {}
_TERMS_MAX = 500_000


def _terms_table(term_pos: tuple, min_chars: int) -> dict:
    table = _TERMS.setdefault((term_pos, min_chars), {})
    if len(table) >= _TERMS_MAX:
        table.clear()
    return table


def _lead_end(doc, sentences: int) -> int:
    """Where the first ``sentences`` sentences of the article end (0: no lead weighting)."""
    end = 0
    if sentences <= 0:
        return end
    for n, sent in enumerate(doc.sents):
        if n >= sentences:
            break
        end = sent.end_char
    return end


def _iso_date(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None
