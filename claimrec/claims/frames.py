"""Where a cue's content lies in the parse, one function per frame.

Each returns ``((first_token, last_token), head_token)`` or None:

- clause: the clausal complement ("said (that) Y"; several complements around
  an interrupting "he said" form one range);
- parenthetical: the clause a parenthetical cue interrupts ("Y, X says, is Z");
- object / naming / passive / evidence: a direct object ("denied a claim"), a
  name given ("called the plan a disaster"), a passive subject ("was reported
  by"), what a poll or video "shows";
- infinitive / prep: "vowed to fight", "called for an inquiry";
- colon: what follows "X said:" (a character range, not tokens).
"""

from __future__ import annotations

from typing import Optional

from claimrec.claims.cues import CueHit
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables, extraction

_CLAUSE_DEPS = ("ccomp",)
_COLON = (":",)
# tokens between a verb and an infinitive that is its content: "pleaded with the mayor to"
_ADDRESSEE_GAP = 5


def range_of(toks) -> Optional[tuple[int, int]]:
    toks = list(toks)
    if not toks:
        return None
    return min(t.left_edge.i for t in toks), max(t.right_edge.i for t in toks)


def clause_content(index: AnnotatedDoc, tok, lex: CueTables) -> Optional[tuple[tuple[int, int], int]]:
    clauses = [c for c in tok.children if c.dep_ in _CLAUSE_DEPS]
    if not clauses:
        # "that"-clauses sometimes come out as advcl/xcomp with an explicit "that"
        clauses = [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "dep")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    displaced = False
    if not clauses and not any(c.dep_ in ("dobj", "dative") for c in tok.children):
        clauses = [c for c in tok.rights if _displaced_complement(c)]
        displaced = bool(clauses)
    if not clauses:
        clauses = _addressee_clause(tok)
    if not clauses:
        return _that_clause(index, tok)
    # quoted sentences around the cue ("A," he said, "B.") give several
    # complements; they form one claim
    a, b = range_of(clauses)
    a = _complement_start(clauses[0]) if displaced else _past_leading_time(index.doc, clauses[0], a)
    b = _second_complement(tok, b)
    # "said it was opposed to the test and warned North Korea ...": a subjectless
    # reporting verb coordinated inside the complement is the speaker's next act
    for clause in clauses:
        for conj in clause.rights:
            # "..., saying that ...": a reporting participle the parser hung on the
            # complement is the speaker's next claim, not part of this one
            if conj.dep_ == "advcl" and conj.tag_ == "VBG" and conj.lemma_.lower() in lex.verbs \
                    and conj.left_edge.i > a and index.doc[conj.left_edge.i - 1].text == ",":
                cut = conj.left_edge.i - 2
                if a <= cut < b:
                    b = cut
                break
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and _reports(conj, lex) and not _opens_with_that(conj):
                cut = conj.left_edge.i - 1
                while cut > a and (index.doc[cut].dep_ == "cc" or index.doc[cut].is_punct):
                    cut -= 1
                if a <= cut < b:
                    b = cut
                break
    return (a, _trailing_aside(index, a, b, lex)), clauses[0].i


def _past_leading_time(doc, clause, a: int) -> int:
    """The content's first token after a time phrase the parser hung on the complement but
    that dates the telling: "told black voters this weekend he would consider it an insult",
    "said on Tuesday the talks had failed"."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None:
        return a
    for c in clause.children:
        if c.i >= subject.i or c.left_edge.i != a or any(t.is_quote for t in c.subtree):
            continue
        dated = c.ent_type_ in ("DATE", "TIME") if c.dep_ == "npadvmod" else c.dep_ == "prep" and all(
            t.ent_type_ in ("DATE", "TIME") for t in list(c.subtree)[1:] if not t.is_punct and t.dep_ != "det")
        if dated and c.right_edge.i < subject.left_edge.i:
            return c.right_edge.i + 1
    return a


def _trailing_aside(index: AnnotatedDoc, a: int, b: int, lex: CueTables) -> int:
    """The content's last token once a closing aside of the writer's is cut off: a clause set
    off by a comma that runs to the content's end and either opens with a concessive mark
    ("..., although he again refused to release his returns") or is a subjectless participle
    (", implicitly putting his name on the line"). Inside a quote the speaker's own words stay."""
    doc = index.doc
    last = b
    while last > a and doc[last].is_punct and not doc[last].is_quote:
        last -= 1
    for tok in doc[a + 1:last + 1]:
        if tok.dep_ != "advcl" or tok.right_edge.i < last or tok.left_edge.i <= a + 1:
            continue
        if doc[tok.left_edge.i - 1].text != "," or index.quote_at(doc[tok.left_edge.i].idx) >= 0:
            continue
        concessive = any(c.dep_ == "mark" and c.lower_ in lex.aside_marks for c in tok.children)
        participle = tok.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children) \
            and all(t.dep_ == "advmod" for t in doc[tok.left_edge.i:tok.i])
        if concessive or participle:
            return tok.left_edge.i - 2
    return b


