"""Bad input never crashes detection."""

from __future__ import annotations

import pytest

from claimrec.detect import detect_findings


@pytest.mark.parametrize("source,rewrite", [
    ("", ""),
    ("Hi", "Hi"),
    ("\u201cUnbalanced quote that never closes, said the mayor.", '"Another one, he said.'),
    ("\u200b\u202e\ufeff \U0001f600 \u00a0 ---", "\x00\x01 \u2028 \u2029"),
    ("Prices rose 5%.", "Prices rose 5 per cent. Prices rose five percent. Prices rose \u00a35bn."),
    ("'' `` '' \" \" ' '", "\u00ab \u00bb \u201e \u201c"),
    ("The 19m. The m. 1,2,3,4. 3..2 million. \u00a3. $.", "On 31 February at 25:99 pm, 99999999999999999999 people."),
])
def test_odd_texts(reconcile, source, rewrite):
    report = reconcile(source, rewrite)
    for f in report.findings:
        assert f.evidence


def test_rewrite_only_peers_and_nothing_aligned(reconcile):
    report = reconcile("The council approved the budget.", None, "A storm hit the coast on Sunday.")
    assert all(f.kind == "party_contradiction" for f in report.findings)


def test_no_articles_or_docs():
    assert detect_findings([], [], [], [], [], []) == []
    assert detect_findings([], None, None, None, None, None) == []


def test_long_article_stays_fast(reconcile):
    import time

    places = ["council", "bridge", "school", "hospital", "road", "park", "library", "station", "market", "port"]
    source = " ".join(f"The {places[i % 10]} board approved {i + 10} new buses for district {i}, "
                      f"officials in {places[(i * 3) % 10]} said on Monday." for i in range(200))
    rewrite = source.replace("approved 57 new", "approved 957 new")
    started = time.perf_counter()
    report = reconcile(source, rewrite)
    assert time.perf_counter() - started < 30
    assert [f.kind for f in report.findings] == ["number_changed"]
