"""What kind of attribution a claim is, and the speech-only view of claims and reports.

Not every attributed claim is reported speech. "She said ...", "he denied ...", a quote,
a transcript turn report what someone said or wrote; "officials believe ...", "analysts
expect ..." report a belief or a prediction, "the party wants to ...", "he plans to ..." a
plan; "according to X" marks a source without saying how X put it. All are kept (news
attribution corpora such as PolNeAR annotate beliefs and plans too), each marked with a
``kind`` so that users, reports and scorers can keep only speech; only a belief or plan
reported inside another claim's content is left to that claim (``ATTITUDE_KINDS``):

- ``according-to``: a source-marking phrase ("according to", "in the words of");
- ``belief`` / ``plan``: the cue's lexicon class says so (``data/lexicons/cues.json``),
  unless its ``kinds`` table overrides the class for that lemma (directives such as
  "urged" are speech; findings such as "found", "learned" and what a poll "shows" are
  beliefs: knowledge and findings, no one's words);
- ``speech``: every other cue class (neutral, assertive, denial, accusation), and claims
  with no verb cue at all (a quote, a "NAME:" line, a signed quote).
"""

from __future__ import annotations

from claimrec.claims.candidate import Candidate
from claimrec.models import Claim, Report
from claimrec.text.lookups import CueTables

# the kinds the speech-only view keeps: what someone said or wrote, and what a named
# source is reported to have said ("according to X")
SPEECH_KINDS = frozenset({"speech", "according-to"})
_CLASS_KINDS = {"belief": "belief", "plan": "plan"}
# what someone holds or intends rather than says: inside another claim's content, the
# outer speaker's report of it (claims/__init__.py)
ATTITUDE_KINDS = frozenset(_CLASS_KINDS.values())


def claim_kind(cand: Candidate, lex: CueTables) -> str:
    if cand.how == "according":
        return "according-to"
    if cand.how == "evidence":
        return "belief"  # what a poll or a photo is read to show: a finding, no one's words
    if cand.cue_span is None:
        return "speech"
    kind = lex.kinds.get(cand.cue_lemma or "")
    if kind is not None:
        return kind
    if cand.cue_cls in lex.speech_classes:
        return "speech"
    return _CLASS_KINDS.get(cand.cue_cls, "speech")


def is_speech(claim: Claim) -> bool:
    return claim.kind in SPEECH_KINDS


def speech_only(claims: list[Claim]) -> list[Claim]:
    """The claims that report speech, in their order."""
    return [c for c in claims if is_speech(c)]


def speech_only_report(report: Report) -> Report:
    """``report`` with only its speech claims: the other claims go, and so do the
    references to them. An alignment or finding that stood only on dropped claims goes
    too; one that also rests on other evidence keeps that evidence."""
    kept = speech_only(report.claims)
    if len(kept) == len(report.claims):
        return report
    keep = {c.id for c in kept}
    dropped = {c.id for c in report.claims} - keep
    alignments = []
    for a in report.alignments:
        if a.claim_ids:
            ids = [i for i in a.claim_ids if i in keep]
            if len(ids) < min(2, len(a.claim_ids)):
                continue
            a = a.model_copy(update={"claim_ids": ids})
        alignments.append(a)
    findings = []
    for f in report.findings:
        if f.claim_ids and all(i in dropped for i in f.claim_ids):
            continue
        findings.append(f.model_copy(update={"claim_ids": [i for i in f.claim_ids if i in keep]}))
    claims = [c if c.embedded_in is None or c.embedded_in in keep else c.model_copy(update={"embedded_in": None})
              for c in kept]
    return report.model_copy(update={"claims": claims, "alignments": alignments, "findings": findings})
