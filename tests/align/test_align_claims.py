"""Claim alignment across articles, and blocking that keeps the comparisons linear."""

from __future__ import annotations

import itertools
import random

from claimrec.align import BlockingStats, align_claims, candidate_pairs
from claimrec.models import Article, Claim, Cue, make_span


def _article(aid, sentences):
    return Article(id=aid, path=f"{aid}.txt", text=" ".join(sentences))


def _claims(art, cue_words=("said", "says", "told reporters", "denied", "added")):
    """One claim per sentence: content is what follows the first cue word."""
    out, pos = [], 0
    for n, sent in enumerate(art.text.split(". ")):
        start = art.text.index(sent, pos)
        end = start + len(sent)
        pos = end
        cue = next((c for c in cue_words if f" {c} " in sent), None)
        if cue is None:
            continue
        c_start = start + sent.index(f" {cue} ") + len(cue) + 2
        out.append(Claim(
            id=f"{art.id}:c{n + 1}", article_id=art.id,
            cue=Cue(text=cue, lemma=cue.split()[0], cls="denial" if cue == "denied" else "neutral"),
            content=make_span(art.id, art.text, c_start, end),
            sentence=make_span(art.id, art.text, start, end), confidence=0.9))
    return out


def _align(nlp, a_sents, b_sents):
    a, b = _article("a", a_sents), _article("b", b_sents)
    claims = _claims(a) + _claims(b)
    return claims, align_claims([a, b], [nlp(a.text), nlp(b.text)], claims)


def _relation(alignments, a_id, b_id):
    for al in alignments:
        if set(al.claim_ids) == {a_id, b_id}:
            return al.relation
    return None


def test_verbatim_paraphrase_partial_and_unrelated(nlp):
    claims, alignments = _align(nlp, [
        "The ministry said at least 3.2 million people use Facebook in Kazakhstan.",
        "The company denied it had granted the government exclusive access to its reporting system.",
        "The mayor said the new bridge would open in June.",
        "A spokesman said talks with the unions would resume next week.",
    ], [
        "Officials said at least 3.2 million people use Facebook in Kazakhstan.",
        "Meta denied giving the Kazakh government exclusive access to the content reporting system.",
        "The mayor told reporters the new bridge would open in June, although delays were possible "
        "because of the weather and a shortage of steel across the region.",
        "The striker said he was happy to score twice in the cup final.",
    ])
    assert _relation(alignments, "a:c1", "b:c1") == "verbatim"
    assert _relation(alignments, "a:c2", "b:c2") == "paraphrase"
    assert _relation(alignments, "a:c3", "b:c3") in ("partial", "paraphrase")
    assert _relation(alignments, "a:c4", "b:c4") is None
    assert all(0.0 <= al.similarity <= 1.0 for al in alignments)
    # never within one article
    assert all(al.claim_ids[0].split(":")[0] != al.claim_ids[1].split(":")[0] for al in alignments)


def test_changed_number_still_aligns(nlp):
    _, alignments = _align(nlp, ["The government said at least 3.2 million people use Facebook in Kazakhstan."],
                           ["The government said at least 5 million people use Facebook in Kazakhstan."])
    assert _relation(alignments, "a:c1", "b:c1") in ("paraphrase", "partial")


def test_many_to_many(nlp):
    _, alignments = _align(nlp, [
        "The company said it would close the Leipzig plant and cut 2,000 jobs by March.",
    ], [
        "The carmaker said it would close the Leipzig plant.",
        "A union leader said the carmaker would cut 2,000 jobs by March.",
    ])
    assert _relation(alignments, "a:c1", "b:c1") is not None
    assert _relation(alignments, "a:c1", "b:c2") is not None


# --- blocking ---------------------------------------------------------------------------------

_SYLLABLES = ["ka", "lo", "mi", "ra", "tu", "sen", "vo", "dri", "pel", "zan", "mo", "fir", "gu", "ne"]
_TOPICS = ["bridge", "budget", "tariff", "pipeline", "vaccine", "election", "strike", "merger"]


def _synthetic(n, seed=7):
    """Two articles, n claims each; claim i in one restates claim i in the other.

    Names and amounts are distinct per claim (as in a real multi-event corpus, where most
    names belong to one story); topics and the reporting words are shared by many claims."""
    rng = random.Random(seed)
    names = ["".join(p).capitalize() for p in itertools.product(_SYLLABLES, repeat=3)]
    rng.shuffle(names)
    a, b = [], []
    for i in range(n):
        who, place, topic = names[2 * i], names[2 * i + 1], rng.choice(_TOPICS)
        amount = 1000 + 7 * i
        a.append(f"Minister {who} said the {topic} in {place} would cost {amount} million dollars.")
        b.append(f"Officials said {who} expects the {place} {topic} to cost {amount} million dollars.")
    return a, b


def test_blocking_compares_about_linearly_many_pairs(nlp):
    """Doubling the claims about doubles the compared pairs; all pairs would quadruple them."""
    counts = {}
    for size in (100, 200, 400):
        a_sents, b_sents = _synthetic(size)
        a, b = _article("a", a_sents), _article("b", b_sents)
        claims = _claims(a) + _claims(b)
        assert len(claims) == 2 * size
        with nlp.select_pipes(disable=["parser"]):  # claim features need tags, lemmas and entities
            docs = list(nlp.pipe([a.text, b.text]))
        stats = BlockingStats()
        alignments = align_claims([a, b], docs, claims, stats=stats)
        counts[size] = stats.compared_pairs
        found = {tuple(al.claim_ids) for al in alignments}
        hits = sum((f"a:c{i + 1}", f"b:c{i + 1}") in found for i in range(size))
        assert hits >= 0.9 * size  # each restatement is still found
        assert stats.skipped_keys > 0  # "said", "million", the topics: too common to block on
        assert counts[size] < 0.05 * size * size  # far below all cross-article pairs
    assert counts[200] <= 2.6 * counts[100]
    assert counts[400] <= 2.6 * counts[200]


def test_candidate_pairs_skips_common_keys():
    stats = BlockingStats()
    keysets = [{"said", f"name{i}"} for i in range(100)] + [{"said", "name5"}]
    pairs = candidate_pairs(keysets, max_postings=10, stats=stats)
    assert pairs == [(5, 100)] and stats.skipped_keys == 1
