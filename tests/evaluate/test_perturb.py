"""The distortion-injection suite: transformations on real parses, the scorer, the runner and the command."""

from __future__ import annotations

import difflib
import json
import random
import typing

import pytest
from click.testing import CliRunner

from claimrec.cli import cli
from claimrec.evaluate.perturb import (
    DISTORTIONS, TRANSFORMS, evaluate_perturb, is_control, is_deletion, make_perturbations, parse_kinds,
    render_perturb, score_case,
)
from claimrec.evaluate.perturb_controls import identical, neutral_verb_swap, reflow, rejoin_paragraphs
from claimrec.evaluate.perturb_text import Perturbation, lexicon, paragraphs, quote_spans, words
from claimrec.models import Finding, FindingKind, Span

# written for these tests: one of each site the transformations look for
COUNCIL = """City council approves budget after heated debate.

The Riverside city council on Tuesday approved a $42 million budget, ending a three-month standoff that had threatened to close two libraries.

Mayor Linda Okafor said the plan would protect 120 jobs and keep every branch open through 2025. "This budget is about keeping our promises to the people of this city," she said.

Council member Peter Walsh accused the mayor of hiding the true cost of the pension fund. He said the figures were "a fantasy" and voted against the measure.

Okafor denied that any costs had been hidden. According to the city auditor, the pension gap could reach $8 million by March.

In what it called a final offer, the firefighters' union agreed to a wage freeze. The union had allegedly threatened a strike in September.

"We did not want to walk away, but we could not accept cuts to staffing," union president Carla Mendes told reporters.
"""

SEEDS = range(4)
FINDING_KINDS = set(typing.get_args(FindingKind))


@pytest.fixture(scope="module")
def texts(nlp, seed_dir):
    from claimrec.ingest import read_inputs

    bodies = [COUNCIL] + [a.text for a in read_inputs([str(seed_dir)], assign=False).articles]
    return [(t, nlp(t)) for t in bodies]


def _all(texts, kind):
    for text, doc in texts:
        for seed in SEEDS:
            made = TRANSFORMS[kind](text, doc, random.Random(f"{seed}/{kind}"))
            if made is not None:
                yield text, made


# ---- every transformation ---------------------------------------------------------------------------

def test_every_kind_has_data_and_a_function():
    kinds = lexicon()["kinds"]
    assert set(kinds) == set(TRANSFORMS)
    for kind, spec in kinds.items():
        assert set(spec.get("expected", [])) <= FINDING_KINDS
        assert bool(spec.get("expected")) != bool(spec.get("control")), kind


@pytest.mark.parametrize("kind", list(DISTORTIONS))
def test_distortion_is_valid_and_its_span_points_at_the_change(texts, kind):
    made = list(_all(texts, kind))
    assert made, f"{kind} found no site in the test articles"
    for source, p in made:
        start, end = p.span
        s0, s1 = p.source_span
        assert p.kind == kind and p.text != source
        assert 0 <= start <= end <= len(p.text) and 0 <= s0 <= s1 <= len(source)
        assert set(p.expected) <= FINDING_KINDS and p.expected
        assert p.text[:min(start, s0)] == source[:min(start, s0)]
        if is_deletion(kind):
            removed = source[s0:s1]
            assert start == end and removed.strip()
            assert len(p.text) <= len(source) - len(removed)
            assert p.text.count(removed) < source.count(removed)
        else:
            assert p.changed and p.changed == p.text[start:end]
            assert source.endswith(p.text[end:]) and p.text.endswith(source[s1:])


def test_edits_read_naturally(texts, nlp):
    """The copies keep their sentence shape: capitals where a sentence starts, no doubled spaces or stray commas."""
    for kind in DISTORTIONS:
        for source, p in _all(texts, kind):
            for bad in ("  ", " ,", " .", ",,", "..", "\n "):
                assert p.text.count(bad) <= source.count(bad), (kind, bad, p.description)
            for sent in nlp(p.text).sents:
                first = next((t for t in sent if t.is_alpha), None)
                if first is not None and not sent.text.lstrip().startswith(("'", '"', "“")):
                    assert not first.text[0].islower() or first.text in {"iPhone", "eBay"}, (kind, sent.text)


