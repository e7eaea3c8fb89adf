"""unsupported_addition: rewrite content the source does not support.

Per rewrite sentence, against the whole source text:

- new names: proper-name runs whose head word occurs nowhere in the source
  (spelling variants of a source name do not count: those are
  ``speaker_variant``);
- new figures and dates: equal to nothing in the source and with no
  counterpart in the aligned source sentence (those are ``number_changed`` /
  ``date_changed``);
- unsupported words: the share of the sentence's content words (stemmed
  lemmas) found nowhere in the source.

New names and figures are always flagged. Unsupported common words count
according to the rewrite's own style: in a rewrite that mostly copies its
source (the median share of unsupported words in its other sentences is under
``PARAPHRASE_STYLE``; fewer than ``STYLE_MIN`` other sentences count as
copying) two of them in a sentence are enough. In a rewrite that rewords
everything, a sentence derived from the source is flagged only for new names
or figures (a paraphrase brings new words, not new facts), and a sentence with
no source counterpart needs a share of unsupported words ``NEW_MARGIN`` above
the rewrite's usual one. Words already explained by another finding (a
changed figure, a shifted modal, a respelled name) are not counted again.
"""

from __future__ import annotations

from statistics import median

from claimrec.detect.context import AlignedSentence, ArticlePair, DetectContext, Sentence, nearest_source
from claimrec.detect.draft import Draft, Given
from claimrec.detect.figure_changes import date_counterpart, date_supported, figure_counterpart, figure_supported
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.text.cues import is_reporting
from claimrec.text.keys import form_keys, is_content, token_runs
from claimrec.text.lookups import extraction
from claimrec.text.normalize import fold, name_similarity

# A rewrite that rewords everything (its typical sentence has at least PARAPHRASE_STYLE of its
# content words from outside the source) makes new common words weak evidence; one that copies
# makes them strong. The style is read from the rewrite's other sentences (at least STYLE_MIN).
PARAPHRASE_STYLE = 0.15
STYLE_MIN = 3
MIN_NEW = 2
NEW_SHARE = 0.34  # a sentence without a source counterpart in a rewording rewrite
NEW_MARGIN = 0.2


def _known(tok, pair: ArticlePair) -> bool:
    keys = pair.source.keys
    return bool(form_keys(tok) & keys) or fold(tok.text) in pair.source.folded


def _variant_of_source_name(word: str, pair: ArticlePair) -> bool:
    return any(name_similarity(word, n) >= 0.8 for n in pair.source.proper_words)


