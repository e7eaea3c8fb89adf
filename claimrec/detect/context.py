"""What the detectors look at: articles with their parses, claims and sentence pairs.

Built once per run from the pipeline's outputs. Rewrite-vs-source detectors
iterate :attr:`DetectContext.pairs` (one :class:`ArticlePair` per source and
rewrite), each holding the rewrite's sentences with the source sentences the
aligner mapped them to. When the aligner produced nothing for a pair, a small
lexical fallback maps each rewrite sentence to its best source sentence so the
detectors still work on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from claimrec.detect.textnorm import content_keys, fold, surface_keys
from claimrec.models import Alignment, Article, Claim, Derivation, Party, Span, make_span


@dataclass(eq=False)
class Sentence:
    """A sentence (or aligned stretch) of one article, with its parse."""

    view: "ArticleView"
    start: int
    end: int
    tokens: object  # spaCy Span

    @property
    def article_id(self) -> str:
        return self.view.article.id

    @property
    def text(self) -> str:
        return self.view.article.text[self.start:self.end]

    def span(self) -> Span:
        return self.view.span(self.start, self.end)

    @cached_property
    def keys(self) -> set[str]:
        return content_keys(self.tokens)

    @cached_property
    def surface(self) -> set[str]:
        return surface_keys(self.tokens)

    @cached_property
    def hedges(self) -> list:
        from claimrec.detect.hedges import find_hedges

        return find_hedges(self.tokens)

    @cached_property
    def figures(self) -> list:
        from claimrec.detect.quantities import figures

        return figures(self.tokens)

    @cached_property
    def dates(self) -> list:
        from claimrec.detect.quantities import dates

        return dates(self.tokens)

    @cached_property
    def predicates(self) -> list:
        from claimrec.detect.predicates import predicates

        return predicates(self.tokens)

    @cached_property
    def claims(self) -> list[Claim]:
        return [c for c in self.view.claims if c.sentence.start < self.end and self.start < c.sentence.end]


@dataclass(eq=False)
class ArticleView:
    article: Article
    doc: object
    claims: list[Claim] = field(default_factory=list)
    # (value, approx) -> whether some figure of this article equals it
    figure_memo: dict = field(default_factory=dict)

    def span(self, start: int, end: int) -> Span:
        return make_span(self.article.id, self.article.text, start, end)

    def tok_span(self, tokens) -> Span:
        """A span over a run of spaCy tokens (a Span or a list of tokens)."""
        toks = list(tokens)
        return self.span(toks[0].idx, toks[-1].idx + len(toks[-1].text))

    def sentence(self, start: int, end: int) -> Optional[Sentence]:
        tokens = self.doc.char_span(start, end, alignment_mode="expand") if self.doc is not None else None
        if tokens is None or len(tokens) == 0:
            return None
        return Sentence(self, start, end, tokens)

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        if self.doc is None:
            return out
        for sent in self.doc.sents:
            # a sentence the parser ran across a line break is two sentences to a reader
            for piece in _split_lines(sent):
                if any(t.is_alpha for t in piece):
                    out.append(Sentence(self, piece[0].idx, piece[-1].idx + len(piece[-1].text), piece))
        return out

    @cached_property
    def folded(self) -> str:
        return fold(self.article.text)

    @cached_property
    def keys(self) -> set[str]:
        return surface_keys(self.doc) if self.doc is not None else set()

    @cached_property
    def figures(self) -> list:
        from claimrec.detect.quantities import figures

        return figures(self.doc) if self.doc is not None else []

    @cached_property
    def dates(self) -> list:
        from claimrec.detect.quantities import dates

        return dates(self.doc) if self.doc is not None else []

    @cached_property
    def chunk_bounds(self) -> list[tuple[int, int]]:
        """Noun chunks of the whole doc as token ranges, computed once (Span.noun_chunks
        walks the whole doc on every call)."""
        if self.doc is None:
            return []
        try:
            return [(c.start, c.end) for c in self.doc.noun_chunks]
        except (ValueError, NotImplementedError):
            return []

    def noun_chunks(self, start: int, end: int) -> list:
        """Noun chunks inside doc tokens ``start:end``."""
        from bisect import bisect_left

        bounds = self.chunk_bounds
        k = bisect_left(bounds, (start, -1))
        out = []
        while k < len(bounds) and bounds[k][0] < end:
            if bounds[k][1] <= end:
                out.append(self.doc[bounds[k][0]:bounds[k][1]])
            k += 1
        return out

    @cached_property
    def proper_words(self) -> list[str]:
        """Distinct proper-noun words (for telling a respelled name from a new one)."""
        if self.doc is None:
            return []
        return sorted({t.text for t in self.doc if t.pos_ == "PROPN" and t.is_alpha and len(t.text) >= 3})

    def sentence_at(self, start: int, end: int) -> list[Sentence]:
        """This article's sentences overlapping ``start:end``."""
        return [s for s in self.sentences if s.start < end and start < s.end]