def _displaced_complement(c) -> bool:
    """"said after the convention he would not accept ...", "tweeted in the early hours that
    Machado was ...": a phrase between the cue and its clause makes the parser hang the clause
    on the cue as an adverbial. A clause with a subject of its own and no subordinator (or only
    "that") is the complement; "if", "because", "when" clauses are real adverbials."""
    if c.dep_ != "advcl" or c.pos_ not in ("VERB", "AUX"):
        return False
    if not any(d.dep_ in ("nsubj", "nsubjpass", "expl") for d in c.children):
        return False
    if any(d.dep_ == "mark" and d.lower_ != "that" or d.tag_ == "WRB" for d in c.children if d.i < c.i):
        return False
    if any(d.dep_ == "advmod" and d.i == c.left_edge.i and d.lower_ != "that" for d in c.children):
        return False
    # only the displacing phrase comes between the cue and the clause: no quote, no dash aside
    doc = c.doc
    between = doc[c.head.i + 1:_complement_start(c)]
    return all(t.dep_ in ("prep", "pobj", "det", "amod", "compound", "nummod", "npadvmod", "advmod", "poss", "case")
               or t.lower_ == "that" for t in between)


def _complement_start(c) -> int:
    """Where a displaced complement begins: at its "that" or its subject, leaving out the
    phrase that displaced it ("said after the convention he would ...")."""
    subject = next(d for d in c.children if d.dep_ in ("nsubj", "nsubjpass", "expl"))
    that = next((d for d in c.children if d.lower_ == "that" and d.i < subject.i), None)
    return that.i if that is not None else subject.left_edge.i


def _opens_with_that(clause) -> bool:
    """"said the videos were inconclusive and that the footage did not show ...": a clause
    introduced by "that" is a further complement of the same telling, whatever its verb."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children if c.i < clause.i)


def _second_complement(tok, b: int) -> int:
    """"said that it was too early to tell, and there was no evidence yet": a clause the
    parser coordinated with the reporting verb is more of what was said when it cannot be
    the speaker's own next act: its subject is an expletive "there", or it opens with
    "that"."""
    for conj in tok.rights:
        if conj.dep_ != "conj" or conj.i <= b or conj.pos_ not in ("VERB", "AUX"):
            continue
        if _opens_with_that(conj) or any(c.dep_ == "expl" for c in conj.children if c.i < conj.i):
            between = tok.doc[b + 1:conj.left_edge.i]
            if all(t.is_punct or t.dep_ == "cc" for t in between):
                return conj.right_edge.i
    return b


def _addressee_clause(tok) -> list:
    """'told a meeting of leaders that few people understood ...' parsed as a relative
    clause on the addressee: a "that" marking a clause with a subject of its own is a
    complementiser (a relative "that" would be the clause's subject or object)."""
    dobj = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
    if dobj is None:
        return []
    for d in dobj.subtree:
        if d.dep_ == "relcl" and d.head.i < d.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in d.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in d.children):
            return [d]
    return []


def _that_clause(index: AnnotatedDoc, tok) -> Optional[tuple[tuple[int, int], int]]:
    """'Wilkins observed that the date ... coincided with ...' parsed with "that" marking a
    noun: a "that" right after the verb still opens its clause, to the sentence end."""
    doc = index.doc
    i = tok.i + 1
    if i >= len(doc) or doc[i].lower_ != "that" or doc[i].dep_ != "mark":
        return None
    _, s_end = index.sent_bounds[index.tok_sent[tok.i]]
    last = s_end - 1
    while last > i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    verbs = [t for t in doc[i + 1:last + 1] if t.pos_ in ("VERB", "AUX")]
    if last <= i + 1 or not verbs:
        return None
    return (i, last), verbs[0].i


