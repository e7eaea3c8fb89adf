"""Findings: contradictions between parties and distortions of a source by its rewrite.

``detect_findings`` runs every detector over one run's articles, parses,
claims, parties and alignments, merges near-duplicates and numbers the result
(``f1``, ``f2``, ... in severity, then confidence order). Severity and
confidence rules: :mod:`claimrec.detect.severity`.
"""

from __future__ import annotations

from claimrec.detect.context import build_context
from claimrec.detect.merge import merge_drafts, number_findings
from claimrec.faults import Faults, several
from claimrec.models import Finding


def _detectors():
    from claimrec.detect.additions import detect_additions
    from claimrec.detect.contradictions import detect_contradictions
    from claimrec.detect.figures import detect_figures
    from claimrec.detect.hedging import detect_hedges
    from claimrec.detect.modality import detect_modality
    from claimrec.detect.omissions import detect_omissions
    from claimrec.detect.polarity import detect_polarity
    from claimrec.detect.quotes import detect_quotes
    from claimrec.detect.speakers import detect_speakers

    # contradictions first: omission and hedge severity depend on what is contested
    return [detect_contradictions, detect_hedges, detect_speakers, detect_quotes, detect_polarity,
            detect_figures, detect_modality, detect_additions, detect_omissions]


def detect_findings(articles, docs, claims, parties, alignments, derivations,
                    faults: Faults | None = None) -> list[Finding]:
    faults = faults or Faults(debug=True)
    if not articles or docs is None:
        return []
    ctx = build_context(list(articles), list(docs), list(claims or []), list(parties or []),
                        list(alignments or []), list(derivations or []))
    rewrite_ids = {p.rewrite.article.id for p in ctx.pairs}
    drafts = []
    where = several([a.path for a in articles])
    for detector in _detectors():
        found = faults.run(f"detect:{detector.__name__.removeprefix('detect_')}", where, detector, ctx,
                           default=[])
        drafts.extend(found)
        for d in found:
            focus = next((sp for sp in d.evidence if sp.article_id in rewrite_ids), None)
            if focus is not None and d.kind not in ("unsupported_addition", "omission", "party_contradiction"):
                ctx.explained.append(focus)
    for d in drafts:
        _attach_claims(ctx, d)
    return number_findings(merge_drafts(drafts, rewrite_ids))


def _attach_claims(ctx, draft) -> None:
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


__all__ = ["detect_findings"]
