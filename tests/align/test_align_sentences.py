"""Rewrite-to-source sentence alignment: the seed pair and small real-text cases."""

from __future__ import annotations

import pytest

from claimrec.align import align_articles, align_pair
from claimrec.ingest import read_inputs
from claimrec.models import Article


def _art(aid, text, role):
    return Article(id=aid, path=f"{aid}.txt", text=text, role=role)


@pytest.fixture(scope="module")
def seed_alignment(seed_dir, annotated):
    articles = read_inputs([str(seed_dir)]).articles
    docs = [annotated(a) for a in articles]
    alignments, derivations = align_articles(articles, docs, [])
    return articles, alignments, derivations


NEW_IN_REWRITE = ("Zakon.kz", "We have a consistent, global process", "Kazakhstan can use the content reporting system")

# rewrite sentence (by a phrase in it) -> a phrase of the wire sentence it came from
CAME_FROM = {
    "has rejected claims by the Kazakh government": "denied a claim by the Kazakh government",
    "so-called exclusive access": "In what it called a joint statement",
    "will simplify the process": "would streamline the process",
    # a loose paraphrase of McConaghy's statement: either of his two sentences will do
    "a company spokesperson said": ("Firstly, we did not issue", "is the same process that governments"),
    "reporting content that you believe violates local laws": "restrict content that violates local law",
    "same as in other countries of the world": "is not an exclusive to Kazakhstan",
    "Meta issued a statement": "we did not issue a joint statement",
    "began passing a bill": "started working on a bill",
    "appoints a general manager": "appoint executives personally responsible",
    "Congressman Aydos Sarim": "Deputy Aidos Sarym",
    "19 million residents": "Critics of the bill have accused",
    "preventing the spread of cyberbullying": "aims to prevent cyber-bullying",
    "at least 3.2 million Facebook users": "at least 3.2 million Facebook users",
    "Instagram and WhatsApp are more popular": "Instagram and WhatsApp are even more popular",
    "criticized by human rights organizations": "criticism from rights group",
    "avoided shutting down": "mostly avoided shutdowns",
    "India, Vietnam and Myanmar": "India, Vietnam and Myanmar",
}


def test_seed_every_rewrite_sentence_aligned_except_the_three_new(seed_alignment):
    articles, alignments, _ = seed_alignment
    rewrite = next(a for a in articles if a.role == "rewrite")
    sentences = [a for a in alignments if a.level == "sentence"]
    assert sentences and all(a.spans[0].article_id == rewrite.id for a in sentences)
    new = [a.spans[0].text for a in sentences if a.relation == "new"]
    assert len(new) == 3
    for phrase in NEW_IN_REWRITE:
        assert any(phrase in t for t in new), phrase
    for a in sentences:
        if a.relation != "new":
            assert len(a.spans) >= 2


@pytest.mark.parametrize("rewrite_phrase,wire_phrase", sorted(CAME_FROM.items()))
def test_seed_rewrite_sentence_maps_to_its_wire_sentence(seed_alignment, rewrite_phrase, wire_phrase):
    _, alignments, _ = seed_alignment
    hits = [a for a in alignments if a.level == "sentence" and rewrite_phrase in a.spans[0].text]
    assert len(hits) == 1
    assert hits[0].relation == "rewritten"
    accepted = wire_phrase if isinstance(wire_phrase, tuple) else (wire_phrase,)
    assert any(p in s.text for s in hits[0].spans[1:] for p in accepted), [s.text[:60] for s in hits[0].spans[1:]]


def test_seed_derivation_label_and_share(seed_alignment):
    articles, alignments, derivations = seed_alignment
    assert len(derivations) == 1
    d = derivations[0]
    assert d.label in ("wholly", "partially")
    assert d.sentences == d.verbatim + d.rewritten + d.new == sum(a.level == "sentence" for a in alignments)
    assert d.new == 3
    assert d.derived_share == pytest.approx((d.verbatim + d.rewritten) / d.sentences, abs=1e-3)


def test_seed_headline_line_aligns_to_the_lead_or_is_new(seed_dir, annotated, wire_path, rewrite_path):
    """With the headline left in the body, it maps to the wire's first sentence (or is new)."""
    wire = read_inputs([str(wire_path)]).articles[0]
    raw = rewrite_path.read_text(encoding="utf-8")
    assert raw.startswith("Facebook denies allegations")
    src, rw = _art("w", wire.text, "source"), _art("r", raw, "rewrite")
    alignments, _ = align_pair(src, annotated(src), rw, annotated(rw))
    head = alignments[0]
    assert head.spans[0].text.startswith("Facebook denies allegations")
    if head.relation != "new":
        assert [s.start for s in head.spans[1:]] == [0]