def _name_token(tok) -> bool:
    return (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE")) and any(ch.isalpha() for ch in tok.text)


def _unknown(tok, pair: ArticlePair) -> bool:
    return len(tok.text) >= 2 and not _known(tok, pair) and not _variant_of_source_name(tok.text, pair)


def _given_name(tok) -> bool:
    return tok.is_alpha and tok.lower_ in extraction().first_names


def _new_given_name(run, pair: ArticlePair) -> list:
    """A known surname with a first name the source never gives it ("striker jeremy Clarkson"
    where the source only says "Clarkson"): the rewrite names someone the source does not.
    A summariser's lower-cased first name is tagged a noun, so the word before the run counts."""
    head = run[-1]
    first = run[0]
    lead = list(run[:-1])
    if first.i > first.sent.start and _given_name(first.nbor(-1)):
        lead.insert(0, first.nbor(-1))
    new = [t for t in lead if _given_name(t) and _unknown(t, pair)]
    if not new or head.ent_type_ not in ("PERSON", "ORG", ""):
        return []
    return [new[0]] + [t for t in run if t.i > new[0].i]


def new_names(sent: Sentence, pair: ArticlePair) -> list:
    """Runs of proper-name tokens whose head occurs nowhere in the source, and known
    surnames given a first name the source does not use."""
    out = []
    for run in token_runs(sent.tokens, _name_token):
        if _unknown(run[-1], pair):
            out.append(run)
        elif len(run[-1].text) >= 2 and (extended := _new_given_name(run, pair)):
            out.append(extended)
    return out


def _unsupported(given: Given | None, sent: Sentence, pair: ArticlePair) -> tuple[list, int]:
    # figures and dates are compared by value, not as words
    numeric = {i for f in sent.figures for i in range(f.start, f.end)}
    numeric |= {i for d in sent.dates for i in range(d.start, d.end)}
    content = [t for t in sent.tokens if is_content(t) and t.i not in numeric and not t.like_num]
    rid = pair.rewrite.article.id
    missing = [t for t in content if not _known(t, pair)
               and not (given is not None and given.is_explained(rid, t.idx, t.idx + len(t.text)))]
    return missing, len(content)


def _quoted(run, sent: Sentence) -> bool:
    """The new name speaks or is quoted in this sentence."""
    head = run[-1]
    if head.ent_type_ not in ("PERSON", "") and len(run) < 2:
        return False
    tok = head
    for _ in range(4):
        if is_reporting(tok) or tok.lemma_.lower() in ("quote",):
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return any(c.speaker and c.speaker.span and c.speaker.span.start <= head.idx < c.speaker.span.end
               for c in sent.claims)


def detect_additions(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
    out: list[Draft] = []
    # the style is a property of the wording, measured before other findings explain words
    raw = [_unsupported(None, al.rewrite, pair) for al in pair.aligned]
    shares = [len(m) / t if t else 0.0 for m, t in raw]
    measured = [(al, *_unsupported(given, al.rewrite, pair)) for al in pair.aligned]
    for k, (al, missing, total) in enumerate(measured):
        others = shares[:k] + shares[k + 1:]
        baseline = median(others) if len(others) >= STYLE_MIN else 0.0
        draft = _check(given, pair, al, missing, total, baseline)
        if draft is not None:
            out.append(draft)
    return out


def _enough_new_words(missing: list, total: int, derived: bool, baseline: float) -> bool:
    share = len(missing) / total if total else 0.0
    if baseline < PARAPHRASE_STYLE:
        return len(missing) >= MIN_NEW
    if derived:
        return False  # rewording is this rewrite's habit: only new names and figures count
    return len(missing) >= MIN_NEW and share >= max(NEW_SHARE, baseline + NEW_MARGIN)


def _check(given: Given, pair: ArticlePair, al: AlignedSentence, missing: list, total: int,
           baseline: float):
    r, sources, relation = al.rewrite, al.sources, al.relation
    rid = pair.rewrite.article.id
    doc = r.tokens.doc

    def fresh(first, last) -> bool:
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        return not given.is_explained(rid, start, end)

    names = [run for run in new_names(r, pair) if fresh(run[0].i, run[-1].i)]
    figs = [f for f in r.figures if not figure_supported(f, pair)
            and figure_counterpart(f, r.figures, sources) is None and fresh(f.start, f.end - 1)]
    dts = [d for d in r.dates if not date_supported(d, pair) and date_counterpart(d, sources) is None
           and fresh(d.start, d.end - 1)]
    share = len(missing) / total if total else 0.0
    derived = bool(sources) and relation != "new"
    if not names and not figs and not dts and not _enough_new_words(missing, total, derived, baseline):
        return None
    quoted = any(_quoted(run, r) for run in names)
    severity, conf = rate("unsupported_addition", new_names=len(names), new_figures=len(figs) + len(dts),
                          unsupported=share, relation="rewritten" if derived else "new", quoted_person=quoted)
    items = [doc[run[0].i:run[-1].i + 1].text for run in names]
    items += [doc[f.start:f.end].text for f in figs] + [doc[d.start:d.end].text for d in dts]
    # the sentence first, then what is new in it: the distortion scorer reads the items after the sentence
    evidence = [r.span()] + [pair.rewrite.tok_span(doc[run[0].i:run[-1].i + 1]) for run in names[:3]]
    evidence += [pair.rewrite.tok_span(doc[x.start:x.end]) for x in (figs + dts)[:3]]
    near = nearest_source(pair, al)
    if near is not None:
        evidence.append(near.span())
    if items:
        what = ", ".join(q(x, 40) for x in dict.fromkeys(items))
        summary = f"Not in the source: the rewrite adds {what} in {q(r.text, 70)}"
    else:
        what = ", ".join(dict.fromkeys(t.text for t in missing[:5]))
        lead = "Sentence with no source counterpart" if not derived else "Content not in the source"
        summary = f"{lead}: {q(r.text, 80)} (words the source never uses: {what})"
    return Draft("unsupported_addition", severity, conf, summary, evidence)
