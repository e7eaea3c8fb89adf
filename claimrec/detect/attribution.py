"""attribution_changed and speaker_variant between aligned claims (or sentences).

Claims in an aligned sentence pair are paired by content overlap, preferring
a source claim of the same party. Then:

- another party, or a named person turned anonymous ("Ben McConaghy" -> "a
  company spokesperson") or the reverse: ``attribution_changed``;
- the same person under another spelling ("Aidos Sarym" -> "Aydos Sarim") or
  another title ("Deputy" -> "Congressman"): ``speaker_variant``. A shorter
  form of the same name ("McConaghy") is not a variant.

Without claims, proper-name runs in aligned sentences give the spelling
variants, and subjects of reporting verbs the attribution changes.
"""

from __future__ import annotations

import re
from typing import Optional

from claimrec.detect.context import ArticlePair, DetectContext, Sentence, reports_speech
from claimrec.detect.draft import Draft, Given
from claimrec.detect.severity import rate
from claimrec.detect.wording import q
from claimrec.models import Claim
from claimrec.text.cues import is_reporting
from claimrec.text.keys import keys_of, token_runs
from claimrec.text.lookups import detection
from claimrec.text.normalize import fold, name_key, name_similarity, names_compatible, without_article
from claimrec.text.predicates import describes_noun

OVERLAP = 0.3  # share of the smaller claim's content words two claims must share
VARIANT = 0.8  # name similarity above which two differently spelled names are one name


def _keys(view, claim: Claim) -> set[str]:
    toks = view.doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    return keys_of(toks) if toks is not None else set()


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _proper_run(view, span) -> Optional[str]:
    """The longest run of proper nouns inside ``span`` (a speaker phrase) that names someone,
    if any ("A University student" names nobody)."""
    if view is None or view.doc is None or span is None:
        return None
    toks = view.doc.char_span(span.start, span.end, alignment_mode="expand")
    runs = [run for run in _name_runs(toks or []) if not describes_noun(run[-1])]
    if not runs:
        return None
    # "Len Burman, head of the Tax Policy Center" names Burman: the run at the phrase's head,
    # not the longest one, which may be the employer in the apposition
    root = toks.root if toks is not None else None
    headed = [run for run in runs if root is not None and any(t.i == root.i for t in run)]
    return " ".join(t.text for t in (headed[0] if headed else max(runs, key=len)))


def _named(claim: Claim, view=None) -> Optional[str]:
    """The speaker's name: the proper nouns of the speaker phrase, else the extracted name."""
    sp = claim.speaker
    if sp is None:
        return None
    run = _proper_run(view, sp.span)
    extracted = sp.name if sp.name and any(ch.isupper() for ch in sp.name) else None
    if run and (not extracted or len(run) >= len(extracted)):
        return run
    return extracted


def _antecedent(view, claim: Claim):
    """For a speaker resolved from a pronoun ("He" -> Ben McConaghy): where the name was given."""
    sp = claim.speaker
    if not sp.resolved_from or not sp.name:
        return None
    body = view.article.text
    at = body.rfind(sp.name, 0, claim.sentence.start + 1 if sp.span is None else sp.span.start)
    return view.span(at, at + len(sp.name)) if at >= 0 else None


def _titles(*texts: Optional[str]) -> frozenset[str]:
    """The title words (titles.json) among ``texts``: "Mayor Oleksandr" -> {"mayor"}."""
    words_ = set()
    for t in texts:
        if t:
            words_.update(w.strip(".,") for w in fold(t).split())
    return frozenset(words_ & detection().title_words)


def _anonymous(claim: Claim, view) -> bool:
    """A speaker described, not named: "a company spokesperson", "officials", "sources"."""
    sp = claim.speaker
    if sp is None or sp.resolved_from or fold(sp.text) in detection().pronoun_speakers or sp.span is None:
        return False
    if _proper_run(view, sp.span) is not None or (sp.name and any(ch.isupper() for ch in sp.name)):
        return False
    toks = view.doc.char_span(sp.span.start, sp.span.end, alignment_mode="expand")
    heads = [t for t in toks or [] if t.head.i == t.i or not (sp.span.start <= t.head.idx < sp.span.end)]
    return any(t.lemma_.lower() in detection().anonymous_heads for t in heads)


