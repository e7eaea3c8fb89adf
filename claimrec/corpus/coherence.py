"""Do the inputs of one ``reconcile`` look like one event?

``reconcile`` compares every article with every other: given fifty unrelated
stories it still reports "contradictions" between them. This measure runs the
corpus grouping (the same keys, weights and threshold as ``claimrec corpus``)
over the run's articles and says whether most of them fall into one group. A
pure function of the articles and their parses; the caller decides what to say.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional, Sequence

from pydantic import BaseModel

from claimrec.models import Article


class EventCoherence(BaseModel):
    """How the run's articles group: one event, or several stories side by side."""

    articles: int
    groups: int  # events the corpus grouping finds among them
    largest: int  # articles in the biggest group
    one_event: bool  # the biggest group holds a majority of the articles

    def warning(self) -> Optional[str]:
        """One line for stderr when the inputs look like several events, else None."""
        if self.one_event:
            return None
        return (f"the {self.articles} inputs do not look like one event: grouping finds {self.groups} "
                f"separate stories (the largest has {self.largest} article"
                f"{'' if self.largest == 1 else 's'}), so findings across them may compare unrelated "
                "reports; `claimrec corpus PATH` groups articles into events first")


def event_coherence(articles: Sequence[Article], docs: Sequence, settings=None) -> EventCoherence:
    """Group ``articles`` (parsed as ``docs``) as ``claimrec corpus`` would, and measure the result."""
    from claimrec.corpus.grouping import cluster_events
    from claimrec.corpus.settings import grouping_settings

    settings = settings or grouping_settings()
    pairs = [(a, d) for a, d in zip(articles, docs) if d is not None]
    n = len(pairs)
    if n <= 1:
        return EventCoherence(articles=n, groups=n, largest=n, one_event=True)
    keys = _keys_sharing_copies(pairs, settings)
    events = cluster_events(keys, list(range(n)), settings)
    largest = max(len(e.members) for e in events)
    return EventCoherence(articles=n, groups=len(events), largest=largest, one_event=2 * largest > n)


def _keys_sharing_copies(pairs, settings) -> list:
    """Each article's grouping keys; copies of one text with one parse (syndication) read
    theirs once, as the keys depend on the parse alone."""
    from claimrec.copies import parse_key
    from claimrec.corpus.features import article_keys

    counts = Counter(a.text for a, _ in pairs)
    seen: dict = {}
    out = []
    for a, d in pairs:
        if counts[a.text] == 1:
            out.append(article_keys(a, d, settings))
            continue
        key = parse_key(a.text, d)
        first = seen.get(key)
        if first is None:
            first = seen[key] = article_keys(a, d, settings)
            out.append(first)
        else:
            out.append(_copy_keys(first, a))
    return out


def _copy_keys(first, article):
    from claimrec.corpus.features import ArticleKeys, _iso_date

    return ArticleKeys(article_id=article.id, keys=dict(first.keys), published=_iso_date(article.published))


__all__ = ["EventCoherence", "event_coherence"]
