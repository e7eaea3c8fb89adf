"""Who is the wire source, who rewrote it, who reported alongside: a pure function.

With ``--source`` the named article is the source and every other one is
taken as its rewrite. Otherwise the source is the article with the strongest
agency signs (credit lines, agency dateline or names), or failing those the
one published first; an article that shares enough sentences with the source
is a rewrite of it, any other a peer. Every role carries its reason.
"""

from __future__ import annotations

import os
from typing import Optional, Sequence

from claimrec.ingest.dates import parse_date, sort_key
from claimrec.ingest.overlap import Overlap, sentence_overlap, sentences
from claimrec.ingest.wire import WireEvidence, wire_evidence
from claimrec.models import Article

# A quarter of its sentences found again in the source (reworded at most) makes
# an article a rewrite; independent reports of one event share a quote or two.
REWRITE_SHARE = 0.25


def match_source(articles: Sequence[Article], source: str) -> Optional[str]:
    """The id of the article ``--source`` names (by id, path or file name), if any."""
    for article in articles:
        if article.id == source:
            return article.id
    wanted = _same_file_key(source)
    for article in articles:
        if _same_file_key(article.path) == wanted:
            return article.id
    base = os.path.basename(source)
    for article in articles:
        if os.path.basename(article.path) == base:
            return article.id
    return None


def assign_roles(articles: Sequence[Article], source_id: Optional[str] = None) -> list[Article]:
    """The articles with ``role`` and ``role_reason`` set (new objects, same order)."""
    if not articles:
        return []
    if source_id is not None:
        return _given_source(articles, source_id)
    return _detected(articles)


def _given_source(articles: Sequence[Article], source_id: str) -> list[Article]:
    source = next(a for a in articles if a.id == source_id)
    source_sentences = sentences(source.text)
    out = []
    for article in articles:
        if article.id == source_id:
            out.append(_with(article, "source", "given with --source"))
        else:
            overlap = sentence_overlap(article.text, source_sentences)
            out.append(_with(article, "rewrite",
                             f"compared with the --source article {source_id}; "
                             f"{_shares(overlap, source_id)}"))
    return out


def _detected(articles: Sequence[Article]) -> list[Article]:
    evidence = [wire_evidence(a) for a in articles]
    best = max(e.score for e in evidence)
    if best > 0:
        index = _earliest([i for i, e in enumerate(evidence) if e.score == best], articles)
        return _around_source(articles, index, evidence[index].describe(), by_date=False)
    dated = [i for i, a in enumerate(articles) if parse_date(a.published)]
    if len(dated) >= 2:
        index = _earliest(dated, articles, unique=True)
        if index is not None:
            reason = f"earliest published date ({articles[index].published})"
            return _around_source(articles, index, reason, by_date=True)
    return [_with(a, "peer", _no_source_reason(len(articles))) for a in articles]


def _around_source(articles: Sequence[Article], index: int, reason: str, *, by_date: bool) -> list[Article]:
    source = articles[index]
    source_sentences = sentences(source.text)
    overlaps = {i: sentence_overlap(a.text, source_sentences) for i, a in enumerate(articles) if i != index}
    rewrites = [i for i, o in overlaps.items() if o.share >= REWRITE_SHARE]
    if by_date and not rewrites:
        # A first-published article nobody copied is just the first of peers.
        why = f"no article derives from the earliest one ({source.id}); no agency credit line or name"
        return [_with(a, "peer", why) for a in articles]
    out = []
    for i, article in enumerate(articles):
        if i == index:
            extra = f"; {len(rewrites)} other article(s) rewrite it" if rewrites else ""
            out.append(_with(article, "source", reason + extra))
        elif i in rewrites:
            out.append(_with(article, "rewrite", _shares(overlaps[i], source.id)))
        else:
            out.append(_with(article, "peer", "only " + _shares(overlaps[i], source.id)))
    return out


def _earliest(indexes: list[int], articles: Sequence[Article], *, unique: bool = False) -> Optional[int]:
    """The earliest-published of ``indexes``; input order breaks ties unless ``unique``."""
    dated = [(sort_key(w), i) for i in indexes if (w := parse_date(articles[i].published))]
    if not dated:
        return None if unique else indexes[0]
    dated.sort()
    if unique and len(dated) > 1 and dated[0][0] == dated[1][0]:
        return None
    return dated[0][1]


def _shares(overlap: Overlap, source_id: str) -> str:
    # a quick near-copy count, not the alignment: reworded sentences don't count here
    return (f"shares {overlap.share:.0%} of its sentences nearly word for word with the source "
            f"{source_id} ({overlap.shared} of {overlap.total})")


def _no_source_reason(count: int) -> str:
    if count == 1:
        return "the only article, and no agency credit line or agency name marks it as wire copy"
    return "no agency credit line, agency name or publication date marks any article as the source"


def _with(article: Article, role: str, reason: str) -> Article:
    return article.model_copy(update={"role": role, "role_reason": reason})


def _same_file_key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


__all__ = ["REWRITE_SHARE", "WireEvidence", "assign_roles", "match_source"]
