"""Who is the wire source, who rewrote it, who reported alongside: a pure function.

With ``--source`` the named article is the source and every other one is
taken as its rewrite. Otherwise the source is the article with the strongest
signs of being the original: agency credit lines, an agency's or outlet's own
dateline ("(CNN) —"), other inputs citing its outlet ("according to CNN"); or
failing those the one published first. An article that cites the source's
outlet, or shares enough sentences with the source, is a rewrite of it; any
other a peer. Every role carries its reason.
"""

from __future__ import annotations

import os
from typing import Optional, Sequence

from claimrec.ingest.dates import parse_date, sort_key
from claimrec.ingest.outlets import Citation, find_citations, outlet_key, outlet_names
from claimrec.ingest.overlap import Overlap, sentence_overlap, sentences
from claimrec.ingest.wire import WireEvidence, wire_evidence
from claimrec.derivation import derivation_phrase
from claimrec.models import Article, Derivation

# A quarter of its sentences found again in the source (reworded at most) makes
# an article a rewrite; independent reports of one event share a quote or two,
# so one shared sentence is never enough, however short the article.
REWRITE_SHARE = 0.25
MIN_SHARED = 2
# Another input crediting an article's outlet with the report ("CNN reported")
# is as strong a sign of the original as the outlet's own dateline.
CITED = 3
GIVEN = "--source"

Links = dict[int, dict[int, Citation]]  # citing article -> cited article -> first citation


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


def assign_roles(articles: Sequence[Article], source_id: Optional[str] = None,
                 *, given_as: str = GIVEN) -> list[Article]:
    """The articles with ``role`` and ``role_reason`` set (new objects, same order).

    ``given_as`` says how the user named ``source_id`` ("--source", or the
    SOURCE argument of ``claimrec diff``), for the reasons.
    """
    if not articles:
        return []
    if source_id is not None:
        return _given_source(articles, source_id, given_as)
    return _detected(articles)


def _given_source(articles: Sequence[Article], source_id: str, given_as: str) -> list[Article]:
    source = next(a for a in articles if a.id == source_id)
    source_sentences = sentences(source.text)
    out = []
    for article in articles:
        if article.id == source_id:
            out.append(_with(article, "source", f"given as {given_as}"))
        else:
            overlap = sentence_overlap(article.text, source_sentences)
            out.append(_with(article, "rewrite",
                             f"compared with the source {source_id} given as {given_as}; "
                             f"{_shares(overlap, source_id)}"))
    return out


def citation_links(articles: Sequence[Article]) -> Links:
    """Which article credits which other article's outlet with the report."""
    names = [outlet_names(a) for a in articles]
    keys = [{outlet_key(n) for n in ns} for ns in names]
    every = [n for ns in names for n in ns]
    links: Links = {}
    if not every:
        return links
    for i, article in enumerate(articles):
        for citation in find_citations(article.text, every):
            if citation.key in keys[i]:
                continue  # "told CNN" in CNN's own report is first-hand
            for j in range(len(articles)):
                if j != i and citation.key in keys[j]:
                    links.setdefault(i, {}).setdefault(j, citation)
    return links


def _detected(articles: Sequence[Article]) -> list[Article]:
    evidence = [wire_evidence(a) for a in articles]
    links = citation_links(articles)
    cited_by: dict[int, list[int]] = {}
    for i, cited in links.items():
        for j in cited:
            cited_by.setdefault(j, []).append(i)
    for j, citing in sorted(cited_by.items()):
        quote = links[citing[0]][j].quote
        who = _join([articles[i].id for i in citing])
        evidence[j].add(CITED * len(citing), f"cited by {who} ('{quote}')")
    best = max(e.score for e in evidence)
    if best > 0:
        index = _earliest([i for i, e in enumerate(evidence) if e.score == best], articles)
        return _around_source(articles, index, evidence[index].describe(), by_date=False, links=links)
    dated = [i for i, a in enumerate(articles) if parse_date(a.published)]
    if len(dated) >= 2:
        index = _earliest(dated, articles, unique=True)
        if index is not None:
            reason = f"earliest published date ({articles[index].published})"
            return _around_source(articles, index, reason, by_date=True, links=links)
    return [_with(a, "peer", _no_source_reason(len(articles))) for a in articles]


def _copies(overlap: Overlap) -> bool:
    return overlap.share >= REWRITE_SHARE and overlap.shared >= MIN_SHARED


def _around_source(articles: Sequence[Article], index: int, reason: str, *, by_date: bool,
                   links: Links) -> list[Article]:
    source = articles[index]
    source_sentences = sentences(source.text)
    overlaps = {i: sentence_overlap(a.text, source_sentences) for i, a in enumerate(articles) if i != index}
    citing = {i: links[i][index] for i in overlaps if index in links.get(i, {})}
    rewrites = [i for i, o in overlaps.items() if _copies(o) or i in citing]
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
            parts = [f"cites the source {source.id} ('{citing[i].quote}')"] if i in citing else []
            parts.append(_shares(overlaps[i], source.id))
            out.append(_with(article, "rewrite", "; ".join(parts)))
        else:
            why = "only " + _shares(overlaps[i], source.id)
            others = [j for j in links.get(i, {}) if j != index]
            if others:
                j = others[0]
                why += f"; cites {articles[j].id} ('{links[i][j].quote}'), which is not the source"
            out.append(_with(article, "peer", why))
    return out


def confirm_roles(articles: Sequence[Article], derivations: Sequence[Derivation]) -> list[Article]:
    """Rewrites' reasons completed with the sentence alignment's count, once it exists.

    The quick check that chose the roles counts near-copies only; the
    alignment also counts reworded sentences. Both are named for what they
    count, so "3 of 7 closely match" and "6 of 7 come from the source" do not
    read as a contradiction.
    """
    by_rewrite = {d.rewrite_id: d for d in derivations}
    out = []
    for article in articles:
        d = by_rewrite.get(article.id)
        if article.role != "rewrite" or d is None or "sentence alignment:" in (article.role_reason or ""):
            out.append(article)
            continue
        reason = f"{article.role_reason}; sentence alignment: {derivation_phrase(d)}"
        out.append(article.model_copy(update={"role_reason": reason}))
    return out


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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
    # The quick check that decides roles, before any parse; the sentence
    # alignment later counts differently (it also finds reworded sentences).
    verb = "matches" if overlap.shared == 1 else "match"
    return (f"{overlap.shared} of its {overlap.total} sentences closely {verb} sentences of the source "
            f"{source_id} (quick word-overlap check)")


def _no_source_reason(count: int) -> str:
    if count == 1:
        return "the only article, and no agency credit line or agency name marks it as wire copy"
    return "no agency credit line, agency name or publication date marks any article as the source"


def _with(article: Article, role: str, reason: str) -> Article:
    return article.model_copy(update={"role": role, "role_reason": reason})


def _same_file_key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


__all__ = ["REWRITE_SHARE", "WireEvidence", "assign_roles", "citation_links", "confirm_roles", "match_source"]
