"""Content keys: what two sentences or claims must share to say the same thing.

One definition for alignment and detection alike. A token's content key is the
lemma of a content word (noun, verb, adjective, adverb, number, proper noun)
that is neither a stopword nor a weak word, cut to a six-letter prefix so
derivations meet ("criticism" ~ "criticized", "compliance" ~ "compliant");
proper nouns keep their whole name under a transliteration key ("Sarym" ~
"Sarim"); numbers lose their thousands separators. Neutral reporting verbs
("say", "state", "tell") are not content: they carry the attribution, which is
compared on its own, not what was said.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from claimrec.text.lexicon import lexicon
from claimrec.text.normalize import name_key

# Universal POS tags of the words that carry what a sentence says.
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
PREFIX = 6
_HAS_WORD = re.compile(r"\w")


@lru_cache(maxsize=1)
def _word_sets() -> tuple[frozenset, frozenset, frozenset]:
    lex = lexicon()
    neutral = frozenset(lemma for lemma, spec in lex.cues.verbs.items() if spec.cls == "neutral")
    return frozenset(lex.words.content_stopwords), frozenset(lex.words.weak_content), neutral


@lru_cache(maxsize=200_000)
def base_key(form: str, proper: bool = False, number: bool = False) -> str:
    """The key of a lemma or word form, whatever its part of speech."""
    form = form.lower().replace("-", "").replace("\u2019", "'")
    if form.endswith("'s") and len(form) > 2:
        form = form[:-2]  # "Korea's" (one token when the apostrophe is curly) is "Korea"
    if number:
        return form.replace(",", "")
    if proper:
        return name_key(form).replace(" ", "") or form
    if not form.isalpha():
        return form
    return form[:PREFIX]


def is_content(tok) -> bool:
    """A token that carries meaning of its own (not a function word, weak word or punctuation)."""
    return _token_facts(tok)[0]


def token_key(tok) -> Optional[str]:
    """The content key of one token, or None for tokens that carry no content."""
    content, key = _token_facts(tok)
    return key if content else None


def lemma_key(tok) -> str:
    """The key of a token's lemma, content word or not."""
    return _token_facts(tok)[1]


# What is_content and lemma_key read of a token is its word form, lemma and part of speech
# (is_punct, is_stop, like_num and the rest are flags of the word form's lexeme), and every
# stage keys the same words of the same articles again and again: each (form, lemma, tag)
# is worked out once per process (a bounded table: cleared when full).
_FACTS: dict[tuple[int, int, int], tuple[bool, str]] = {}
_FACTS_MAX = 500_000


def _token_facts(tok) -> tuple[bool, str]:
    ids = (tok.orth, tok.lemma, tok.pos)
    facts = _FACTS.get(ids)
    if facts is None:
        if len(_FACTS) >= _FACTS_MAX:
            _FACTS.clear()
        facts = _FACTS[ids] = (_is_content(tok), _lemma_key(tok))
    return facts


def token_keys(doc) -> list[Optional[str]]:
    """``token_key`` of every token of ``doc``, by index: the ids the table is keyed on are
    read for the whole Doc at once, and a Token object is made only for a word not seen
    before (the table holds most words of an article after its first few sentences)."""
    from spacy.attrs import LEMMA, ORTH, POS

    out: list[Optional[str]] = []
    for i, ids in enumerate(map(tuple, doc.to_array([ORTH, LEMMA, POS]).tolist())):
        facts = _FACTS.get(ids)
        if facts is None:
            facts = _token_facts(doc[i])
        out.append(facts[1] if facts[0] else None)
    return out


def _is_content(tok) -> bool:
    if tok.is_punct or tok.is_space or tok.pos_ not in CONTENT_POS:
        return False
    stopwords, weak, neutral = _word_sets()
    lemma = tok.lemma_.lower()
    if tok.is_stop and lemma not in stopwords and tok.pos_ != "NUM":
        return False
    if tok.lower_ in weak or lemma in weak:
        return False
    if tok.pos_ == "VERB" and lemma in neutral:
        return False
    return bool(_HAS_WORD.search(tok.text))


def _lemma_key(tok) -> str:
    lemma = tok.lemma_ or tok.text
    return base_key(lemma, proper=tok.pos_ == "PROPN", number=tok.like_num or tok.pos_ == "NUM")


def keys_of(tokens: Iterable) -> set[str]:
    return {k for k in map(token_key, tokens) if k}


def proper_keys(tokens: Iterable) -> set[str]:
    """Keys of proper names (new names are what marks new material most clearly)."""
    return {k for t in tokens if t.pos_ == "PROPN" and (k := token_key(t))}


def form_keys(tok) -> set[str]:
    """Keys of a token's lemma and surface form, read both as a common word and, for a
    proper noun, as a name: whatever the tagger made of a lower-cased "olympics" or a
    capitalised "Olympic", the two meet."""
    keys = {base_key(tok.lemma_ or tok.text), base_key(tok.text)}
    if tok.pos_ == "PROPN":
        keys |= {base_key(tok.lemma_ or tok.text, proper=True), base_key(tok.text, proper=True)}
    if tok.like_num:
        keys.add(base_key(tok.text, number=True))
    return keys


def presence_keys(tokens: Iterable) -> set[str]:
    """Keys of every word's lemma and surface form: a lenient 'is this word there' index."""
    out: set[str] = set()
    for t in tokens:
        if not (t.is_punct or t.is_space):
            out |= form_keys(t)
    return out


def token_runs(tokens, keep) -> list[list]:
    """Maximal runs of consecutive tokens for which ``keep(token)`` holds, in order."""
    runs: list[list] = []
    cur: list = []
    for tok in tokens:
        if keep(tok):
            cur.append(tok)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs
