"""Rewrite-to-source sentence alignment and the METER-style derivation label.

Each rewrite sentence (a unit of the annotated document: a spaCy sentence cut at
line breaks, so a heading line stands alone) is mapped to the source sentence(s) it came from
and marked ``verbatim``, ``rewritten`` or ``new``. The evidence is coverage:
the IDF-weighted share of the rewrite sentence's content keys that a source
sentence also has (see :mod:`claimrec.align.features`). Coverage is
asymmetric on purpose: a fuzzy set ratio inflates whenever one sentence's
words are a subset of the other's.

Decision rules, in order:

1. A sentence made mostly of a direct quotation is derived only if the quoted
   words are found in the source (fuzzy substring >= ``QUOTE_FUZZ``, or nearly all
   its content words in one source sentence): a quotation claims verbatim wording.
2. Coverage >= ``ALIGN`` by a source sentence in the expected place (between
   the sources of the neighbouring confidently aligned sentences, +-1) aligns.
3. Coverage >= ``OUT_OF_ORDER`` aligns anywhere (rewrites do move paragraphs,
   but a weaker match far from its neighbours is a coincidence of words).
4. In the expected place, a loose paraphrase aligns with coverage >= ``GAP``
   and at least two shared keys, provided the sentence brings no proper name
   the source never mentions (new names are new facts).
5. Otherwise the sentence is ``new``.

Several rewrite sentences may share a source sentence (splits); a rewrite
sentence takes extra source sentences when each adds real coverage (merges).
"""

from __future__ import annotations

import re

from bisect import bisect_right

from rapidfuzz import fuzz

from claimrec.align.blocking import BlockingStats, candidate_pairs
from claimrec.align.features import coverage, idf_weights
from claimrec.models import Alignment, Article, Derivation, make_span
from claimrec.text.document import AnnotatedDoc, Unit
from claimrec.text.normalize import fold

ALIGN = 0.45
OUT_OF_ORDER = 0.60
GAP = 0.12
GAP_MIN_SHARED = 2
MERGE_GAIN = 0.15
MERGE_MIN = 0.20
QUOTE_SUPPORT = 0.8
QUOTE_FUZZ = 75.0
WINDOW_MAX = 6
VERBATIM = 95.0
# a sentence where the rewrite's neighbours say it belongs, worded this close to the rewrite
# sentence (fuzz.ratio, names masked), is where it came from, whatever rarer name another
# sentence shares: "Combetta wouldn't say." is "Kadzik wouldn't say." with a name put in
IN_PLACE = 85.0
_CAPITALISED = re.compile(r"\b[A-Z][\w.'\u2019-]*")
TIE = 0.02
WHOLLY = 0.8
PARTIALLY = 0.2



def _monotone_backbone(best: list[tuple[int, int]]) -> set[int]:
    """Rewrite indexes on the longest non-decreasing run of source indexes (the shared order)."""
    tails: list[int] = []
    tails_at: list[int] = []
    prev: dict[int, int] = {}
    for r, s in best:
        k = bisect_right(tails, s)
        if k == len(tails):
            tails.append(s)
            tails_at.append(r)
        else:
            tails[k], tails_at[k] = s, r
        prev[r] = tails_at[k - 1] if k > 0 else -1
    out: set[int] = set()
    r = tails_at[-1] if tails_at else -1
    while r != -1:
        out.add(r)
        r = prev[r]
    return out


