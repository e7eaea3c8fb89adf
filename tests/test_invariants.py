"""A copy cannot distort its source: over real news the project ships (the example event and the
openly licensed texts of the quote gold set), an identical copy, a quote-style/spacing/wrapping
reflow, a neutral reporting-verb swap and re-joined paragraphs give no rewrite finding at all.
The same check over the dev datasets is `claimrec eval perturb DIR --kinds identical,reflow,...`."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimrec.evaluate.perturb import evaluate_perturb

ROOT = Path(__file__).resolve().parent.parent
CONTROLS = ["identical", "reflow", "neutral_verb_swap", "paragraphs_rejoined"]


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["data/examples/meta-kazakhstan", "data/gold/quotes/text"])
def test_benign_copies_raise_no_rewrite_finding(folder):
    scores = evaluate_perturb(ROOT / folder, seed=0, kinds=CONTROLS)
    cases = [c for c in scores.cases if c.kind in CONTROLS]
    assert len(cases) >= 2 * len(CONTROLS) - 1
    alarms = [(c.kind, c.article_id, [f"{a.kind}: {a.summary[:120]}" for a in c.alarms]) for c in cases if c.alarms]
    failed = [(c.kind, c.article_id, c.failed) for c in cases if c.failed]
    assert not failed, failed
    assert not alarms, alarms
