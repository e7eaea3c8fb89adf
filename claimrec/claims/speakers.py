"""Speaker mentions: whom a cue attributes its content to.

The grammatical subject, the passive agent, the subject of the governing verb
for participles and coordinated verbs ("..., saying ...", "vowed to ..."),
the object of "quoted X as saying", the relative pronoun's noun ("the ministry,
which said"), and, when the parser left the cue without one, the nearest name
before it (or right after it: '"...," said X'). A subject inside a quote or
across a line break is the parser's mistake and is not taken.
"""

from __future__ import annotations

import re
from typing import Optional

from claimrec.claims.candidate import SpeakerInfo
from claimrec.claims.speaker_info import PUNCT_EDGE, describe_speaker
from claimrec.text.document import AnnotatedDoc
from claimrec.text.lookups import CueTables

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CUT_CHILDREN = ("relcl", "acl", "advcl")
_RELATIVE = frozenset({"that", "which", "who", "whom", "what"})
# prepositions that, right after a name, begin the circumstances of saying, not the name
_FRAME_PREPS = frozenset({"in", "on", "during", "after", "before", "via", "through", "to", "outside", "while"})


def subject_of(tok, depth: int = 0):
    """(subject, passive) of verb ``tok``: the passive agent, else the subject,
    else (for coordinated, controlled or adverbial verbs: "vowed to fight",
    "Citing X, Trump said", "..., saying it shows") the governing verb's subject.
    A passive without an agent has no speaker ("he was accused of ...")."""
    passive = False
    subj = None
    agent = None
    for child in tok.children:
        if child.dep_ == "auxpass":
            passive = True
        elif child.dep_ in _SUBJECTS and (subj is None or abs(child.i - tok.i) < abs(subj.i - tok.i)):
            # two subjects are the parser's mistake, most often over a run-in heading
            # ("THE BORROWING Back when ..., Mr. McKinley said"): the nearer one is the subject
            subj = child
        elif child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    agent = pobj
    if passive or agent is not None or (subj is not None and subj.dep_ == "nsubjpass"):
        return agent, True
    if subj is not None:
        return subj, False
    head = tok.head
    # "X quoted Y as saying ...": Y says it
    if tok.dep_ in ("pcomp", "advcl") and tok.tag_ == "VBG":
        quoting = head.head if head.dep_ == "prep" and head.lower_ == "as" else head
        if quoting.lemma_.lower() in ("quote", "cite") and quoting is not tok:
            obj = next((c for c in quoting.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj, False
    # "After saying ..., she was whisked off": a participle under a preposition does what
    # the main clause's subject does, even when that clause is passive
    # ("were in the lead in advocating ...", "stopped short of calling ...": through the
    # noun or adverb the preposition hangs on, up to the verb)
    verb = _verb_above(head) if tok.dep_ == "pcomp" and head.dep_ == "prep" else None
    if depth < 3 and tok.tag_ == "VBG" and verb is not None:
        found = subject_of(verb, depth + 1)
        if found[0] is None:
            passive_subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if passive_subj is not None:
                return passive_subj, False
        return found
    # "Americans supporting Trump", "language calling for ...": the noun does it
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        return head, False
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and depth < 3:
        # "X said he disagreed, arguing that ...": the participle belongs to the
        # main clause even when the parser hangs it on the reported one
        main = head
        while main.dep_ == "ccomp" and main.head is not main:
            main = main.head
        if main is not head:
            found = subject_of(main, depth + 1)
            if found[0] is not None:
                return found
    # "said it was opposed and warned North Korea ...": a coordinated reporting
    # verb the parser put inside the complement shares the reporting subject
    if depth < 3 and tok.dep_ == "conj" and head.dep_ == "ccomp" and head.head is not head \
            and head.head.pos_ in ("VERB", "AUX"):
        found = subject_of(head.head, depth + 1)
        if found[0] is not None:
            return found
    if depth < 3 and tok.head is not tok and (
        tok.dep_ in ("conj", "xcomp")
        or (tok.dep_ == "advcl" and tok.tag_ == "VBG")
        or (tok.dep_ == "advcl" and tok.tag_ in ("VB", "VBN")
            and not any(c.dep_ == "mark" and c.lower_ not in ("to",) for c in tok.children))
    ):
        return subject_of(tok.head, depth + 1)
    return None, False


def _verb_above(prep, hops: int = 3):
    """The verb a preposition's phrase belongs to, through at most ``hops`` nouns or
    modifiers in between; None past a clause boundary."""
    tok = prep.head
    for _ in range(hops):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok or tok.dep_ not in ("prep", "pobj", "advmod", "acomp", "attr", "dobj", "npadvmod"):
            return None
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def mention_bounds(tok) -> tuple[int, int]:
    """Token range of a speaker mention: its subtree, minus relative clauses and
    the like hanging off its right side (appositives stay: they carry titles)."""
    left = tok.left_edge.i
    right = tok.i
    doc = tok.doc
    for child in tok.rights:
        if child.dep_ in _CUT_CHILDREN:
            break
        if child.dep_ == "prep" and child.lower_ in _FRAME_PREPS and tok.pos_ == "PROPN":
            break  # "said Mayor Valérie Plante in a statement": how, not who
        if doc[child.left_edge.i].text == "(" or (child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == "("):
            break
        right = max(right, child.right_edge.i)
    # nor does a relative clause deeper in an appositive ("X, a scout with Troop B,
    # 4th Squadron, who rode ..."): it describes, it does not name
    for i in range(tok.i + 1, right + 1):
        if doc[i].dep_ == "relcl" and doc[i].left_edge.i > tok.i:
            right = doc[i].left_edge.i - 1
            break
    # a mention never runs over a line break (headlines, datelines), nor back over a
    # dateline's dash ("KYIV (Reuters) - Ukraine's foreign ministry said")
    for i in range(tok.i - 1, left - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_ or _dateline_dash(doc, i):
            left = i + 1
            break
    for i in range(tok.i, right + 1):
        if "\n" in doc[i].text or ("\n" in doc[i].whitespace_ and i < right):
            right = i
            break
    while right > left and doc[right].text in PUNCT_EDGE:
        right -= 1
    while left < right and doc[left].text in PUNCT_EDGE:
        left += 1
    return left, right


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _dateline_dash(doc, i: int) -> bool:
    """A dash that ends a dateline: after "(Agency)", or standing apart between spaces
    (a hyphen inside a word or a name has none)."""
    t = doc[i]
    if t.text not in _DASHES:
        return False
    return (i > 0 and doc[i - 1].text == ")") or (bool(t.whitespace_) and i > 0 and bool(doc[i - 1].whitespace_))


def _fallback_subject(index: AnnotatedDoc, cue, lo_char: int, hi_char: int):
    """A subject for a cue the parser left without one.

    "..., Jane Doe, TITLE, said, ..." is often parsed with the name as a
    conjunct of something earlier; the nearest person or organisation name
    before the cue in its sentence (outside quotes and the content) is then
    the speaker. After a quote, "said X" may have X parsed as an object.
    """
    doc = index.doc
    s_start, s_end = index.sent_bounds[index.tok_sent[cue.i]]
    # inverted order right after the cue: "..., said Caddell"
    nxt = cue.i + 1
    prev = cue.i - 1
    while prev >= s_start and doc[prev].is_punct and not index.is_quote_mark[prev]:
        prev -= 1
    after_quote = prev >= s_start and (index.is_quote_mark[prev] or index.tok_quote[prev] >= 0)
    top = nxt
    while top < s_end and doc[top].dep_ in ("compound", "flat") and doc[top].head.i > top \
            and doc[top].head.i < s_end:
        top = doc[top].head.i
    if after_quote and nxt < s_end and index.tok_quote[nxt] < 0 and top < s_end and doc[top].head.i == cue.i \
            and (doc[nxt].pos_ in ("PROPN", "PRON") or doc[nxt].ent_type_ in ("PERSON", "ORG")):
        if doc[nxt].pos_ != "PRON" or doc[nxt].lower_ in ("he", "she", "they", "it"):
            head = doc[nxt]
            while head.head.i != head.i and head.head.i > cue.i and head.head.i < s_end \
                    and head.dep_ in ("compound", "flat", "amod"):
                head = head.head
            return head
    # "The 45-year-old added ...": the parser reads the age as a modifier of the verb
    age = doc[cue.i - 1] if cue.i - 1 >= s_start else None
    if age is not None and age.lower_ == "old" and age.i - 2 >= s_start and doc[age.i - 1].text == "-" \
            and doc[age.i - 2].lower_ in ("year", "years"):
        return age
    line_np = _line_initial_np(index, cue)
    if line_np is not None:
        return line_np
    first_org = None
    for i in range(cue.i - 1, s_start - 1, -1):
        t = doc[i]
        if index.tok_quote[i] >= 0 or "\n" in t.text or "\n" in t.whitespace_:
            break
        if lo_char <= t.idx < hi_char:
            break
        # a person named before an appositive title wins over the organisation
        # inside that title ("Jane Doe, Acme Corp director, said")
        if t.ent_type_ == "PERSON" or (t.pos_ == "PRON" and t.lower_ in ("he", "she", "they")):
            return _ent_end(doc, t, cue.i)
        if t.ent_type_ == "ORG" and first_org is None:
            first_org = _ent_end(doc, t, cue.i)
        if t.dep_ in ("nsubj", "nsubjpass", "expl") and first_org is None:
            # a nearer clause's own subject ("the mayor said that it was too early to tell"):
            # a name further back belongs to another clause
            return None
    return first_org


_CLAUSE_DEPS = ("conj", "advcl")
_SUBORDINATE = ("advcl", "relcl", "acl", "pcomp", "csubj", "xcomp")


def _participle_subject(index: AnnotatedDoc, cue):
    """'Mr. Trump hardly clarified the matter, treating her remark as a compliment --
    \'\'That makes me smart\'\' -- and, when questioned, asserting, \'\'...\'\'': the parser made
    a quote's verb the sentence's root, and the participle hangs on it; the participle
    does what the sentence's main subject outside the quotes does."""
    if cue.tag_ != "VBG" or cue.dep_ not in _CLAUSE_DEPS:
        return None
    top = cue
    while top.dep_ in _CLAUSE_DEPS and top.head is not top:
        top = top.head
    if index.tok_quote[top.i] < 0:
        return None
    doc = index.doc
    s_start = index.sent_bounds[index.tok_sent[cue.i]][0]
    for i in range(s_start, cue.i):
        t = doc[i]
        if t.dep_ == "nsubj" and index.tok_quote[i] < 0 and index.tok_quote[t.head.i] < 0 \
                and t.head.pos_ in ("VERB", "AUX") and t.head.dep_ not in _SUBORDINATE \
                and _same_paragraph(index, t, cue):
            return t
    return None


def _line_initial_np(index: AnnotatedDoc, cue):
    """'Critics of the bill accused ...' misparsed after an unpunctuated line:
    the verb-free stretch from the line start to the cue is the subject."""
    doc = index.doc
    line_start = index.para_starts[index.para_of(cue.idx)]
    first = cue.i
    while first > 0 and doc[first - 1].idx >= line_start:
        first -= 1
    while first < cue.i and (doc[first].is_space or index.is_quote_mark[first]):
        first += 1
    span = doc[first:cue.i]
    if not 0 < len(span) <= 12:
        return None
    if any(t.pos_ in ("VERB", "AUX") or index.tok_quote[t.i] >= 0 or t.text in ",;:" for t in span):
        return None
    # the head: the last noun before any preposition ("Critics" of "Critics of the bill");
    # a line that opens with a preposition ("In a statement on Tuesday said ...") names
    # a circumstance, not a speaker
    head = None
    for t in span:
        if t.pos_ == "ADP":
            break
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            head = t
    return head


def _ent_end(doc, t, limit: int):
    # the last token of an entity is its head in English
    while t.i + 1 < limit and doc[t.i + 1].ent_iob_ == "I":
        t = doc[t.i + 1]
    return t


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
_NOT_NAMES = ("DATE", "TIME")


def _inverted_name(index: AnnotatedDoc, cue, lex: CueTables) -> Optional[SpeakerInfo]:
    """'"...," said 2nd Lt. John Adair, a fire officer': the capitalised name right after
    an inverted cue, read on over the sentence break the parser puts after an abbreviated
    title ("Lt.", "Sgt.", "Spc."); its appositive stays with it."""
    doc = index.doc
    i = cue.i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or not (doc[i].text in (",", "—", "–") or index.is_quote_mark[i]):
        return None
    para = index.para_of(cue.idx)
    run: list[int] = []
    j = cue.i + 1
    while j < len(doc) and index.para_of(doc[j].idx) == para and index.tok_quote[j] < 0:
        t = doc[j]
        if t.text == "." and run and doc[run[-1]].text[:1].isupper() and len(doc[run[-1]].text) <= 5 \
                and not doc[run[-1]].whitespace_:
            run.append(j)  # the period of an abbreviation: "Lt" "."
        elif (t.text[:1].isupper() or _ORDINAL.match(t.text)) and t.ent_type_ not in _NOT_NAMES \
                and t.pos_ not in ("VERB", "AUX", "PRON", "DET", "ADP", "CCONJ"):
            run.append(j)
        else:
            break
        j += 1
    names = [k for k in run if doc[k].text != "."]
    if not names or not doc[names[-1]].text[:1].isupper():
        return None
    if index.tok_sent[run[-1]] == index.tok_sent[cue.i]:
        # one sentence: the parse reads it as well as this scan would, unless it took the
        # name after '"...," said' for the subject of a clause of its own
        after_quote = index.is_quote_mark[i] or (doc[i].text == "," and i > 0 and index.is_quote_mark[i - 1])
        subj, _ = subject_of(cue)
        # a participle ('..." adding Cambodians "deserve ..."') has its subject elsewhere
        if not after_quote or cue.tag_ in ("VBG", "VBN") or (subj is not None and (subj.i in run or subj.i < cue.i)):
            return None
    head = doc[names[-1]]
    right = names[-1]
    if head.dep_ != "compound":
        for k in range(names[-1] + 1, mention_bounds(head)[1] + 1):
            if index.tok_quote[k] >= 0 or index.para_of(doc[k].idx) != para or doc[k].tag_ in ("WP", "WDT", "WP$"):
                break  # a quote, the paragraph's end, or a relative clause ("..., who rode")
            right = k
    while right > names[-1] and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return describe_speaker(index, head, run[0], right, lex)


_MAX_BETWEEN = 20


def _between_quote_and_cue(index: AnnotatedDoc, cue, lex: CueTables) -> Optional[SpeakerInfo]:
    """'"...," Flynn, a top surrogate, said': the words between a closing quote and the cue
    name the speaker, even when the parser hung them inside the quote's clause."""
    doc = index.doc
    para = index.para_of(cue.idx)
    j = cue.i - 1
    while j >= 0 and index.tok_quote[j] < 0 and index.para_of(doc[j].idx) == para and cue.i - j <= _MAX_BETWEEN:
        j -= 1
    if j < 0 or index.tok_quote[j] < 0 or index.para_of(doc[j].idx) != para:
        return None
    left, right = j + 1, cue.i - 1
    while left <= right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right >= left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if right < left or any(t.pos_ in ("VERB", "AUX") for t in doc[left:right + 1]):
        return None
    head = next((t for t in doc[left:right + 1] if t.ent_type_ == "PERSON"), None)
    if head is not None:
        head = _ent_end(doc, head, right + 1)
    else:
        head = next((t for t in doc[left:right + 1] if t.text == ","), None)
        head = doc[(head.i - 1) if head is not None else right]
        if head.pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
    return describe_speaker(index, head, left, right, lex)


def find_speaker(index: AnnotatedDoc, cue, lex: CueTables,
                 content: Optional[tuple[int, int]] = None) -> Optional[SpeakerInfo]:
    inverted = _inverted_name(index, cue, lex)
    if inverted is not None:
        return inverted
    subj, passive = subject_of(cue)
    if subj is not None and _no_source(index, subj, cue, lex):
        return None
    if subj is not None and (index.tok_quote[subj.i] >= 0 or not _same_paragraph(index, subj, cue)):
        subj = None  # the parser reached into a quote or across a line break
        passive = False
    if subj is not None and subj.pos_ == "PRON" and subj.lower_ in _RELATIVE:
        return _relative_speaker(index, cue, subj, lex)
    if subj is None and passive:
        return None
    if subj is None:
        between = _between_quote_and_cue(index, cue, lex)
        if between is not None:
            return between
        lo, hi = content if content else (-1, -1)
        subj = _participle_subject(index, cue) or _fallback_subject(index, cue, lo, hi)
        if subj is None or index.tok_quote[subj.i] >= 0:
            return None  # a word inside quotation marks is quoted, not the one quoting
        # the fallback mention runs from the name up to the cue (appositive titles)
        left = subj.left_edge.i if subj.left_edge.i <= subj.i else subj.i
        line_start = index.para_starts[index.para_of(cue.idx)]
        while left < subj.i and index.doc[left].idx < line_start:
            left += 1
        while left > 0 and left > subj.i - 12 and index.doc[left - 1].idx >= line_start \
                and index.doc[left - 1].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "NUM") \
                and index.tok_quote[left - 1] < 0:
            left -= 1
        right = subj.i
        if subj.i < cue.i:
            # "NAME, TITLE, said": the appositive between name and cue belongs to the mention
            right = subj.i
            between = index.doc[subj.i + 1:cue.i]
            if len(between) and between[0].text == "," and len(between) <= 20 \
                    and not any(t.pos_ in ("VERB", "AUX") or index.tok_quote[t.i] >= 0 for t in between):
                right = cue.i - 1
                while right > subj.i and index.doc[right].text in PUNCT_EDGE:
                    right -= 1
            if content and index.doc[right].idx >= content[0] and index.doc[right].idx < content[1]:
                right = subj.i
        else:
            left, right = mention_bounds(subj)
            left = max(left, cue.i + 1)
        return describe_speaker(index, subj, left, right, lex)
    left, right = mention_bounds(subj)
    return describe_speaker(index, subj, left, right, lex)


def _same_paragraph(index: AnnotatedDoc, a, b) -> bool:
    return index.para_of(a.idx) == index.para_of(b.idx)


def _relative_speaker(index: AnnotatedDoc, cue, pron, lex: CueTables) -> Optional[SpeakerInfo]:
    """'the Saudi government, which has denied ...': the mention is the relative
    pronoun, the speaker the noun phrase the clause hangs on."""
    doc = index.doc
    info = describe_speaker(index, pron, pron.i, pron.i, lex)
    clause = cue
    while clause.dep_ not in ("relcl", "acl") and clause.head is not clause and clause.dep_ in ("conj", "xcomp"):
        clause = clause.head
    noun = clause.head if clause.dep_ in ("relcl", "acl") else None
    if info is None or noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return info
    left, right = mention_bounds(noun)
    right = min(right, noun.i if noun.i >= left else right)
    # the antecedent ends before the relative clause; appositives before it stay
    right = min(right, pron.i - 1)
    while right > left and doc[right].is_punct:
        right -= 1
    ante = describe_speaker(index, noun, left, right, lex)
    if ante is None:
        return info
    info.resolved_from = info.text
    info.text = ante.text
    info.name, info.title, info.affiliation = ante.name, ante.title, ante.affiliation
    info.kind, info.plural = ante.kind, ante.plural
    # the mention runs from the antecedent to the pronoun ("Cambodian officials who"):
    # a reader sees the speaker named there, and the pronoun ties it to the cue
    if ante.start < info.start and index.para_of(ante.start) == index.para_of(info.start):
        info.start = ante.start
        info.text = ante.text
    return info


def sourceless(index: AnnotatedDoc, cue, lex: CueTables) -> bool:
    """The cue's subject says no source makes the claim (see ``_no_source``)."""
    subj, _ = subject_of(cue)
    return subj is not None and _no_source(index, subj, cue, lex)


def _no_source(index: AnnotatedDoc, subj, cue, lex: CueTables) -> bool:
    """'nobody would question ...': a claim nobody makes. 'posts that you
    believe break national laws', 'one might argue': a generic "you" or "one"
    in the narration is the reader or people at large, not a source. Inside a
    quote "you" is someone's addressee, and "you said in May" (a past report)
    or "one said" (one of some group) has a real speaker, so those stay."""
    low = subj.lower_
    if low in lex.no_one:
        return True
    if low not in lex.generic_pronouns or subj.pos_ != "PRON" or index.tok_quote[subj.i] >= 0:
        return False
    if subj.n_lefts or subj.n_rights:
        return False  # "the one who", "one of them": a particular person or thing
    past = cue.tag_ in ("VBD", "VBN") or any(
        c.dep_ == "aux" and (c.tag_ == "VBD" or c.lemma_ == "have") for c in cue.children)
    return not past
