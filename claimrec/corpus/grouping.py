"""Articles -> events: explicit labels first, clustering for the rest.

Clustering never compares all pairs. Each article offers its few heaviest
*rare* keys (entities and lemmas found in only a handful of articles); an
inverted index over those keys yields the candidate pairs, each scored by
tf-idf cosine; pairs at or above the threshold (and within the date window,
when both dates are known) are joined with union-find.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Optional, Sequence

from claimrec.corpus.features import ENTITY, ArticleKeys
from claimrec.corpus.event_labels import BY_CLUSTER
from claimrec.corpus.settings import GroupingSettings, grouping_settings


@dataclass
class Event:
    """One event of the corpus: its members are indices into the article list."""

    event_id: str
    grouped_by: str
    members: list[int]
    keys: list[str] = field(default_factory=list)


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller index stays the root, so the result is order-independent
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def explicit_events(labels: Sequence[Optional[tuple[str, str]]]) -> list[Event]:
    """Events named by the input, members in input order."""
    events: dict[str, Event] = {}
    for i, label in enumerate(labels):
        if label is None:
            continue
        name, how = label
        if name not in events:
            events[name] = Event(event_id=name, grouped_by=how, members=[])
        events[name].members.append(i)
    return list(events.values())


def _weights(items: Sequence[ArticleKeys], settings: GroupingSettings):
    df: dict[str, int] = defaultdict(int)
    for item in items:
        for key in item.keys:
            df[key] += 1
    n = len(items)
    vectors: list[dict[str, float]] = []
    for item in items:
        vec: dict[str, float] = {}
        for key, tf in item.keys.items():
            # ln(1 + N/df) stays positive, so a tiny corpus can still link its articles
            idf = math.log(1.0 + n / df[key])
            boost = settings.entity_weight if key.startswith(ENTITY) else 1.0
            vec[key] = (1.0 + math.log(tf)) * idf * boost
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors.append({k: w / norm for k, w in vec.items()})
    return df, vectors


def candidate_pairs(
    vectors: Sequence[dict[str, float]], df: dict[str, int], settings: GroupingSettings
) -> set[tuple[int, int]]:
    """Pairs sharing a rare key; never all pairs."""
    n = len(vectors)
    max_df = min(settings.block_max_df_cap,
                 max(settings.block_min_df_cap, int(settings.block_df_share * n)))
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        rare = [k for k in vec if 2 <= df[k] <= max_df]
        rare.sort(key=lambda k: (-vec[k], k))
        for key in rare[: settings.block_keys_per_doc]:
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    return pairs


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b[k] for k, w in a.items() if k in b)


def _within_window(a: Optional[str], b: Optional[str], days: int) -> bool:
    if not a or not b:
        return True
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= days


def cluster_events(
    items: Sequence[ArticleKeys], members: Sequence[int],
    settings: Optional[GroupingSettings] = None,
) -> list[Event]:
    """Cluster articles without an event label; ``members[i]`` is item i's corpus index."""
    settings = settings or grouping_settings()
    if not items:
        return []
    df, vectors = _weights(items, settings)
    uf = UnionFind(len(items))
    for a, b in sorted(candidate_pairs(vectors, df, settings)):
        if not _within_window(items[a].published, items[b].published, settings.date_window_days):
            continue
        if cosine(vectors[a], vectors[b]) >= settings.threshold:
            uf.union(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[uf.find(i)].append(i)
    events = []
    for local in groups.values():
        ids = sorted(items[i].article_id for i in local)
        digest = hashlib.sha1("\n".join(ids).encode("utf-8")).hexdigest()[:12]
        events.append(Event(
            event_id=f"cluster-{digest}", grouped_by=BY_CLUSTER,
            members=[members[i] for i in local],
            keys=_label_keys([vectors[i] for i in local], settings.label_keys),
        ))
    return events


def _label_keys(vectors: Sequence[dict[str, float]], limit: int) -> list[str]:
    """The keys that weigh most across the cluster: a readable hint of what it is about."""
    total: dict[str, float] = defaultdict(float)
    for vec in vectors:
        for key, w in vec.items():
            total[key] += w
    labels: list[str] = []
    for key, _ in sorted(total.items(), key=lambda kv: (-kv[1], kv[0])):
        label = key.split(":", 1)[1]
        if label not in labels:  # "izmir" is often both an entity and a term
            labels.append(label)
            if len(labels) == limit:
                break
    return labels


def order_events(events: Sequence[Event]) -> list[Event]:
    """Events in the order of their first article, so every engine writes the same file."""
    for event in events:
        event.members.sort()
    return sorted(events, key=lambda e: e.members[0])
