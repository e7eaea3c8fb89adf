"""Findings: contradictions between parties and distortions of a source by its rewrite.

Detectors are pure functions over a read-only :class:`~claimrec.detect.context.DetectContext`,
run in three explicit phases; what a later phase needs from an earlier one is passed
in as data (:class:`~claimrec.detect.draft.Given`), never written into shared state:

1. **party** (the whole event): ``party_contradiction``; it also yields
   :class:`~claimrec.detect.draft.Contested` (which claims and propositions two parties
   dispute), which raises the severity of dropped hedges and omissions;
2. **rewrite** (each source/rewrite pair): hedges, attribution, quotes, stance and roles,
   figures and dates, modality;
3. **residue** (each pair): ``unsupported_addition`` (not counting words the rewrite
   phase already explained) and ``omission``.

With no source/rewrite pair, peer articles are compared for the same quote worded
differently. Each detector run (on the event, or on one pair) is one unit of fault
isolation. Drafts are then merged and numbered (``f1``, ``f2``, ... in severity, then
confidence order); severity and confidence rules: :mod:`claimrec.detect.severity`.
"""

from __future__ import annotations

from typing import Callable

from claimrec.detect.additions import detect_additions
from claimrec.detect.attribution import detect_attribution
from claimrec.detect.context import ArticlePair, DetectContext, build_context
from claimrec.detect.contradictions import detect_contradictions
from claimrec.detect.draft import Contested, Draft, Given
from claimrec.detect.figure_changes import detect_figure_changes
from claimrec.detect.hedge_changes import detect_hedge_changes
from claimrec.detect.merge import merge_drafts, number_findings
from claimrec.detect.modality_changes import detect_modality_changes
from claimrec.detect.omissions import detect_omissions
from claimrec.detect.quote_changes import detect_peer_quotes, detect_quote_changes
from claimrec.detect.stance_roles import detect_stance_roles
from claimrec.faults import Faults, several
from claimrec.models import Finding

PairDetector = Callable[[DetectContext, ArticlePair, Given], list[Draft]]

REWRITE_PHASE: tuple[PairDetector, ...] = (
    detect_hedge_changes, detect_attribution, detect_quote_changes, detect_stance_roles,
    detect_figure_changes, detect_modality_changes,
)
RESIDUE_PHASE: tuple[PairDetector, ...] = (detect_additions, detect_omissions)
# kinds whose rewrite words explain nothing for unsupported_addition (they are about presence)
_NOT_EXPLAINING = frozenset({"unsupported_addition", "omission", "party_contradiction"})


def detect_findings(articles, adocs, claims, parties, alignments, derivations,
                    faults: Faults | None = None) -> list[Finding]:
    faults = faults or Faults(debug=True)
    if not articles or adocs is None:
        return []
    ctx = build_context(list(articles), list(adocs), list(claims or []), list(parties or []),
                        list(alignments or []), list(derivations or []))
    where = several([a.path for a in articles])

    found = faults.run("detect:contradictions", where, detect_contradictions, ctx, default=None)
    drafts, contested = found if found is not None else ([], Contested())
    if not ctx.pairs:
        drafts += faults.run("detect:peer_quotes", where, detect_peer_quotes, ctx, default=[])
    for pair in ctx.pairs:
        drafts += _pair_findings(ctx, pair, Given(contested=contested), faults)
    for d in drafts:
        _attach_claims(ctx, d)
    rewrite_ids = {p.rewrite.article.id for p in ctx.pairs}
    return number_findings(merge_drafts(drafts, rewrite_ids))


def _pair_findings(ctx: DetectContext, pair: ArticlePair, given: Given, faults: Faults) -> list[Draft]:
    def run(detector: PairDetector, given: Given) -> list[Draft]:
        name = detector.__name__.removeprefix("detect_")
        return faults.run(f"detect:{name}", pair.path, detector, ctx, pair, given, default=[])

    rewrite = [d for detector in REWRITE_PHASE for d in run(detector, given)]
    explained = tuple(
        next(sp for sp in d.evidence if sp.article_id == pair.rewrite.article.id)
        for d in rewrite
        if d.kind not in _NOT_EXPLAINING and any(sp.article_id == pair.rewrite.article.id for sp in d.evidence)
    )
    residue_given = Given(contested=given.contested, explained=explained)
    return rewrite + [d for detector in RESIDUE_PHASE for d in run(detector, residue_given)]


def _attach_claims(ctx: DetectContext, draft: Draft) -> None:
    """Claims whose content holds a finding's key phrase (its first span in each article),
    and their speakers' parties, when the detector worked from sentences alone."""
    if draft.claim_ids or draft.kind in ("party_contradiction", "omission"):
        return
    seen: set[str] = set()
    for sp in draft.evidence:
        if sp.article_id in seen:
            continue
        seen.add(sp.article_id)
        view = ctx.view_by_id.get(sp.article_id)
        holding = [c for c in (view.claims if view is not None else [])
                   if c.content.start <= sp.start and sp.end <= c.content.end]
        if not holding:
            continue
        # the innermost claim: "X denied a claim by Y that P" -> P is Y's
        claim = min(holding, key=lambda c: c.content.end - c.content.start)
        draft.claim_ids.append(claim.id)
        party = claim.speaker.party_id if claim.speaker else None
        if party and party not in draft.party_ids:
            draft.party_ids.append(party)


__all__ = ["REWRITE_PHASE", "RESIDUE_PHASE", "detect_findings"]