def align_pair(
    source: Article, sadoc: AnnotatedDoc, rewrite: Article, radoc: AnnotatedDoc, *, start_id: int = 1,
    stats: BlockingStats | None = None,
) -> tuple[list[Alignment], Derivation]:
    su = sadoc.units
    ru = radoc.units
    idf = idf_weights([u.keys for u in su + ru])
    source_proper = set().union(*(u.proper for u in su)) if su else set()
    source_norm = fold(source.text)

    snorms = [fold(source.text[u.start:u.end]) for u in su]
    # each source sentence once, not once per rewrite sentence whose window holds it
    smasked = [_names_masked(source.text[u.start:u.end]) for u in su]

    # candidates: source sentences sharing a rare key with the rewrite sentence
    n_s = len(su)
    cap = max(5, n_s // 4)
    pairs = candidate_pairs([u.keys for u in su] + [u.keys for u in ru], max_postings=cap * 2,
                            allowed=lambda i, j: i < n_s <= j, stats=stats)
    cands: dict[int, dict[int, float]] = {i: {} for i in range(len(ru))}
    for i, j in pairs:
        r = j - n_s
        cands[r][i] = coverage(ru[r].keys, su[i].keys, idf)
    if stats is not None:
        stats.compared_pairs += len(pairs)

    best: dict[int, tuple[int, float]] = {}
    for r, cs in cands.items():
        if cs:
            j = max(cs, key=lambda x: (cs[x], -x))
            best[r] = (j, cs[j])
    anchors = [(r, best[r][0]) for r in range(len(ru)) if r in best and best[r][1] >= ALIGN]
    backbone = _monotone_backbone(anchors)
    backbone_src = {r: best[r][0] for r in backbone}

    alignments: list[Alignment] = []
    counts = {"verbatim": 0, "rewritten": 0, "new": 0}
    order = sorted(backbone_src)
    for r, unit in enumerate(ru):
        lo, hi = _window(r, order, backbone_src, n_s)
        cs = cands[r]
        if hi - lo <= WINDOW_MAX:
            # the few sentences where it is expected are always compared, common words or not
            for j in range(lo, hi + 1):
                if j not in cs:
                    cs[j] = coverage(unit.keys, su[j].keys, idf)
                    if stats is not None:
                        stats.compared_pairs += 1
        rtext = fold(rewrite.text[unit.start:unit.end])

        def wording(j: int, rtext=rtext) -> float:
            return fuzz.partial_ratio(rtext, fold(source.text[su[j].start:su[j].end]))

        rmasked = _names_masked(rewrite.text[unit.start:unit.end])

        def same_text(j: int, rmasked=rmasked) -> float:
            return fuzz.ratio(rmasked, smasked[j])

        chosen, loose = _choose(unit, cs, lo, hi, su, source_proper, wording,
                                same_text if hi - lo <= WINDOW_MAX else None)
        if chosen is None and len(unit.keys) < 2:
            # too few content words to measure ("But it's not enough," she said.): a
            # sentence copied word for word still came from where its words stand
            chosen = _copied_from(rtext, snorms)
        if chosen is not None and unit.quoted and not _quote_supported(unit, su, idf, source_norm):
            chosen = None
        spans = [make_span(rewrite.id, rewrite.text, unit.start, unit.end)]
        if chosen is None:
            relation, sim = "new", max(cs.values(), default=0.0)
        else:
            sources = _with_contained(_merge(unit, chosen, cs, su, idf, loose), rtext, snorms)
            union = set().union(*(su[j].keys for j in sources))
            sim = coverage(unit.keys, union, idf)
            joined = " ".join(source.text[su[j].start:su[j].end] for j in sources)
            rtext = rewrite.text[unit.start:unit.end]
            verbatim = fuzz.ratio(fold(rtext), fold(joined)) >= VERBATIM or (
                len(rtext) >= 30 and fuzz.partial_ratio(fold(rtext), fold(joined)) >= 98)
            relation = "verbatim" if verbatim else "rewritten"
            spans += [make_span(source.id, source.text, su[j].start, su[j].end) for j in sources]
        counts[relation] += 1
        alignments.append(Alignment(
            id=f"s{start_id + len(alignments)}", level="sentence", spans=spans,
            relation=relation, similarity=round(min(1.0, sim), 3),
        ))
    total = len(ru)
    share = (counts["verbatim"] + counts["rewritten"]) / total if total else 0.0
    label = "wholly" if share >= WHOLLY else "partially" if share >= PARTIALLY else "non"
    derivation = Derivation(source_id=source.id, rewrite_id=rewrite.id, sentences=total,
                            derived_share=round(share, 3), label=label, **counts)
    return alignments, derivation


def _names_masked(text: str) -> str:
    return fold(_CAPITALISED.sub("N", text))


def _with_contained(sources: list[int], rtext: str, snorms: list[str]) -> list[int]:
    """The chosen sources plus their neighbours that the rewrite sentence holds word for word:
    re-wrapped or re-joined text puts several source sentences into one."""
    chosen = set(sources)
    for step in (-1, 1):
        j = (min(chosen) if step < 0 else max(chosen)) + step
        while 0 <= j < len(snorms) and len(snorms[j]) >= 12 and snorms[j] in rtext:
            chosen.add(j)
            j += step
    return sorted(chosen)


def _copied_from(rtext: str, snorms: list[str]) -> int | None:
    """The source sentence holding ``rtext`` word for word, when one does."""
    if len(rtext) < 12:
        return None
    for j, stext in enumerate(snorms):
        if rtext in stext or (len(stext) >= 12 and stext in rtext):
            return j
    return None


def _window(r: int, order: list[int], backbone_src: dict[int, int], n_s: int) -> tuple[int, int]:
    """Source indexes where rewrite sentence ``r`` is expected, from its aligned neighbours."""
    k = bisect_right(order, r)
    prev_r = order[k - 1] if k > 0 else None
    if prev_r == r:
        prev_r = order[k - 2] if k > 1 else None
    next_r = order[k] if k < len(order) else None
    if prev_r is None and next_r is None:
        return 0, n_s - 1
    lo = backbone_src[prev_r] if prev_r is not None else backbone_src[next_r] - 2
    hi = backbone_src[next_r] if next_r is not None else backbone_src[prev_r] + 2
    return max(0, lo - 1), min(n_s - 1, hi + 1)


def _choose(unit: Unit, cs: dict[int, float], lo: int, hi: int, su, source_proper,
            wording, same_text=None) -> tuple[int | None, bool]:
    """(source index or None, whether the match is a loose in-place paraphrase).

    Sources whose coverage ties with the best (within ``TIE``) are told apart by wording:
    a short rewrite sentence whose few words two source sentences both hold came from the
    one it copies."""
    if not cs:
        return None, False
    ranked = sorted(cs, key=lambda j: (-cs[j], j))
    best = cs[ranked[0]]
    tied = [j for j in ranked if cs[j] >= best - TIE][:5]
    if len(tied) > 1:
        order = {j: -wording(j) for j in tied}
        ranked = sorted(tied, key=lambda j: (order[j], -cs[j], j)) + [j for j in ranked if j not in order]
    in_window = [j for j in ranked if lo <= j <= hi]
    if same_text is not None and in_window:
        score, close = max((same_text(j), -j) for j in in_window)
        if score >= IN_PLACE:
            return -close, False
    if in_window and cs[in_window[0]] >= ALIGN:
        return in_window[0], False
    if cs[ranked[0]] >= OUT_OF_ORDER:
        return ranked[0], False
    if unit.proper - source_proper:
        return None, False
    for j in in_window:
        if cs[j] >= GAP and len(unit.keys & su[j].keys) >= GAP_MIN_SHARED:
            return j, True
    return None, False


def _merge(unit: Unit, first: int, cs: dict[int, float], su, idf, loose: bool = False) -> list[int]:
    """The first source plus any that each add real coverage (a rewrite merging sentences).

    An extra source must bring at least two keys the others lack. A loose (gap) alignment
    takes every nearby source sharing two keys, one of them new: its evidence is spread thin
    by nature."""
    chosen = [first]
    covered = set(su[first].keys)
    current = coverage(unit.keys, covered, idf)
    for j in sorted(cs, key=lambda x: (-cs[x], x)):
        if j in chosen or len(chosen) >= 3 or abs(j - first) > 2:
            continue
        shared = unit.keys & su[j].keys
        added = shared - covered
        if len(added) < (1 if loose else GAP_MIN_SHARED) or len(shared) < GAP_MIN_SHARED:
            continue
        gain = coverage(unit.keys, covered | su[j].keys, idf) - current
        if loose or (cs[j] >= MERGE_MIN and gain >= MERGE_GAIN):
            chosen.append(j)
            covered |= su[j].keys
            current += gain
    return sorted(chosen)


def _quote_supported(unit: Unit, su: list[Unit], idf, source_norm: str) -> bool:
    """A quotation's wording must be found in the source: nearly in order (fuzzy substring),
    or with almost all its content words in one source sentence (words reordered)."""
    if not unit.quote_keys or not unit.quote_text:
        return True
    if fuzz.partial_ratio(fold(unit.quote_text), source_norm) >= QUOTE_FUZZ:
        return True
    return any(coverage(unit.quote_keys, s.keys, idf) >= QUOTE_SUPPORT for s in su)
