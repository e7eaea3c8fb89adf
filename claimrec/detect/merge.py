"""Near-duplicate findings merged, the rest ordered and numbered.

Two drafts of one kind are the same finding when they share a merge key, or
when their first evidence span in every article they both cite overlaps.
A draft made redundant by a more specific one about the same rewrite words is
dropped (an unsupported sentence that is all unsourced quote; a new figure
already reported as changed).
"""

from __future__ import annotations

from claimrec.detect.draft import Draft
from claimrec.models import SEVERITY_RANK, Finding, Span
from claimrec.text.lexicon import lexicon

# kind -> kinds whose rewrite evidence, when it covers this draft's, makes it redundant
_SUBSUMED_BY = {
    "unsupported_addition": ("quote_unsourced",),
    "stance_flip": ("quote_altered",),
}


def _primary(d: Draft) -> dict[str, Span]:
    out: dict[str, Span] = {}
    for sp in d.evidence:
        out.setdefault(sp.article_id, sp)
    return out


def _overlap(a: Span, b: Span) -> bool:
    return a.article_id == b.article_id and a.start < b.end and b.start < a.end


def _same(a: Draft, b: Draft) -> bool:
    if a.kind != b.kind:
        return False
    if a.key is not None and a.key == b.key:
        return True
    pa, pb = _primary(a), _primary(b)
    shared = set(pa) & set(pb)
    return bool(shared) and set(pa) == set(pb) and all(_overlap(pa[k], pb[k]) for k in shared)


def _absorb(keep: Draft, other: Draft) -> None:
    if (SEVERITY_RANK[other.severity], other.confidence) > (SEVERITY_RANK[keep.severity], keep.confidence):
        keep.severity, keep.confidence, keep.summary = other.severity, other.confidence, other.summary
        keep.evidence = other.evidence + keep.evidence
    else:
        keep.evidence = keep.evidence + other.evidence
    keep.party_ids = _union(keep.party_ids, other.party_ids)
    keep.claim_ids = _union(keep.claim_ids, other.claim_ids)


def _union(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys(a + b))


def _dedupe_spans(spans: list[Span]) -> list[Span]:
    seen, out = set(), []
    for sp in spans:
        key = (sp.article_id, sp.start, sp.end)
        if key not in seen:
            seen.add(key)
            out.append(sp)
    return out


def _subsumed(d: Draft, drafts: list[Draft], rewrite_ids: set[str]) -> bool:
    for kind in _SUBSUMED_BY.get(d.kind, ()):
        mine = [sp for sp in d.evidence if sp.article_id in rewrite_ids][:1]
        if not mine:
            continue
        for other in drafts:
            if other.kind != kind:
                continue
            for sp in other.evidence:
                if sp.article_id != mine[0].article_id:
                    continue
                inside = max(0, min(sp.end, mine[0].end) - max(sp.start, mine[0].start))
                if inside >= 0.6 * (mine[0].end - mine[0].start):
                    return True
    return False


def merge_drafts(drafts: list[Draft], rewrite_ids: set[str]) -> list[Draft]:
    drafts = [d for d in drafts if d.evidence]
    drafts = [d for d in drafts if not _subsumed(d, drafts, rewrite_ids)]
    merged: list[Draft] = []
    index = _MergeIndex()
    for d in drafts:
        for k in index.candidates(d):
            m = merged[k]
            if _same(m, d):
                index.remove(k, m)
                _absorb(m, d)
                index.add(k, m)
                break
        else:
            merged.append(Draft(d.kind, d.severity, d.confidence, d.summary, list(d.evidence),
                                list(d.party_ids), list(d.claim_ids), d.key))
            index.add(len(merged) - 1, merged[-1])
    for m in merged:
        m.evidence = _dedupe_spans(m.evidence)
    return merged


class _MergeIndex:
    """Where a draft's merge partners can be, so a large event's drafts are not each compared
    with every finding merged so far. ``_same`` holds only for drafts of one kind with equal
    keys, or with the same set of cited articles: merged drafts are filed under both (and
    refiled when absorbing another changes what they cite); unhashable keys are always tried."""

    def __init__(self) -> None:
        self._by: dict[tuple, set[int]] = {}
        self._loose: set[int] = set()
        self._filed = 0  # one past the highest index filed

    @staticmethod
    def _slots(d: Draft) -> list[tuple]:
        slots = [("cites", d.kind, frozenset(_primary(d)))]
        if d.key is not None:
            slots.append(("key", d.kind, d.key))
        return slots

    def add(self, k: int, d: Draft) -> None:
        self._filed = max(self._filed, k + 1)
        for slot in self._slots(d):
            try:
                self._by.setdefault(slot, set()).add(k)
            except TypeError:
                self._loose.add(k)

    def remove(self, k: int, d: Draft) -> None:
        self._loose.discard(k)
        for slot in self._slots(d):
            try:
                self._by.get(slot, set()).discard(k)
            except TypeError:
                pass

    def candidates(self, d: Draft) -> list[int]:
        """Merged drafts ``d`` may be the same as, in the order they were merged."""
        found = set(self._loose)
        for slot in self._slots(d):
            try:
                found |= self._by.get(slot, set())
            except TypeError:
                return list(range(self._filed))
        return sorted(found)


def number_findings(drafts: list[Draft]) -> list[Finding]:
    """Sort (severity, confidence, first evidence) and number f1, f2, ..."""
    def order(d: Draft):
        first = d.evidence[0]
        return (-SEVERITY_RANK[d.severity], -d.confidence, d.kind, first.article_id, first.start, first.end)

    out = []
    for i, d in enumerate(sorted(drafts, key=order), start=1):
        out.append(Finding(
            id=f"f{i}", kind=d.kind, severity=d.severity, confidence=d.confidence, summary=d.summary,
            check=lexicon().checks.checks.get(d.kind, ""),
            party_ids=d.party_ids, claim_ids=d.claim_ids, evidence=d.evidence,
        ))
    return out