def test_entity_swap_uses_another_entity_of_the_same_type(texts):
    for source, p in _all(texts, "entity_swap"):
        old = source[p.source_span[0]:p.source_span[1]]
        assert not (set(old.lower().split()) & set(p.changed.lower().removeprefix("the ").split()))


def test_negation_flips_exactly_one_not(texts):
    for source, p in _all(texts, "negation"):
        def nots(s):
            return sum(w.lower() in {"not", "t"} for w in words(s))  # "n't" splits to "n", "t"
        assert abs(nots(p.text) - nots(source)) == 1 or "n't" in p.description or "n’t" in p.description


def test_quote_words_changed_stays_inside_a_quote(texts):
    for source, p in _all(texts, "quote_words_changed"):
        assert any(q0 <= p.source_span[0] and p.source_span[1] <= q1 for q0, q1 in quote_spans(source))
        assert "quote_altered" in p.expected


def test_quote_invented_adds_a_quote_by_someone_of_the_article(texts):
    for source, p in _all(texts, "quote_invented"):
        assert any(p.span[0] <= q0 and q1 <= p.span[1] for q0, q1 in quote_spans(p.text))
        start, end = p.span
        assert any(p.text[:start - len(glue)] + p.text[end:] == source for glue in ("\n\n", "\n", " "))


def test_council_offers_every_distortion(nlp):
    doc = nlp(COUNCIL)
    missing = [k for k, f in DISTORTIONS.items() if f(COUNCIL, doc, random.Random(0)) is None]
    assert not missing


def test_role_swap_trades_the_arguments(nlp):
    doc = nlp(COUNCIL)
    changed = {TRANSFORMS["role_swap"](COUNCIL, doc, random.Random(seed)).changed for seed in range(12)}
    # the sentence-initial subject loses its capital only when it is not a name
    assert changed == {"The mayor accused Council member Peter Walsh", "reporters told union president Carla Mendes"}


# ---- controls ---------------------------------------------------------------------------------------------

def test_identical_is_identical():
    p = identical(COUNCIL)
    assert p.text == COUNCIL and not p.expected


@pytest.mark.parametrize("seed", SEEDS)
def test_reflow_changes_no_word(texts, seed):
    for text, _ in texts:
        p = reflow(text, random.Random(seed))
        assert p.text != text and words(p.text) == words(text) and not p.expected


def test_reflow_flips_quote_style(texts):
    for text, _ in texts:
        p = reflow(text, random.Random(0))
        if '"' in text and "“" not in text:
            assert "“" in p.text and '"' not in p.text
        elif "“" in text:
            assert "“" not in p.text


@pytest.mark.parametrize("seed", SEEDS)
def test_rejoined_paragraphs_change_no_word(texts, seed):
    for text, _ in texts:
        p = rejoin_paragraphs(text, random.Random(seed))
        assert p is not None and words(p.text) == words(text)
        assert len(paragraphs(p.text)) < len(paragraphs(text))


@pytest.mark.parametrize("seed", SEEDS)
def test_neutral_verb_swap_changes_only_reporting_verbs(texts, seed):
    table = lexicon()["neutral_verbs"]
    for text, doc in texts:
        p = neutral_verb_swap(text, doc, random.Random(seed))
        assert p is not None and not p.expected
        old, new = words(text), words(p.text)
        ops = [op for op in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes() if op[0] != "equal"]
        assert ops
        for tag, i0, i1, j0, j1 in ops:
            was, now = " ".join(old[i0:i1]).lower(), " ".join(new[j0:j1]).lower()
            assert any(now in (r.lower() for r in table.get(w, [])) or f"{now}".startswith(table.get(w, ["?"])[0])
                       for w in was.split()), (was, now)


# ---- determinism -------------------------------------------------------------------------------------------

def test_seed_makes_copies_deterministic(nlp):
    doc = nlp(COUNCIL)
    a = make_perturbations("council", COUNCIL, doc, list(TRANSFORMS), 2, seed=7)
    b = make_perturbations("council", COUNCIL, doc, list(TRANSFORMS), 2, seed=7)
    c = make_perturbations("council", COUNCIL, doc, list(TRANSFORMS), 2, seed=8)
    assert a == b
    assert [p.text for p in a] != [p.text for p in c]
    assert len({p.text for p in a}) == len(a)


