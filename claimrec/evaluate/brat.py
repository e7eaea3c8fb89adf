"""A reader for brat standoff attribution gold (the PolNeAR layout).

Layout: ``DIR/text/NAME.txt`` holds an article, ``DIR/attributions/NAME_ANNOTATOR.ann``
its annotations. Some articles were annotated by several people; exactly one file
is used per article, the first by sorted file name, so every run scores the
same gold.

``T`` lines are text-bound spans (``T3<TAB>Content 10 20;25 30<TAB>text``), with
discontinuous spans given as ``;``-separated ``start end`` pairs. ``E`` lines tie
them into one attribution (``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``)
and may name ids defined further down the file, so the whole file is read before
events are resolved. ``Attribution-no-source`` events have no Source. A second
content role (``Content2``) continues the first one (a quote resumed after
"he said") and is merged into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from claimrec.evaluate.common import read_text
from claimrec.models import InputError

Part = tuple[int, int]

EVENT_TYPES = ("Attribution", "Attribution-no-source")


@dataclass(frozen=True)
class TextBound:
    id: str
    label: str
    parts: tuple[Part, ...]
    text: str


@dataclass
class GoldAttribution:
    """One gold attribution: content parts, plus source and cue parts when given."""

    id: str
    content: list[Part] = field(default_factory=list)
    source: list[Part] = field(default_factory=list)
    cue: list[Part] = field(default_factory=list)
    has_source: bool = True


@dataclass
class GoldArticle:
    name: str
    text: str
    ann_path: Path
    attributions: list[GoldAttribution] = field(default_factory=list)


def _parse_parts(spec: str) -> Optional[tuple[Part, ...]]:
    parts: list[Part] = []
    for chunk in spec.split(";"):
        bits = chunk.split()
        if len(bits) != 2:
            return None
        try:
            start, end = int(bits[0]), int(bits[1])
        except ValueError:
            return None
        if end < start:
            return None
        parts.append((start, end))
    return tuple(parts) if parts else None


def parse_ann(text: str) -> list[GoldAttribution]:
    """Attributions from one ``.ann`` file's text; malformed lines are skipped."""
    bounds: dict[str, TextBound] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        cols = line.split("\t")
        ident = cols[0].strip()
        if ident.startswith("T") and len(cols) >= 2:
            head = cols[1].split(" ", 1)
            if len(head) != 2:
                continue
            parts = _parse_parts(head[1])
            if parts is None:
                continue
            bounds[ident] = TextBound(ident, head[0], parts, cols[2] if len(cols) > 2 else "")
        elif ident.startswith("E") and len(cols) >= 2:
            args = []
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                if ref:
                    args.append((role, ref))
            events.append((ident, args))

    out: list[GoldAttribution] = []
    for ident, args in events:
        if not args or args[0][0] not in EVENT_TYPES:
            continue
        gold = GoldAttribution(id=ident, has_source=args[0][0] == "Attribution")
        for role, ref in args[1:]:
            bound = bounds.get(ref)
            if bound is None:
                continue
            base = role.rstrip("0123456789")  # Content2 continues Content
            if base == "Content":
                gold.content.extend(bound.parts)
            elif base == "Source":
                gold.source.extend(bound.parts)
            elif base == "Cue":
                gold.cue.extend(bound.parts)
        if gold.content:
            gold.content.sort()
            gold.has_source = gold.has_source and bool(gold.source)
            out.append(gold)
    out.sort(key=lambda g: (g.content[0], g.id))
    return out


def _annotation_files(ann_dir: Path) -> dict[str, Path]:
    """Article name -> the one annotation file used for it (first by sorted name)."""
    chosen: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        stem = path.stem
        name, sep, _annotator = stem.rpartition("_")
        key = name if sep else stem
        chosen.setdefault(key, path)
    return chosen


def read_gold(gold_dir: Path, limit: Optional[int] = None,
              skipped: Optional[list[InputError]] = None) -> list[GoldArticle]:
    """Articles (sorted by name) that have both a text and an annotation file.

    A text or annotation file that is empty, binary or undecodable is left out
    and recorded in ``skipped`` (path and reason), so the scores say which
    articles they do not cover.
    """
    gold_dir = Path(gold_dir)
    text_dir = gold_dir / "text"
    ann_dir = gold_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"{gold_dir}: expected text/ and attributions/ folders")
    anns = _annotation_files(ann_dir)
    articles: list[GoldArticle] = []
    for txt in sorted(text_dir.glob("*.txt")):
        ann = anns.get(txt.stem)
        if ann is None:
            continue
        text = read_text(txt, skipped)
        if text is None:
            continue
        ann_text = read_text(ann, skipped)
        if ann_text is None:
            continue
        attributions = parse_ann(ann_text)
        articles.append(GoldArticle(name=txt.stem, text=text, ann_path=ann, attributions=attributions))
        if limit is not None and len(articles) >= limit:
            break
    return articles