def _split_lines(sent):
    doc = sent.doc
    start = sent.start
    for tok in sent:
        if tok.is_space and "\n" in tok.text:
            if tok.i > start:
                yield doc[start:tok.i]
            start = tok.i + 1
        elif "\n" in tok.whitespace_ and tok.i + 1 < sent.end:
            yield doc[start:tok.i + 1]
            start = tok.i + 1
    if start < sent.end:
        yield doc[start:sent.end]


@dataclass(eq=False)
class AlignedSentence:
    """One rewrite sentence and the source sentences it was derived from."""

    rewrite: Sentence
    sources: list[Sentence]
    relation: str
    similarity: float


@dataclass(eq=False)
class ArticlePair:
    source: ArticleView
    rewrite: ArticleView
    aligned: list[AlignedSentence]

    @cached_property
    def rewrites_of(self) -> dict[int, list[Sentence]]:
        """Source sentence start -> rewrite sentences aligned to it."""
        out: dict[int, list[Sentence]] = {}
        for a in self.aligned:
            for s in a.sources:
                out.setdefault(s.start, []).append(a.rewrite)
        return out


@dataclass(eq=False)
class DetectContext:
    views: list[ArticleView]
    claims: list[Claim]
    parties: list[Party]
    alignments: list[Alignment]
    pairs: list[ArticlePair]
    # filled by the contradiction detector, read by omission and hedge detectors
    contested_claims: set[str] = field(default_factory=set)
    contested_keys: list[frozenset] = field(default_factory=list)
    # rewrite phrases earlier detectors already explained (a changed figure, a modal shift):
    # unsupported_addition does not count their words again
    explained: list[Span] = field(default_factory=list)

    def is_explained(self, article_id: str, start: int, end: int) -> bool:
        return any(sp.article_id == article_id and sp.start <= start and end <= sp.end for sp in self.explained)

    def is_contested(self, keys: set[str]) -> bool:
        """True when ``keys`` name a proposition two parties contradict each other on."""
        return any(k and k <= keys for k in self.contested_keys)

    @cached_property
    def view_by_id(self) -> dict[str, ArticleView]:
        return {v.article.id: v for v in self.views}

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def party_by_id(self) -> dict[str, Party]:
        return {p.id: p for p in self.parties}

    def party_name(self, party_id: Optional[str]) -> Optional[str]:
        party = self.party_by_id.get(party_id or "")
        return party.name if party else None

    @cached_property
    def claim_links(self) -> dict[str, set[str]]:
        """Claim id -> ids of claims aligned with it (claim-level alignments)."""
        out: dict[str, set[str]] = {}
        for al in self.alignments:
            if al.level != "claim" or len(al.claim_ids) < 2:
                continue
            for a in al.claim_ids:
                for b in al.claim_ids:
                    if a != b:
                        out.setdefault(a, set()).add(b)
        return out