def _usable(claim: Claim, body: str) -> bool:
    """A speaker we can compare: one who speaks (not believes or plans), not a bare unresolved
    pronoun, on the same line as its cue."""
    sp = claim.speaker
    if sp is None:
        return False
    if not reports_speech(claim):
        return False
    if fold(sp.text) in detection().pronoun_speakers and not sp.party_id and not sp.name:
        return False
    if sp.span is not None and claim.cue is not None and claim.cue.span is not None:
        a, b = sorted((sp.span.end, claim.cue.span.start))
        if "\n" in body[a:b]:
            return False  # the parse ran across a line break; the pairing is unreliable
    return True


def detect_attribution(ctx: DetectContext, pair: ArticlePair, given: Given) -> list[Draft]:
    out: list[Draft] = []
    seen_variants: set[tuple[str, str]] = set()
    for al in pair.aligned:
        r = al.rewrite
        if r.claims:
            out.extend(_claim_pairs(ctx, pair, r, al.sources, seen_variants))
        else:
            out.extend(_reporting_subjects(pair, r, al.sources))
        out.extend(_name_variants(pair, r, al.sources, seen_variants))
    return out


def _claim_pairs(ctx, pair: ArticlePair, r: Sentence, sources: list[Sentence], seen) -> list[Draft]:
    out = []
    source_claims = {c.id: c for s in sources for c in s.claims}
    for rc in r.claims:
        if not _usable(rc, pair.rewrite.article.text):
            continue
        for cid in ctx.claim_links.get(rc.id, ()):
            c = ctx.claim_by_id.get(cid)
            if c is not None and c.article_id == pair.source.article.id:
                source_claims[c.id] = c
        rk = _keys(pair.rewrite, rc)
        scored = []
        for sc in source_claims.values():
            if not _usable(sc, pair.source.article.text):
                continue
            ov = _overlap(rk, _keys(pair.source, sc))
            linked = sc.id in ctx.claim_links.get(rc.id, ())
            if ov >= OVERLAP or linked:
                scored.append((ov + (0.5 if linked else 0.0), sc))
        if not scored:
            continue
        # "prosecutors" on both sides is the same speaker even when the source sentence also
        # credits the outlet that reported it, if that claim covers the content as well
        best = max(ov for ov, _ in scored)
        said_by = without_article(rc.speaker.text.strip(" ,"))
        same_party = [x for x in scored if _same_actor(pair, rc, x[1]) or (
            x[0] >= 0.8 * best and without_article(x[1].speaker.text.strip(" ,")) == said_by)]
        ov, sc = max(same_party or scored, key=lambda x: x[0])
        out.extend(_compare_speakers(ctx, pair, rc, sc, min(ov, 1.0), seen))
    return out


def _same_actor(pair: ArticlePair, a: Claim, b: Claim) -> bool:
    sa, sb = a.speaker, b.speaker
    if sa.person_id and sa.person_id == sb.person_id:
        return True
    if sa.party_id and sa.party_id == sb.party_id:
        return True
    na, nb = _named(a, pair.rewrite), _named(b, pair.source)
    return bool(na and nb and names_compatible(na, nb, VARIANT))


def _speaker_changed(pair: ArticlePair, rc: Claim, sc: Claim) -> bool:
    """The rewrite changed the words naming the speaker (or dropped the source's)."""
    rs, ss = rc.speaker, sc.speaker
    if rs.span is not None and pair.rewrite_changed(*pair.tokens_of(pair.rewrite, rs.span)):
        return True
    return ss.span is not None and not pair.source_kept(*pair.tokens_of(pair.source, ss.span))


def _compare_speakers(ctx, pair, rc: Claim, sc: Claim, overlap: float, seen) -> list[Draft]:
    rs, ss = rc.speaker, sc.speaker
    if not _speaker_changed(pair, rc, sc):
        return []  # the same words name the speaker on both sides: nothing was reattributed
    evidence = [rs.span or rc.sentence, ss.span or sc.sentence, rc.content, sc.content]
    for view, claim in ((pair.rewrite, rc), (pair.source, sc)):
        named = _antecedent(view, claim)
        if named is not None:
            evidence.insert(2, named)
    rname, sname = _named(rc, pair.rewrite), _named(sc, pair.source)
    party_ids = [p for p in dict.fromkeys([ss.party_id, rs.party_id]) if p]
    claim_ids = [rc.id, sc.id]
    resolved = bool(rs.party_id and ss.party_id)
    same_person = bool(rs.person_id and rs.person_id == ss.person_id) or bool(
        rname and sname and names_compatible(rname, sname, VARIANT))
    party_changed = bool(rs.party_id and ss.party_id and rs.party_id != ss.party_id)
    # another party, or another named person of the same party (or of none resolved): "said Len
    # Burman, head of the Tax Policy Center" -> "said Lily Batchelder, head of ...". Within one
    # party only people count: "the Nur-Sultan cabinet" -> "the Nur-Sultan government" is one body
    other_person = bool(rname and sname) and rs.kind == ss.kind == "person"
    if (party_changed or other_person) and not same_person \
            and not rs.resolved_from and not ss.resolved_from \
            and not _mentioned_in(rs, sc, pair.source) and not _mentioned_in(ss, rc, pair.rewrite):
        severity, conf = rate("attribution_changed", party_changed=party_changed, overlap=overlap, resolved=resolved)
        return [Draft("attribution_changed", severity, conf,
                      f"Attribution changed: source gives {q(sc.content.text, 50)} to {q(ss.text)}; "
                      f"the rewrite to {q(rs.text)}",
                      evidence, party_ids, claim_ids)]
    if sname and _anonymous(rc, pair.rewrite) and not same_person \
            and not _source_describes(pair, rs, sname):
        severity, conf = rate("attribution_changed", party_changed=False, overlap=overlap, resolved=resolved)
        return [Draft("attribution_changed", severity, conf,
                      f"Attribution changed: {q(sname)} in the source becomes {q(rs.text)} in the rewrite",
                      evidence, party_ids, claim_ids)]
    if not same_person or not rname or not sname:
        return []
    out = []
    rname, rlead = _split_title(rname, sname)
    sname, slead = _split_title(sname, rname)
    rtitle, stitle = _titles(rs.title, rlead), _titles(ss.title, slead)
    spelling = fold(rname) != fold(sname) and not _shortening(rname, sname)
    title = bool(rtitle and stitle and rtitle != stitle)
    if spelling or title:
        key = (name_key(sname), name_key(rname))
        if key in seen:
            return []
        seen.add(key)
        severity, conf = rate("speaker_variant", spelling_changed=spelling, name_sim=name_similarity(rname, sname))
        changes = []
        if spelling:
            changes.append(f"name {q(sname)} -> {q(rname)}")
        if title:
            changes.append(f"title {q(' '.join(sorted(stitle)).title())} -> {q(' '.join(sorted(rtitle)).title())}")
        out.append(Draft("speaker_variant", severity, conf,
                         f"Same speaker, {' and '.join(changes)}", evidence, party_ids, claim_ids,
                         key=("variant",) + key))
    return out


def _source_describes(pair: ArticlePair, rs, sname: str) -> bool:
    """The rewrite calls the speaker by the description the source itself gives them ("NASA
    chief scientist" for its "NASA chief scientist Ellen Stofan", "the former prime minister"
    for "..., former prime minister Gordon Brown"): a shorter reference, not an anonymised one.
    An indefinite description ("an official") hides who spoke even when the source uses it."""
    toks = pair.rewrite.doc.char_span(rs.span.start, rs.span.end, alignment_mode="expand") if rs.span else None
    if not toks or any("Ind" in t.morph.get("Definite") for t in toks):
        return False
    described = re.escape(without_article(rs.text.strip(" ,")))
    name_words = fold(sname).split()
    if not described or not name_words:
        return False
    last = re.escape(name_words[-1])
    body = pair.source.folded
    before = rf"\b{described}\s+(?:[\w.'-]+\s+){{0,3}}{last}\b"  # "chief scientist Ellen Stofan"
    after = rf"\b{last},\s+(?:(?:the|a|an)\s+)?{described}\b"  # "Ellen Stofan, the chief scientist"
    return re.search(before, body) is not None or re.search(after, body) is not None


def _mentioned_in(speaker, claim: Claim, view) -> bool:
    """The speaker's head word occurs in the other claim's sentence: the two sentences
    name the same actors and the extractors just read them differently."""
    head = fold(speaker.name or speaker.text).split()
    if not head:
        return False
    return head[-1] in fold(claim.sentence.text).split() or fold(speaker.text) in fold(claim.sentence.text)


def _split_title(name: str, other: str) -> tuple[str, str]:
    """("Congressman Aydos Sarim", "Aidos Sarym") -> ("Aydos Sarim", "Congressman"): words
    in front of the part that matches the other name are a title."""
    mine, theirs = name.split(), other.split()
    k = 0
    while k < len(mine) and k < len(theirs) and name_similarity(mine[-1 - k], theirs[-1 - k]) >= VARIANT:
        k += 1
    if k == 0 or k == len(mine):
        return name, ""
    return " ".join(mine[-k:]), " ".join(mine[:-k])


