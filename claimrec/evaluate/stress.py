"""Robustness check: run every stage on real texts, whole and damaged, and count failures.

Damaged copies (cut at a random point; stray quote marks, brackets, dashes, line breaks
and invisible unicode inserted) are what real inputs look like after a bad copy-paste or a
truncated download. A run passes when no unit of work recorded an internal error and no
exception escaped the pipeline's boundaries. ``benchmarks/stress.py`` runs it on every
dataset text; the test suite on the project's own texts.
"""

from __future__ import annotations

import random
import traceback
from dataclasses import dataclass, field
from typing import Callable, Sequence

from claimrec.models import Article, Report
from claimrec.pipeline import PipelineConfig, extract_articles, reconcile_articles

STRAYS = ('"', "“", "”", "‘", "’", "'", "«", "»", "„", "``", "''", "(", ")", "[", "]", "{", "}",
          "—", "–", "…", "\u00a0", "\u200b", "\ufeff", ":", ";", "\n", "\n\n", "•", "¶", "§")


def damage(text: str, rng: random.Random) -> dict[str, str]:
    """Three damaged copies of ``text``: cut short, sprinkled with strays, both."""
    cut = text[: rng.randint(1, len(text) - 1)] if len(text) > 1 else text
    chars = list(text)
    for _ in range(max(3, len(text) // 150)):
        chars.insert(rng.randint(0, len(chars)), rng.choice(STRAYS))
    strays = "".join(chars)
    both = strays[: rng.randint(1, len(strays) - 1)] if len(strays) > 1 else strays
    return {"cut": cut, "strays": strays, "cut+strays": both}


@dataclass
class StressResult:
    runs: int = 0
    internal: list[dict] = field(default_factory=list)
    escaped: list[dict] = field(default_factory=list)

    def record(self, what: str, build: Callable[[], Report]) -> None:
        self.runs += 1
        try:
            report = build()
        except Exception as exc:  # an exception no boundary caught: exactly what is counted
            self.escaped.append({"run": what, "error": f"{exc.__class__.__name__}: {exc}",
                                 "traceback": traceback.format_exc(limit=8)})
            return
        for err in report.errors:
            if err.kind == "internal":
                self.internal.append({"run": what, "path": err.path, "stage": err.stage,
                                      "reason": err.reason})

    @property
    def ok(self) -> bool:
        return not self.internal and not self.escaped


def _article(aid: str, text: str, role: str = "peer") -> Article:
    return Article(id=aid, path=f"{aid}.txt", text=text, role=role)


def stress(texts: Sequence[tuple[str, str]], pairs: Sequence[tuple[str, str, str]],
           config: PipelineConfig, *, seed: int = 7, events: Sequence[Sequence[str]] = ()) -> StressResult:
    """Extract every text and its damaged copies; reconcile every text alone and each group of
    ``events`` (ids of ``texts``); diff every (id, source, rewrite) pair and every damaged copy
    against its intact text."""
    rng = random.Random(seed)
    result = StressResult()
    intact = dict(texts)
    damaged = [(f"{aid}~{how}", t) for aid, text in texts for how, t in damage(text, rng).items()]
    for aid, text in list(texts) + damaged:
        if text.strip():
            result.record(f"extract {aid}", lambda: extract_articles([_article(aid, text)], config))
    for aid, text in texts:
        result.record(f"reconcile {aid}", lambda: reconcile_articles([_article(aid, text)], config))
    for k, ids in enumerate(events):
        group = [_article(aid, intact[aid]) for aid in ids if aid in intact]
        result.record(f"reconcile event {k}", lambda: reconcile_articles(group, config))
    for pid, source, rewrite in pairs:
        result.record(f"diff {pid}", lambda: reconcile_articles(
            [_article(f"{pid}-a", source, "source"), _article(f"{pid}-b", rewrite, "rewrite")], config))
    for aid, text in damaged:
        base = aid.split("~")[0]
        if text.strip():
            result.record(f"diff {aid}", lambda: reconcile_articles(
                [_article(base, intact[base], "source"), _article(aid, text, "rewrite")], config))
    return result