def test_parse_kinds():
    assert parse_kinds(None) == list(TRANSFORMS)
    assert parse_kinds("reflow, number_change") == ["number_change", "reflow"]
    with pytest.raises(ValueError, match="nonsense"):
        parse_kinds("reflow,nonsense")


# ---- scoring -------------------------------------------------------------------------------------------------

def _finding(kind: str, *spans: tuple[str, str, int, int]) -> Finding:
    return Finding(id="f1", kind=kind, severity="medium", confidence=0.5, summary="s",
                   evidence=[Span(article_id=a, start=s, end=e, text=t[s:e]) for a, t, s, e in spans])


def test_score_case_right_place_anywhere_and_alarms():
    source = "Prices rose 5 percent. Officials said so."
    rewrite = "Prices rose 9 percent. Officials said so."
    p = Perturbation(kind="number_change", text=rewrite, expected=("number_changed",), span=(12, 13),
                     source_span=(12, 13), description="5 -> 9")
    here = _finding("number_changed", ("src", source, 0, 22), ("rw", rewrite, 0, 22))
    elsewhere = _finding("number_changed", ("rw", rewrite, 23, 41))
    assert score_case(p, [here], "src", "rw").detected
    case = score_case(p, [elsewhere], "src", "rw")
    assert not case.detected and case.detected_anywhere and case.fired == ["number_changed"]
    other = score_case(p, [_finding("stance_flip", ("rw", rewrite, 0, 22))], "src", "rw")
    assert not other.detected_anywhere and other.fired == ["stance_flip"]


def test_score_case_deletion_looks_at_the_source_and_controls_ignore_party_contradictions():
    source = "A said x. B denied it."
    rewrite = "A said x."
    p = Perturbation(kind="denial_dropped", text=rewrite, expected=("omission",), span=(9, 9),
                     source_span=(10, 22), description="dropped")
    assert score_case(p, [_finding("omission", ("src", source, 10, 22))], "src", "rw").detected
    assert not score_case(p, [_finding("omission", ("src", source, 0, 9))], "src", "rw").detected
    control = identical(source)
    clash = _finding("party_contradiction", ("src", source, 0, 9), ("rw", source, 10, 22))
    case = score_case(control, [clash], "src", "rw")
    assert not case.fired and not case.alarms
    alarm = score_case(control, [_finding("quote_altered", ("rw", source, 0, 9))], "src", "rw")
    assert alarm.fired == ["quote_altered"] and alarm.alarms[0].rewrite_text == "A said x."


# ---- the runner and the command --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("articles")
    (root / "council.txt").write_text(COUNCIL, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def test_runner_scores_one_article_end_to_end(folder):
    kinds = ["number_change", "quote_invented", "identical", "reflow"]
    scores = evaluate_perturb(folder, seed=3, kinds=kinds)
    assert scores.articles == 1 and [e.path for e in scores.skipped] == [str(folder / "empty.txt")]
    assert list(scores.kinds) == kinds
    assert all(scores.kinds[k].n == 1 and scores.kinds[k].failures == 0 for k in kinds)
    assert scores.kinds["number_change"].detected == 1  # a changed budget figure is found where it changed
    assert scores.kinds["quote_invented"].detected_anywhere == 1
    assert scores.kinds["identical"].any_finding == 0  # a copy cannot distort its source
    assert all(is_control(c.kind) or c.expected for c in scores.cases)
    again = evaluate_perturb(folder, seed=3, kinds=kinds)
    assert again.model_dump(exclude={"seconds"}) == scores.model_dump(exclude={"seconds"})
    table = render_perturb(scores, "table")
    assert "number_change" in table and "Benign controls" in table
    assert json.loads(render_perturb(scores, "json"))["kinds"]["reflow"]["control"] is True


def test_eval_perturb_command(folder):
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", "perturb", str(folder), "--kinds", "identical,modal_raised",
                                 "--seed", "1", "-f", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out["kinds"]) == {"identical", "modal_raised"} and out["seed"] == 1
    bad = runner.invoke(cli, ["eval", "perturb", str(folder), "--kinds", "nonsense"])
    assert bad.exit_code == 2 and "unknown perturbation kind" in bad.stderr