SOURCE = (
    "The central bank raised its key interest rate by half a percentage point on Thursday. "
    "Governor Maria Lopez said inflation remained too high and further increases could follow. "
    "Economists had expected a smaller move. "
    "The currency rose 1.2 percent against the dollar after the announcement, while bond yields "
    "climbed to their highest level since 2008."
)


def _pair(annotated, rewrite_text):
    src, rw = _art("s", SOURCE, "source"), _art("r", rewrite_text, "rewrite")
    return align_pair(src, annotated(src), rw, annotated(rw))


def test_verbatim_copy(annotated):
    alignments, d = _pair(annotated, "Economists had expected a smaller move.")
    assert alignments[0].relation == "verbatim" and d.label == "wholly"


def test_split_sentence_maps_both_parts_to_one_source(annotated):
    alignments, _ = _pair(annotated, (
        "The currency gained 1.2 percent against the dollar following the announcement. "
        "Bond yields climbed to the highest level since 2008."))
    assert [a.relation for a in alignments] == ["rewritten", "rewritten"]
    assert alignments[0].spans[1].start == alignments[1].spans[1].start == SOURCE.index("The currency")


def test_merged_sentences_map_to_several_sources(annotated):
    alignments, _ = _pair(annotated, (
        "On Thursday the central bank lifted its key interest rate by half a point, a bigger move "
        "than economists had expected."))
    starts = {s.start for s in alignments[0].spans[1:]}
    assert {0, SOURCE.index("Economists")} <= starts


def test_new_material_with_new_names_is_new(annotated):
    alignments, d = _pair(annotated, (
        "The central bank raised its key rate by half a point on Thursday. "
        "Finance Minister Jorge Alvarez, speaking in Geneva, praised the decision as brave."))
    assert [a.relation for a in alignments] == ["rewritten", "new"]
    assert d.label == "partially" and d.derived_share == 0.5


def test_invented_quote_is_new_even_when_it_shares_words(annotated):
    alignments, _ = _pair(annotated, (
        "The central bank raised its key rate by half a point on Thursday. "
        "\"We will keep raising the key rate until inflation is defeated,\" Governor Maria Lopez said. "
        "Economists had expected a smaller move."))
    assert [a.relation for a in alignments] == ["rewritten", "new", "verbatim"]


def test_unrelated_text_is_non_derived(annotated):
    alignments, d = _pair(annotated, "The football club signed a new striker from Brazil. Fans cheered at the stadium.")
    assert all(a.relation == "new" for a in alignments) and d.label == "non"


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u201c\u201d", "Word", "... !!! ???"])
def test_bad_input_never_crashes(annotated, text):
    alignments, d = _pair(annotated, text)
    assert d.sentences == len(alignments)


def test_only_source_rewrite_pairs_are_sentence_aligned(annotated):
    arts = [_art("a", SOURCE, "peer"), _art("b", SOURCE, "peer")]
    alignments, derivations = align_articles(arts, [annotated(a) for a in arts], [])
    assert alignments == [] and derivations == []


def test_a_short_sentence_with_a_name_put_in_stays_where_its_neighbours_put_it(annotated):
    # "Combetta" is the rarest word the rewrite sentence has, and another source sentence holds
    # it; the sentence between the rewrite's aligned neighbours is the same words with one name
    # changed, and that is where it came from
    source = ("Republicans wanted to know who else beside Pagliano and Combetta received immunity deals.\n\n"
              "Lawmakers also asked whether the deals required the recipients to cooperate with the committee.\n\n"
              "Kadzik wouldn't say.\n\n"
              "The hearing ended shortly after noon, and no date was set for the next one.")
    src = _art("s", source, "source")
    rw = _art("r", source.replace("Kadzik wouldn't say.", "Combetta wouldn't say."), "rewrite")
    alignments, _ = align_pair(src, annotated(src), rw, annotated(rw))
    third = alignments[2]
    assert third.spans[0].text == "Combetta wouldn't say."
    assert [sp.text for sp in third.spans[1:]] == ["Kadzik wouldn't say."]
