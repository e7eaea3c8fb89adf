"""Score attributed-claim extraction against brat (PolNeAR-style) gold.

Metrics (all computed on the exact article text the gold offsets refer to):

- **content P/R/F1.** A predicted content span and a gold content match when
  their character-overlap F1 is at least 0.5 (a discontinuous gold content is
  the union of its parts: 2·|overlap| / (|pred| + |gold|)). Matching is
  one-to-one: all pairs at or above the threshold are taken greedily, best F1
  first (ties: earlier gold, then earlier prediction). Precision = matched /
  predicted, recall = matched / gold.
- **source accuracy**, over matched pairs. When the gold attribution has a
  Source, the pair is correct iff the predicted speaker mention (its span in
  the text, which for a resolved pronoun is the pronoun itself) shares at least
  one non-space character with a gold Source part. When the gold has no Source
  (``Attribution-no-source``), it is correct iff no speaker was predicted. A
  predicted speaker given only by name, without a span, never counts. The
  stricter ``source_accuracy_strict`` asks for span F1 >= 0.5 instead of overlap.
- **cue accuracy**, over matched pairs whose gold has a Cue: the predicted cue
  span shares a non-space character with a gold Cue part.
- **direct-quote recall**: recall over the gold contents whose text starts
  with a quotation mark.
- **failures**: articles on which extraction raised; they count as predicting
  nothing.

``speech_only`` scores only the claims of kind speech or according-to (see
:mod:`claimrec.claims.kinds`): the view for gold that, like most quote corpora,
annotates reported speech but not beliefs or plans.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from pydantic import BaseModel, Field

from claimrec.evaluate.brat import GoldArticle, GoldAttribution, read_gold
from claimrec.evaluate.common import ratio, tables_as_text
from claimrec.models import InputError

MATCH_THRESHOLD = 0.5
QUOTE_START = tuple("\"“”‘’'«»„`")

Part = tuple[int, int]


@dataclass(frozen=True)
class Predicted:
    """One predicted attribution, as character ranges into the article text."""

    content: Part
    source: Optional[Part] = None
    cue: Optional[Part] = None
    has_speaker: bool = False


class Counts(BaseModel):
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    source_correct: int = 0
    source_correct_strict: int = 0
    cue_total: int = 0
    cue_correct: int = 0
    direct_gold: int = 0
    direct_matched: int = 0


class AttributionScores(BaseModel):
    system: str = "claimrec"
    gold_dir: str
    speech_only: bool = False
    articles: int
    failed_articles: int
    failed: list[str] = Field(default_factory=list)
    skipped: list[InputError] = Field(default_factory=list)
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    source_accuracy: float
    source_accuracy_strict: float
    cue_accuracy: float
    direct_quote_recall: float
    direct_gold: int
    seconds: float
    extract_seconds: float = 0.0
    parse_seconds: float = 0.0
    threshold: float = MATCH_THRESHOLD


def _length(parts: Sequence[Part]) -> int:
    return sum(e - s for s, e in parts)


def _overlap(a: Part, parts: Sequence[Part]) -> int:
    total = 0
    for s, e in parts:
        lo, hi = max(a[0], s), min(a[1], e)
        if hi > lo:
            total += hi - lo
    return total


def char_f1(pred: Part, gold: Sequence[Part]) -> float:
    denom = (pred[1] - pred[0]) + _length(gold)
    if denom <= 0:
        return 0.0
    return 2 * _overlap(pred, gold) / denom


def _shares_text(text: str, a: Part, parts: Sequence[Part]) -> bool:
    for s, e in parts:
        lo, hi = max(a[0], s), min(a[1], e)
        if hi > lo and text[lo:hi].strip():
            return True
    return False


def match(gold: Sequence[GoldAttribution], pred: Sequence[Predicted]) -> list[tuple[int, int, float]]:
    """One-to-one (gold index, pred index, F1) pairs at F1 >= threshold, best first."""
    pairs = []
    for gi, g in enumerate(gold):
        g_lo = min(s for s, _ in g.content)
        g_hi = max(e for _, e in g.content)
        for pi, p in enumerate(pred):
            if p.content[1] <= g_lo or p.content[0] >= g_hi:
                continue
            f = char_f1(p.content, g.content)
            if f >= MATCH_THRESHOLD:
                pairs.append((-f, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for neg_f, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, -neg_f))
    return out


def is_direct(text: str, g: GoldAttribution) -> bool:
    s, e = g.content[0]
    return text[s:e].lstrip().startswith(QUOTE_START)


def score_article(text: str, gold: Sequence[GoldAttribution], pred: Sequence[Predicted]) -> Counts:
    c = Counts(gold=len(gold), predicted=len(pred))
    c.direct_gold = sum(1 for g in gold if is_direct(text, g))
    for gi, pi, _f in match(gold, pred):
        g, p = gold[gi], pred[pi]
        c.matched += 1
        if is_direct(text, g):
            c.direct_matched += 1
        if g.has_source and g.source:
            if p.source is not None and _shares_text(text, p.source, g.source):
                c.source_correct += 1
                if char_f1(p.source, g.source) >= MATCH_THRESHOLD:
                    c.source_correct_strict += 1
        elif not p.has_speaker:
            c.source_correct += 1
            c.source_correct_strict += 1
        if g.cue:
            c.cue_total += 1
            if p.cue is not None and _shares_text(text, p.cue, g.cue):
                c.cue_correct += 1
    return c


def summarise(counts: Iterable[Counts], *, system: str, gold_dir: str, articles: int,
              failed: list[str], seconds: float, **extra) -> AttributionScores:
    total = Counts()
    for c in counts:
        for field in Counts.model_fields:
            setattr(total, field, getattr(total, field) + getattr(c, field))
    p = ratio(total.matched, total.predicted)
    r = ratio(total.matched, total.gold)
    f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return AttributionScores(
        system=system, gold_dir=gold_dir, articles=articles, failed_articles=len(failed), failed=failed,
        gold=total.gold, predicted=total.predicted, matched=total.matched,
        precision=p, recall=r, f1=f1,
        source_accuracy=ratio(total.source_correct, total.matched),
        source_accuracy_strict=ratio(total.source_correct_strict, total.matched),
        cue_accuracy=ratio(total.cue_correct, total.cue_total),
        direct_quote_recall=ratio(total.direct_matched, total.direct_gold),
        direct_gold=total.direct_gold, seconds=round(seconds, 2), **extra,
    )


def claims_to_predicted(claims) -> list[Predicted]:
    out = []
    for c in claims:
        sp = c.speaker
        out.append(Predicted(
            content=(c.content.start, c.content.end),
            source=(sp.span.start, sp.span.end) if sp is not None and sp.span is not None else None,
            cue=(c.cue.span.start, c.cue.span.end) if c.cue is not None and c.cue.span is not None else None,
            has_speaker=sp is not None,
        ))
    return out


def evaluate_predictor(gold_dir: Path, predict: Callable[[GoldArticle, object], list[Predicted]],
                       *, system: str, model: Optional[str] = None, limit: Optional[int] = None,
                       nlp=None, use_cache: bool = True) -> AttributionScores:
    """Score any extractor given as ``predict(gold_article, doc) -> [Predicted]``."""
    from claimrec.nlp import load_pipeline, parse_texts

    started = time.perf_counter()
    skipped: list[InputError] = []
    articles = read_gold(Path(gold_dir), limit=limit, skipped=skipped)
    nlp = nlp if nlp is not None else load_pipeline(model)
    t0 = time.perf_counter()
    docs = parse_texts([a.text for a in articles], nlp, use_cache=use_cache)
    parse_seconds = time.perf_counter() - t0
    counts: list[Counts] = []
    failed: list[str] = []
    extract_seconds = 0.0
    for article, doc in zip(articles, docs):
        t1 = time.perf_counter()
        try:
            pred = predict(article, doc)
        except Exception:  # an extractor that raises fails the article, not the run
            failed.append(article.name)
            pred = []
        extract_seconds += time.perf_counter() - t1
        counts.append(score_article(article.text, article.attributions, pred))
    return summarise(counts, system=system, gold_dir=str(gold_dir), articles=len(articles), failed=failed,
                     skipped=skipped, seconds=time.perf_counter() - started, extract_seconds=round(extract_seconds, 2),
                     parse_seconds=round(parse_seconds, 2))


def claimrec_predictor(article: GoldArticle, doc, speech_only: bool = False) -> list[Predicted]:
    from claimrec.claims import extract_claims
    from claimrec.claims.kinds import speech_only as only_speech
    from claimrec.models import Article
    from claimrec.text.document import annotate

    art = Article(id=article.name, path=str(article.ann_path), text=article.text)
    claims = extract_claims(art, annotate(art.id, art.text, doc))
    return claims_to_predicted(only_speech(claims) if speech_only else claims)


def evaluate_attribution(gold_dir, model: Optional[str] = None, limit: Optional[int] = None,
                         speech_only: bool = False) -> AttributionScores:
    """claimrec's extractor against the gold in ``gold_dir`` (only speech claims with ``speech_only``)."""
    def predict(article: GoldArticle, doc) -> list[Predicted]:
        return claimrec_predictor(article, doc, speech_only=speech_only)

    scores = evaluate_predictor(Path(gold_dir), predict, system="claimrec", model=model, limit=limit)
    if speech_only:
        scores = scores.model_copy(update={"speech_only": True, "system": "claimrec (speech only)"})
    return scores