def _reports(verb, lex: CueTables) -> bool:
    """A coordinated verb that starts a new attribution: a reporting verb, or a
    clause holding one ("..., and when pressed, the mother replied ...")."""
    if verb.lemma_.lower() in lex.verbs:
        return True
    return any(c.dep_ in ("conj", "advcl") and c.lemma_.lower() in lex.verbs
               and any(g.dep_ == "nsubj" for g in c.children) for c in verb.children)


_SET_OFF = (",", "--", "—", "–")


def trim_nonrestrictive(doc, head, a: int, b: int) -> int:
    """End of a noun-phrase content before a comma-set relative clause or appositive that
    closes it, on the head or on a noun inside it ("RT to the BBC, which receives ...",
    "the reality of climate change, which makes him ..."): commentary, not content."""
    for tok in doc[a:b + 1]:
        for child in tok.rights:
            if child.dep_ in ("relcl", "appos", "acl") and child.left_edge.i - 1 > a \
                    and doc[child.left_edge.i - 1].text in _SET_OFF and child.right_edge.i >= b - 1:
                return min(b, child.left_edge.i - 2)
    return b


def parenthetical_content(index: AnnotatedDoc, tok) -> Optional[tuple[tuple[int, int], int]]:
    """'Y, X says, is Z' / 'Y is Z, X said' with the cue parsed under the claim."""
    if tok.dep_ not in ("parataxis", "advcl", "ccomp", "conj") or tok.head is tok:
        return None
    if not any(c.dep_ in ("nsubj",) for c in tok.children):
        return None  # "..., saying ...": a participle reports nothing of the clause it hangs on
    head = tok.head
    if head.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
        return None
    as_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in tok.children)
    if tok.dep_ in ("advcl", "conj") and tok.i < head.i and not as_clause:
        return None  # "As the secretary said, Y" is the one fronted parenthetical
    if _subordinate(tok) and not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    if tok.dep_ == "advcl" and any(c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < tok.i for c in tok.children):
        return None  # "She laughed when he said it": a time clause, not a parenthetical
    if tok.dep_ == "conj" or tok.dep_ == "ccomp":
        return None
    if _subordinate(head) and head.i < head.head.i:
        # "Though the transition was seamless, he said, replacing her would be ...": a cue
        # interrupting a fronted subordinate clause interrupts the sentence it opens
        head = head.head
    hl, hr = head.left_edge.i, head.right_edge.i
    cl, cr = tok.left_edge.i, tok.right_edge.i
    doc = index.doc
    # set off by punctuation on the content side
    before = doc[cl - 1] if cl - 1 >= hl else None
    after = doc[cr + 1] if cr + 1 <= hr else None
    set_off = doc[cl].is_punct or doc[cr].is_punct or (before is not None and before.is_punct) \
        or (after is not None and after.is_punct)
    if not (set_off or cr >= hr):
        return None
    if cl <= hl:
        if cr + 1 > hr:
            return None
        # the same sentence with the fronted clause parsed under the cue: it still opens
        # the claim the cue interrupts
        fronted = any(_subordinate(c) and c.left_edge.i == cl for c in tok.lefts)
        start = cl if fronted else cr + 1
        return (start, _trailing_aside(index, start, hr, extraction())), head.i
    if cr >= hr - 1:
        return (hl, cl - 1), head.i
    return (hl, _trailing_aside(index, hl, hr, extraction())), head.i


