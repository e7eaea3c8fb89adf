"""What the detectors look at: articles with their annotated documents, claims and sentence pairs.

Built once per run from the pipeline's outputs; nothing in it is written by a detector.
Rewrite-vs-source detectors take one :class:`ArticlePair` at a time, which holds the
rewrite's sentences with the source sentences the aligner mapped them to. Sentences are
the units of :class:`~claimrec.text.document.AnnotatedDoc`: the same units the aligner
aligned, with the hedges, figures, dates and keys the text layer found in them.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional, Sequence

from claimrec.models import Alignment, Article, Claim, Derivation, Party, Span, make_span
from claimrec.text.diff import WordAlignment, align_words
from claimrec.text.document import AnnotatedDoc, Unit
from claimrec.text.keys import presence_keys
from claimrec.text.lookups import detection
from claimrec.text.predicates import predicates


@dataclass(eq=False)
class Sentence:
    """One unit (reader's sentence) of one article."""

    view: "ArticleView"
    unit: Unit

    @property
    def start(self) -> int:
        return self.unit.start

    @property
    def end(self) -> int:
        return self.unit.end

    @property
    def article_id(self) -> str:
        return self.view.article.id

    @property
    def text(self) -> str:
        return self.view.article.text[self.start:self.end]

    @cached_property
    def tokens(self):
        return self.view.doc[self.unit.tok_start:self.unit.tok_end]

    def span(self) -> Span:
        return self.view.span(self.start, self.end)

    @property
    def keys(self) -> frozenset:
        return self.unit.keys

    @cached_property
    def surface(self) -> set[str]:
        return presence_keys(self.tokens)

    @cached_property
    def hedges(self) -> list:
        return self.view.adoc.in_unit(self.view.adoc.hedges, self.unit)

    @cached_property
    def markers(self) -> list:
        return self.view.adoc.in_unit(self.view.adoc.markers, self.unit)

    @cached_property
    def figures(self) -> list:
        return self.view.adoc.in_unit(self.view.adoc.figures, self.unit)

    @cached_property
    def dates(self) -> list:
        return self.view.adoc.in_unit(self.view.adoc.dates, self.unit)

    @cached_property
    def predicates(self) -> list:
        return predicates(self.tokens)

    @cached_property
    def claims(self) -> list[Claim]:
        return [c for c in self.view.claims if c.sentence.start < self.end and self.start < c.sentence.end]


@dataclass(eq=False)
class ArticleView:
    article: Article
    adoc: AnnotatedDoc
    claims: list[Claim] = field(default_factory=list)

    @property
    def doc(self):
        return self.adoc.doc

    def span(self, start: int, end: int) -> Span:
        return make_span(self.article.id, self.article.text, start, end)

    def tok_span(self, tokens) -> Span:
        """A span over a run of spaCy tokens (a Span or a list of tokens)."""
        toks = list(tokens)
        return self.span(toks[0].idx, toks[-1].idx + len(toks[-1].text))

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [Sentence(self, u) for u in self.adoc.units]

    def sentence(self, start: int, end: int) -> Optional[Sentence]:
        """The sentence whose unit is exactly ``start:end`` (as alignments cite them)."""
        k = bisect_left(self.adoc.unit_starts, start)
        if k < len(self.adoc.units) and self.adoc.units[k].start == start and self.adoc.units[k].end == end:
            return self.sentences[k]
        return None

    def sentence_at(self, start: int, end: int) -> list[Sentence]:
        """This article's sentences overlapping ``start:end``."""
        return [self.sentences[u.index] for u in self.adoc.units_over(start, end)]

    @property
    def folded(self) -> str:
        return self.adoc.folded

    @cached_property
    def keys(self) -> set[str]:
        return presence_keys(self.doc)

    @property
    def figures(self) -> list:
        return self.adoc.figures

    @property
    def dates(self) -> list:
        return self.adoc.dates

    def figures_in(self, tokens) -> list:
        """The document's figures that begin inside ``tokens`` (a spaCy Span)."""
        return [f for f in self.adoc.figures if tokens.start <= f.start < tokens.end]

    @cached_property
    def chunk_bounds(self) -> list[tuple[int, int]]:
        """Noun chunks of the whole doc as token ranges, computed once (Span.noun_chunks
        walks the whole doc on every call)."""
        try:
            return [(c.start, c.end) for c in self.doc.noun_chunks]
        except (ValueError, NotImplementedError):
            return []

    def noun_chunks(self, start: int, end: int) -> list:
        """Noun chunks inside doc tokens ``start:end``."""
        bounds = self.chunk_bounds
        k = bisect_left(bounds, (start, -1))
        out = []
        while k < len(bounds) and bounds[k][0] < end:
            if bounds[k][1] <= end:
                out.append(self.doc[bounds[k][0]:bounds[k][1]])
            k += 1
        return out

    @cached_property
    def predicates_by_key(self) -> dict[str, list[tuple["Sentence", object]]]:
        """Every sentence's predicates by lemma key, for finding where a freshly written
        sentence's predicate came from when sentence alignment picked another sentence."""
        out: dict[str, list] = {}
        for sent in self.sentences:
            for p in sent.predicates:
                out.setdefault(p.key, []).append((sent, p))
        return out

    @cached_property
    def proper_words(self) -> list[str]:
        """Distinct proper-noun words (for telling a respelled name from a new one)."""
        return sorted({t.text for t in self.doc if t.pos_ == "PROPN" and t.is_alpha and len(t.text) >= 3})


@dataclass(eq=False)
class AlignedSentence:
    """One rewrite sentence and the source sentences it was derived from."""

    rewrite: Sentence
    sources: list[Sentence]
    relation: str
    similarity: float

    def changed(self, start: int, end: int) -> bool:
        """Some rewrite token in ``start:end`` is not a copy of this sentence's sources."""
        return self.words.touches_rewrite(start, end)

    def kept(self, start: int, end: int) -> bool:
        """Every word of source tokens ``start:end`` was copied into this rewrite sentence."""
        doc = self.sources[0].view.doc if self.sources else None
        if doc is None:
            return False
        copied = self._copied
        return all(j in copied for j in range(start, end) if not doc[j].is_space and doc[j].text.strip())

    @cached_property
    def _copied(self) -> frozenset[int]:
        return frozenset(self.words.matched.values())

    @cached_property
    def words(self) -> WordAlignment:
        """Word alignment with the sources: what changed, and only that, can be a distortion."""
        return align_words(self.rewrite.view.adoc, self.rewrite.unit,
                           [(s.view.adoc, s.unit) for s in self.sources])


@dataclass(eq=False)
class ArticlePair:
    source: ArticleView
    rewrite: ArticleView
    aligned: list[AlignedSentence]
    # (value, approx) -> whether some figure of the source equals it
    figure_memo: dict = field(default_factory=dict)

    @property
    def path(self) -> str:
        return f"{self.source.article.path} -> {self.rewrite.article.path}"

    @cached_property
    def rewrites_of(self) -> dict[int, list[Sentence]]:
        """Source sentence start -> rewrite sentences aligned to it."""
        out: dict[int, list[Sentence]] = {}
        for a in self.aligned:
            for s in a.sources:
                out.setdefault(s.start, []).append(a.rewrite)
        return out

    def aligned_of(self, sent: Sentence) -> Optional[AlignedSentence]:
        return self._aligned_by_start.get(sent.start)

    @cached_property
    def _aligned_by_start(self) -> dict[int, AlignedSentence]:
        return {a.rewrite.start: a for a in self.aligned}

    @cached_property
    def kept_source(self) -> frozenset[int]:
        """Source tokens some rewrite sentence copied word for word (after ``fold``)."""
        return frozenset(j for a in self.aligned for j in a.words.matched.values())

    def source_kept(self, start: int, end: int) -> bool:
        """Every word of source tokens ``start:end`` is still in the rewrite, in place."""
        doc = self.source.doc
        return all(j in self.kept_source for j in range(start, end) if not doc[j].is_space and doc[j].text.strip())

    def rewrite_changed(self, start: int, end: int) -> bool:
        """Some rewrite token in ``start:end`` is not a word-for-word copy of its source."""
        return any(a.words.touches_rewrite(start, end) for a in self.aligned
                   if a.rewrite.unit.tok_start < end and start < a.rewrite.unit.tok_end)

    def tokens_of(self, view: "ArticleView", span) -> tuple[int, int]:
        """Doc token range ``[start, end)`` of a character span of ``view``'s article."""
        toks = view.doc.char_span(span.start, span.end, alignment_mode="expand")
        return (toks.start, toks.end) if toks is not None and len(toks) else (0, 0)


@dataclass(eq=False)
class DetectContext:
    """One event: every article, claim, party and alignment of the run (read only)."""

    views: list[ArticleView]
    claims: list[Claim]
    parties: list[Party]
    alignments: list[Alignment]
    pairs: list[ArticlePair]

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

    @cached_property
    def _link_similarity(self) -> dict[tuple[str, str], float]:
        out: dict[tuple[str, str], float] = {}
        for al in self.alignments:
            if al.level == "claim" and len(al.claim_ids) == 2:
                a, b = al.claim_ids
                out[(a, b)] = out[(b, a)] = max(al.similarity, out.get((a, b), 0.0))
        return out

    def counterparts(self, claim: Claim, among: Sequence[Claim]) -> list[Claim]:
        """The claims of ``among`` (one article's) aligned with ``claim`` that have no closer
        match in ``claim``'s article: a rewrite's copy of one claim ("Asked to describe the
        device that caused the explosion") is not the counterpart of another it shares words
        with ("too early to tell whether the explosion was caused by a bomb")."""
        sim, by_id = self._link_similarity, self.claim_by_id
        out = []
        for other in among:
            mine = sim.get((claim.id, other.id))
            if mine is None:
                continue
            rivals = (sim.get((other.id, c), 0.0) for c in self.claim_links.get(other.id, ())
                      if by_id[c].article_id == claim.article_id)
            if mine >= max(rivals, default=0.0) - 1e-9:
                out.append(other)
        return out

    def others(self, pair: ArticlePair) -> list[ArticleView]:
        """Articles of the event that are neither side of ``pair``."""
        return [v for v in self.views if v is not pair.rewrite and v is not pair.source]


def build_context(
    articles: list[Article],
    adocs: list,
    claims: list[Claim],
    parties: list[Party],
    alignments: list[Alignment],
    derivations: list[Derivation],
) -> DetectContext:
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    views = [ArticleView(a, d, by_article.get(a.id, [])) for a, d in zip(articles, adocs) if d is not None]
    vmap = {v.article.id: v for v in views}
    pairs = [
        _pair(vmap[d.source_id], vmap[d.rewrite_id], alignments)
        for d in derivations
        if d.source_id in vmap and d.rewrite_id in vmap and d.source_id != d.rewrite_id
    ]
    return DetectContext(views, list(claims), list(parties), list(alignments), pairs)


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
    return ArticlePair(source, rewrite, [by_rewrite[k] for k in order])


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


def reports_speech(claim: Claim) -> bool:
    """The claim reports something said (or stated "according to" someone), not a plan or a
    belief ("Tindall wanted to be there", "the map shows"): only then is its speaker an
    attribution that a rewrite can change or drop."""
    return claim.cue is None or claim.cue.cls in detection().speech_classes