_ROWS = [
    ("articles", "articles", "{}"),
    ("failed articles", "failed_articles", "{}"),
    ("gold contents", "gold", "{}"),
    ("predicted", "predicted", "{}"),
    ("matched (char-F1 >= 0.5)", "matched", "{}"),
    ("content precision", "precision", "{:.3f}"),
    ("content recall", "recall", "{:.3f}"),
    ("content F1", "f1", "{:.3f}"),
    ("source accuracy", "source_accuracy", "{:.3f}"),
    ("source accuracy (strict)", "source_accuracy_strict", "{:.3f}"),
    ("cue accuracy", "cue_accuracy", "{:.3f}"),
    ("direct-quote recall", "direct_quote_recall", "{:.3f}"),
    ("extract seconds", "extract_seconds", "{:.1f}"),
    ("total seconds", "seconds", "{:.1f}"),
]


def render_attribution(scores, fmt: str = "table") -> str:
    """``scores`` (one AttributionScores or a list, e.g. claimrec and textacy) as a table or JSON."""
    many = list(scores) if isinstance(scores, (list, tuple)) else [scores]
    if fmt == "json":
        data = [s.model_dump() for s in many]
        return json.dumps(data if len(data) > 1 else data[0], indent=2)
    from rich.table import Table

    table = Table(title=f"Attribution: {Path(many[0].gold_dir).name}")
    table.add_column("metric")
    for s in many:
        table.add_column(s.system, justify="right")
    for label, key, fmt_ in _ROWS:
        table.add_row(label, *[fmt_.format(getattr(s, key)) for s in many])
    return tables_as_text(table)