def _subordinate(clause) -> bool:
    """An adverbial clause with a subordinator of its own ("though", "if", "as")."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" for m in clause.children)


def object_content(tok, hit: CueHit) -> Optional[tuple[tuple[int, int], int]]:
    dobj = next((c for c in tok.children if c.dep_ in ("dobj",)), None)
    if dobj is None:
        if "naming" in hit.frames:
            # "called Oz a quack": the parser may read both the named and the name as
            # predicates of the verb
            named = [c for c in tok.rights if c.dep_ in ("oprd", "xcomp", "ccomp")]
            if len(named) >= 2:
                return range_of(named), named[0].i
        return None
    preps = {f[5:] for f in hit.frames if f.startswith("prep:")}
    if dobj.pos_ == "PRON" and dobj.lower_ in ("it", "this", "that", "what", "which", "them", "him", "her", "me", "us"):
        # a bare pronoun is no content, unless a name or a charge follows ("accused her of ...")
        if "naming" not in hit.frames and not any(
                c.dep_ == "prep" and c.lower_ in preps and c.i > dobj.i for c in tok.children):
            return None
    extra = [c for c in tok.children if c.dep_ in ("oprd",) or (c.dep_ == "prep" and c.lower_ == "as" and c.i > dobj.i)]
    if "naming" in hit.frames and not extra:
        # "called RT America a propaganda outlet": the name given read as an appositive
        # (with no comma, which a real appositive would have)
        doc = tok.doc
        extra = [c for c in dobj.rights if c.dep_ == "appos" and not doc[c.left_edge.i - 1].is_punct]
    if "naming" in hit.frames and not extra and not _has_quote_mark(dobj):
        return None  # "called a meeting"; but "calls Obamacare 'crazy system'" names something
    toks = [dobj] + extra + _split_word(tok, dobj)
    # "accused X of Y", "likened X to Y": the licensed preposition completes the object;
    # "offers loans to parents": so does the recipient
    toks += [c for c in tok.children if (c.dep_ == "prep" and c.lower_ in preps or c.dep_ == "dative")
             and c.i > dobj.i]
    toks += _coordinated_objects(tok, range_of(toks)[1])
    toks += _object_modifiers(tok, range_of(toks)[1])
    return range_of(toks), dobj.i


def _split_word(tok, dobj) -> list:
    """"urged de-escalation of the conflict": the parser may read each piece of a hyphenated
    word as an object of its own; the pieces joined without spaces are one object."""
    out = []
    prev = dobj
    for c in tok.rights:
        if c.i <= dobj.i:
            continue
        if c.dep_ != "dobj" or c.i != prev.i + 1 or prev.whitespace_:
            break
        out.append(c)
        prev = c
    return out


def _object_modifiers(tok, end: int) -> list:
    """Prepositional phrases the parser hung on the verb that, following the object with no
    comma between, go on describing it ("described crass behavior by Trump behind the scenes")."""
    preps = extraction().object_preps
    out = []
    for c in tok.rights:
        if c.left_edge.i != end + 1 or c.dep_ != "prep" or c.lower_ not in preps \
                or not any(d.dep_ in ("pobj", "pcomp") for d in c.children):
            continue
        out.append(c)
        end = c.right_edge.i
    return out


def _coordinated_objects(tok, end: int) -> list:
    """Further objects the parser hung on the verb (or a verb above it) instead of on the
    first object: "mentioned refinancing loans and forcing universities to spend",
    "emphasizing fairness, and a need to raise the wage". A coordinated noun or gerund
    with no subject of its own, right after the object, continues it; a finite verb
    would be a new predicate."""
    doc = tok.doc
    out = []
    head = tok
    for _ in range(3):
        for cj in head.children:
            if cj.dep_ != "conj" or cj.left_edge.i <= end:
                continue
            between = doc[end + 1:cj.left_edge.i]
            if not all(t.is_punct or t.dep_ == "cc" for t in between) or len(between) > 2:
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in cj.children):
                continue
            if cj.pos_ in ("NOUN", "PROPN") or cj.tag_ == "VBG":
                out.append(cj)
                end = cj.right_edge.i
        if head.dep_ not in ("pcomp", "xcomp") or head.head is head:
            break
        head = head.head.head if head.head.dep_ == "prep" else head.head
    return out


def _has_quote_mark(tok) -> bool:
    doc = tok.doc
    return any(doc[i].text in ("\"", "“", "”", "‘", "’", "'", "''") for i in range(tok.left_edge.i, tok.right_edge.i + 1))


def naming_content(tok) -> Optional[tuple[tuple[int, int], int]]:
    """'what it called a joint statement', 'a statement that Estonia calls a
    joint statement': the thing named sits outside the clause, the name given
    to it is the content."""
    oprd = next((c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > tok.i), None)
    dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if oprd is not None and dobj is not None and dobj.lower_ in ("what", "which", "that"):
        return (oprd.left_edge.i, oprd.right_edge.i), oprd.i
    relative = tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "mark" and c.lower_ in ("that", "which") for c in tok.children)
    if relative and oprd is None and dobj is not None and dobj.pos_ != "PRON" and dobj.i > tok.i:
        return (dobj.left_edge.i, dobj.right_edge.i), dobj.i
    return None


def passive_object(tok) -> Optional[tuple[tuple[int, int], int]]:
    """'The issue was first reported by the Post': the subject is the content."""
    if not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    if not any(c.dep_ == "agent" for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    return (subj.left_edge.i, subj.right_edge.i), subj.i


def infinitive_content(tok) -> Optional[tuple[tuple[int, int], int]]:
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and \
                any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return (c.left_edge.i, c.right_edge.i), c.i
    # "pleaded with him to take ...": the parser hangs the infinitive after the addressee
    # as an adverbial clause; right after the verb and its addressee it is still the content
    for c in tok.rights:
        if c.dep_ == "advcl" and c.pos_ == "VERB" and c.left_edge.i - tok.i <= _ADDRESSEE_GAP \
                and c.left_edge.lower_ == "to" and not any(d.dep_ == "dobj" for d in tok.children):
            return (c.left_edge.i, c.right_edge.i), c.i
    return None


def prep_content(tok, preps) -> Optional[tuple[tuple[int, int], int]]:
    for c in tok.children:
        # "has called on police to release ...": the parser may read the preposition as a
        # particle; one with an object of its own is still the preposition
        if c.dep_ in ("prep", "prt") and c.lower_ in preps and c.i > tok.i:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is None and c.dep_ == "prt":
                continue
            if obj is None and not list(c.children):
                # "called for compensation to be clawed back": the clause after the
                # preposition was hung on the verb
                clause = next((g for g in tok.rights if g.i > c.i and g.dep_ in ("ccomp", "xcomp")), None)
                if clause is not None and clause.left_edge.i == c.i + 1:
                    return (clause.left_edge.i, clause.right_edge.i), clause.i
            if obj is not None and obj.ent_type_ in ("DATE", "TIME"):
                continue  # "called a meeting for Tuesday": when, not what
            if obj is not None:
                right = obj.right_edge.i
                # "called on Trump to stop ...", "called for contestants to wear ...":
                # the infinitive the parser hangs on the verb belongs to the content
                for sib in tok.rights:
                    if sib.i > c.i and sib.dep_ in ("xcomp", "ccomp", "advcl") and \
                            any(a.dep_ == "aux" and a.lower_ == "to" for a in sib.children):
                        right = max(right, sib.right_edge.i)
                return (obj.left_edge.i, right), obj.i
    return None


def evidence_object(tok, hit: CueHit, lex: CueTables) -> Optional[tuple[tuple[int, int], int]]:
    """'Polls show a close contest': an object reported by a poll, video or study."""
    if hit.lemma not in lex.evidence_verbs:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in lex.evidence_subjects:
        return None
    dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if dobj is None or dobj.pos_ == "PRON":
        return None
    right = dobj.right_edge.i
    for sib in tok.rights:
        if sib.i > dobj.i and sib.dep_ in ("oprd", "xcomp", "advcl", "acomp"):
            right = max(right, sib.right_edge.i)
    return (dobj.left_edge.i, right), dobj.i


def colon_content(index: AnnotatedDoc, tok) -> Optional[tuple[int, int]]:
    """Text after 'X said:' — to the end of its quote, sentence, or the next paragraph."""
    doc = index.doc
    s_start, s_end = index.sent_bounds[index.tok_sent[tok.i]]
    j = tok.i + 1
    # allow a short run of modifiers between the cue and the colon ("said in a statement:")
    while j < s_end and j - tok.i <= 8 and doc[j].text not in _COLON:
        if doc[j].is_punct and doc[j].text not in ",":
            return None
        j += 1
    if j >= len(doc) or doc[j].text not in _COLON:
        return None
    start = doc[j].idx + 1
    text = index.text
    para = index.para_of(start)
    para_end = index.para_starts[para + 1] if para + 1 < len(index.para_starts) else len(text)
    rest = text[start:para_end].strip()
    if rest:
        q = index.quote_at(start + (len(text[start:para_end]) - len(text[start:para_end].lstrip())))
        if q >= 0:
            return index.quotes[q].start, index.quotes[q].end
        end = doc[s_end - 1].idx + len(doc[s_end - 1].text)
        return start, end
    # the colon closes the paragraph: the next paragraph is the content
    if para + 1 >= len(index.para_starts):
        return None
    nstart = index.para_starts[para + 1]
    nend = index.para_starts[para + 2] if para + 2 < len(index.para_starts) else len(text)
    q = index.quote_at(nstart)
    if q >= 0:
        return index.quotes[q].start, max(index.quotes[q].end, nstart)
    return nstart, nend
