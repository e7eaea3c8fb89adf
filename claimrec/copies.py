"""Copies of one text in one run: analysed once, handed to each copy under its own id.

Syndicated copies carry the same text, and when their parses are the same too, extraction
and the mention scan (which read nothing of an article but its id, text and parse) give
the same claims and mentions but for the article they name. The first copy is analysed;
the others get its results relabelled, which costs a small fraction of the analysis.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Optional

from claimrec.analysis_cache import ArticleAnalysis

# every token attribute a parse stores: two parses equal in all of them are one parse
_ATTRS = ("ORTH", "SPACY", "LEMMA", "POS", "TAG", "MORPH", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE",
          "ENT_KB_ID", "ENT_ID", "SENT_START", "NORM")


def parse_key(text: str, doc) -> Optional[str]:
    """What the analysis of ``text`` parsed as ``doc`` depends on (None: no parse to share)."""
    from spacy import attrs

    if doc is None:
        return None
    h = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    h.update(doc.to_array([getattr(attrs, a) for a in _ATTRS]).tobytes())
    return h.hexdigest()


def relabelled(first: ArticleAnalysis, first_id: str, article_id: str, index: int) -> ArticleAnalysis:
    """``first`` (the analysis of the article ``first_id``) for its copy ``article_id``."""
    claims = [_claim(c, first_id, article_id) for c in first.claims]
    return ArticleAnalysis(claims=claims, mentions=_Mentions(article_id, index).copy(first.mentions),
                           dominant=first.dominant, places=first.places)


class _Mentions:
    """New mentions (and phrases) for a copy, shared where the originals are shared (a
    mention is another's affiliation, a role's phrase holds its affiliation's phrase)."""

    def __init__(self, article_id: str, index: int) -> None:
        self.article_id, self.index = article_id, index
        self._done: dict[int, object] = {}

    def copy(self, mentions: list) -> list:
        return [self._mention(m) for m in mentions]

    def _mention(self, m):
        if m is None:
            return None
        got = self._done.get(id(m))
        if got is None:
            got = self._done[id(m)] = replace(m, article=self.index, article_id=self.article_id,
                                              phrase=self._phrase(m.phrase), speakers=list(m.speakers),
                                              affiliation=None)
            got.affiliation = self._mention(m.affiliation)
        return got

    def _phrase(self, p):
        if p is None:
            return None
        got = self._done.get(id(p))
        if got is None:
            got = self._done[id(p)] = replace(p, brands=list(p.brands), affiliation=None)
            got.affiliation = self._phrase(p.affiliation)
        return got


def _claim(claim, old: str, new: str):
    def span(s):
        return None if s is None else s.model_copy(update={"article_id": new})

    def claim_id(cid: Optional[str]) -> Optional[str]:
        prefix = f"{old}:"
        return new + cid[len(old):] if cid is not None and cid.startswith(prefix) else cid

    update = {"id": claim_id(claim.id), "article_id": new, "content": span(claim.content),
              "sentence": span(claim.sentence), "embedded_in": claim_id(claim.embedded_in),
              "hedges": [h.model_copy(update={"span": span(h.span)}) for h in claim.hedges]}
    if claim.speaker is not None:
        update["speaker"] = claim.speaker.model_copy(update={"span": span(claim.speaker.span)})
    if claim.cue is not None:
        update["cue"] = claim.cue.model_copy(update={"span": span(claim.cue.span)})
    return claim.model_copy(update=update)