def build_context(
    articles: list[Article],
    docs: list,
    claims: list[Claim],
    parties: list[Party],
    alignments: list[Alignment],
    derivations: list[Derivation],
) -> DetectContext:
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    views = [ArticleView(a, d, by_article.get(a.id, [])) for a, d in zip(articles, docs)]
    vmap = {v.article.id: v for v in views}
    pairs = [
        _pair(vmap[s], vmap[r], alignments)
        for s, r in _pair_ids(articles, derivations)
        if s in vmap and r in vmap and s != r
    ]
    return DetectContext(views, list(claims), list(parties), list(alignments), pairs)


def _pair_ids(articles: list[Article], derivations: list[Derivation]) -> list[tuple[str, str]]:
    ids = [(d.source_id, d.rewrite_id) for d in derivations]
    if not ids:
        sources = [a.id for a in articles if a.role == "source"]
        rewrites = [a.id for a in articles if a.role == "rewrite"]
        ids = [(s, r) for s in sources for r in rewrites]
    seen, out = set(), []
    for pair in ids:
        if pair not in seen:
            seen.add(pair)
            out.append(pair)
    return out


def _pair(source: ArticleView, rewrite: ArticleView, alignments: list[Alignment]) -> ArticlePair:
    by_rewrite: dict[tuple[int, int], AlignedSentence] = {}
    order: list[tuple[int, int]] = []
    for al in alignments:
        if al.level != "sentence" or not al.spans or al.spans[0].article_id != rewrite.article.id:
            continue
        head = al.spans[0]
        from_source = [s for s in al.spans[1:] if s.article_id == source.article.id]
        if al.spans[1:] and not from_source:
            continue  # aligned to another source article
        key = (head.start, head.end)
        entry = by_rewrite.get(key)
        if entry is None:
            sent = rewrite.sentence(head.start, head.end)
            if sent is None:
                continue
            entry = AlignedSentence(sent, [], al.relation, al.similarity)
            by_rewrite[key] = entry
            order.append(key)
        for sp in from_source:
            ssent = source.sentence(sp.start, sp.end)
            if ssent is not None:
                entry.sources.append(ssent)
        if from_source and (entry.relation == "new" or al.similarity > entry.similarity):
            entry.relation, entry.similarity = al.relation, al.similarity
    if not by_rewrite:
        return ArticlePair(source, rewrite, _fallback_alignment(source, rewrite))
    return ArticlePair(source, rewrite, [by_rewrite[k] for k in order])


def _fallback_alignment(source: ArticleView, rewrite: ArticleView) -> list[AlignedSentence]:
    """Best source sentence per rewrite sentence by shared content words."""
    out = []
    for rs in rewrite.sentences:
        best, best_s = 0.0, None
        for ss in source.sentences:
            if not rs.keys or not ss.keys:
                continue
            score = len(rs.keys & ss.keys) / len(rs.keys)
            if score > best:
                best, best_s = score, ss
        if best_s is not None and best >= 0.3:
            relation = "verbatim" if fold(rs.text) == fold(best_s.text) else "rewritten"
            out.append(AlignedSentence(rs, [best_s], relation, round(best, 3)))
        else:
            out.append(AlignedSentence(rs, [], "new", round(best, 3)))
    return out


def nearest_source(pair: ArticlePair, aligned: AlignedSentence) -> Optional[Sentence]:
    """The source sentence a reader should compare ``aligned.rewrite`` with: its aligned
    source, else the source sentence sharing most content words, else the source of the
    closest aligned rewrite sentence before it, else the source's first sentence."""
    if aligned.sources:
        return aligned.sources[0]
    best, best_n = None, 0
    for s in pair.source.sentences:
        n = len(aligned.rewrite.keys & s.keys)
        if n > best_n:
            best, best_n = s, n
    if best is not None:
        return best
    k = pair.aligned.index(aligned) if aligned in pair.aligned else 0
    for prev in reversed(pair.aligned[:k]):
        if prev.sources:
            return prev.sources[0]
    return pair.source.sentences[0] if pair.source.sentences else None
