"""Do the inputs of one ``reconcile`` look like one event?

``reconcile`` compares every article with every other: given fifty unrelated
stories it still reports "contradictions" between them. This measure runs the
corpus grouping (the same keys, weights and threshold as ``claimrec corpus``)
over the run's articles and says whether most of them fall into one group. A
pure function of the articles and their parses; the caller decides what to say.
"""

from __future__ import annotations

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
    from claimrec.corpus.features import article_keys
    from claimrec.corpus.grouping import cluster_events
    from claimrec.corpus.settings import grouping_settings

    settings = settings or grouping_settings()
    pairs = [(a, d) for a, d in zip(articles, docs) if d is not None]
    n = len(pairs)
    if n <= 1:
        return EventCoherence(articles=n, groups=n, largest=n, one_event=True)
    keys = [article_keys(a, d, settings) for a, d in pairs]
    events = cluster_events(keys, list(range(n)), settings)
    largest = max(len(e.members) for e in events)
    return EventCoherence(articles=n, groups=len(events), largest=largest, one_event=2 * largest > n)


__all__ = ["EventCoherence", "event_coherence"]