def _shortening(a: str, b: str) -> bool:
    """One name is the other with tokens left out, spelled the same."""
    ta, tb = fold(a).split(), fold(b).split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return len(short) < len(long_) and all(t in long_ for t in short)


def _name_runs(tokens) -> list[list]:
    return token_runs(tokens, lambda tok: tok.pos_ == "PROPN" and tok.is_alpha)


def _name_variants(pair: ArticlePair, r: Sentence, sources: list[Sentence], seen) -> list[Draft]:
    """Proper names spelled differently in a rewrite sentence and its source."""
    out = []
    for rrun in _name_runs(r.tokens):
        rnew = [t for t in rrun if len(t.text) >= 3 and fold(t.text) not in pair.source.folded]
        if not rnew or not pair.rewrite_changed(rrun[0].i, rrun[-1].i + 1):
            continue
        is_person = any(t.ent_type_ == "PERSON" for t in rrun) or len(rrun) >= 2
        for s in sources:
            for srun in _name_runs(s.tokens):
                if not is_person and not any(t.ent_type_ == "PERSON" for t in srun) and len(srun) < 2:
                    continue
                matched = _respelled(rrun, srun, rnew)
                if matched is None:
                    continue
                rname = " ".join(t.text for t in rrun if fold(t.text) not in detection().title_words)
                sname = " ".join(t.text for t in srun if fold(t.text) not in detection().title_words)
                key = (name_key(sname), name_key(rname))
                if key in seen or any(matched in k[0].split() for k in seen):
                    continue
                seen.add(key)
                severity, conf = rate("speaker_variant", spelling_changed=True,
                                      name_sim=name_similarity(rname, sname))
                out.append(Draft(
                    "speaker_variant", severity, conf,
                    f"Same person, name spelled differently: {q(sname)} -> {q(rname)}",
                    [pair.rewrite.tok_span(rrun), pair.source.tok_span(srun), r.span(), s.span()],
                    key=("variant",) + key,
                ))
    return out


def _respelled(rrun, srun, rnew) -> Optional[str]:
    """Every new word of the rewrite's name is a respelling of a word of the source's name,
    and the rest of the two names agree. Returns the skeleton of a respelled source word."""
    found = None
    for t in rnew:
        best = max(srun, key=lambda u: name_similarity(t.text, u.text))
        a, b = name_key(t.text), name_key(best.text)
        if not a or not b or a[0] != b[0] and a[1:] != b[1:] or name_similarity(t.text, best.text) < VARIANT \
                or fold(t.text) == fold(best.text):
            return None
        found = b
    others = [t for t in rrun if t not in rnew and fold(t.text) not in detection().title_words]
    sother = {fold(u.text) for u in srun}
    if others and not any(fold(t.text) in sother for t in others):
        return None
    return found


def _subject_of_reporting(sent: Sentence):
    for tok in sent.tokens:
        if is_reporting(tok):
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON":
                    content = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
                    return tok, child, content
    return None


def _reporting_subjects(pair: ArticlePair, r: Sentence, sources: list[Sentence]) -> list[Draft]:
    """Claim-free fallback: the subject of the reporting verb changed for the same content."""
    found = _subject_of_reporting(r)
    if found is None:
        return []
    rverb, rsubj, rcontent = found
    rk = keys_of([t for c in rcontent for t in c.subtree])
    out = []
    for s in sources:
        if s.claims:
            continue
        sfound = _subject_of_reporting(s)
        if sfound is None:
            continue
        sverb, ssubj, scontent = sfound
        sk = keys_of([t for c in scontent for t in c.subtree])
        ov = _overlap(rk, sk)
        if ov < 0.5:
            continue
        rphrase = r.tokens.doc[rsubj.left_edge.i:rsubj.i + 1]
        sphrase = s.tokens.doc[ssubj.left_edge.i:ssubj.i + 1]
        if not pair.rewrite_changed(rphrase.start, rphrase.end):
            continue
        if keys_of(rphrase) & keys_of(sphrase):
            continue
        if names_compatible(rphrase.text, sphrase.text, VARIANT):
            continue
        severity, conf = rate("attribution_changed", party_changed=True, overlap=ov, resolved=False)
        out.append(Draft(
            "attribution_changed", severity, conf - 0.1,
            f"Attribution changed: source has {q(sphrase.text)} say it; the rewrite {q(rphrase.text)}",
            [pair.rewrite.tok_span(rphrase), pair.source.tok_span(sphrase), r.span(), s.span()],
        ))
    return out
