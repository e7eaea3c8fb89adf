"""The per-article analysis cache: what annotation, extraction and the mention scan made of
one article, so that a rerun does only the cross-article work.

The parse cache (:class:`claimrec.nlp.DocCache`) saves the spaCy parse; everything claimrec
computes from one article alone is deterministic too and costs about as much again
(annotation, claim extraction, the actor-mention scan of party resolution). Two kinds of
entry, one file each:

- ``claims``: the article's claims (before party resolution), its actor mentions and its
  dominant country; keyed by the text and the article id (claim ids and spans carry the id).
  A run whose every article hits needs no parse at all, so ``claimrec extract`` on a warm
  cache never imports spaCy;
- ``annotation``: the :class:`~claimrec.text.document.AnnotatedDoc` without its Doc, keyed by
  the text; ``reconcile`` reattaches it to the cached parse, which detectors still read.

Entries live under ``root/analysis/<fingerprint>/<kind>/``. The fingerprint hashes everything
that can change a result besides the text: the pipeline (:func:`claimrec.nlp.model_identity`,
which includes ``PIPELINE_REVISION``), claimrec's version, the lexicon files' bytes
(:func:`claimrec.text.lexicon.lexicon_digest`), the bytes of claimrec's own source files (a
development checkout changes behaviour without changing its version), and the spaCy,
pydantic and Python versions the pickles depend on. A stale entry is therefore never found,
rather than found and distrusted.

Files are pickles framed by a magic line and a SHA-256 of the payload; a torn, truncated or
foreign file is a miss, never a crash. Unpickling only admits claimrec's own classes and a
few builtins, so a file planted in a shared cache folder cannot run code. Writes go to a
temporary file renamed into place, so concurrent writers (``--jobs N``) are safe: the last
rename wins and every rename installs a whole entry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from claimrec._version import __version__

log = logging.getLogger(__name__)

# Bumped when the layout of an entry changes.
FORMAT = b"claimrec-analysis-1\n"
_DIGEST_BYTES = 32
_PACKAGE = Path(__file__).resolve().parent


@dataclass
class ArticleAnalysis:
    """One article's share of the work that needs no other article."""

    claims: list  # list[Claim], speakers not yet resolved to parties
    mentions: list  # list[claimrec.resolve.mentions.Mention] found in the parse
    dominant: Optional[str]  # the country the article is mostly about
    places: frozenset = frozenset()  # names the parse tags as places (no speaker is one)

    def placed(self, index: int) -> "ArticleAnalysis":
        """The same analysis for the article at ``index`` of this run (mentions carry it)."""
        for m in self.mentions:
            while m is not None:
                m.article = index
                m = m.affiliation
        return self


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of claimrec's own source files (``*.py`` under the package)."""
    h = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        rel = path.relative_to(_PACKAGE).as_posix()
        if rel.startswith("_data/"):
            continue
        h.update(rel.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def fingerprint(model: str) -> str:
    """Everything besides the text that an entry's content depends on, hashed."""
    from importlib import metadata

    from claimrec.text.lexicon import lexicon_digest

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "-"

    parts = [model, __version__, lexicon_digest(), code_digest(), version("spacy"),
             version("pydantic"), f"{sys.version_info[0]}.{sys.version_info[1]}",
             FORMAT.decode().strip()]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:20]


def _text_digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class AnalysisCache:
    """Entries under ``root/analysis/<fingerprint>/``."""

    def __init__(self, root: Path, model: str):
        self.folder = Path(root) / "analysis" / fingerprint(model)
        self._marked = False

    # ---- claims, mentions, dominant country: keyed by text and article id ------------------
    def claims_path(self, article_id: str, text: str) -> Path:
        return self._path("claims", _text_digest(article_id, text))

    def get_analysis(self, article_id: str, text: str) -> Optional[ArticleAnalysis]:
        value = self._read(self.claims_path(article_id, text))
        if not isinstance(value, ArticleAnalysis) or not isinstance(value.claims, list) \
                or not isinstance(value.mentions, list):
            return None
        if any(getattr(c, "article_id", None) != article_id for c in value.claims):
            return None
        return value

    def put_analysis(self, article_id: str, text: str, analysis: ArticleAnalysis) -> None:
        self._write(self.claims_path(article_id, text), analysis)

    # ---- annotated documents without their Doc: keyed by text --------------------------------
    def annotation_path(self, text: str) -> Path:
        return self._path("annotation", _text_digest(text))

    def get_annotation(self, article_id: str, text: str, doc):
        """The annotated document of ``text`` on ``doc`` (its parse), or None."""
        from claimrec.text.document import AnnotatedDoc

        fields = self._read(self.annotation_path(text))
        if not isinstance(fields, dict) or fields.get("text") != text:
            return None
        try:
            adoc = AnnotatedDoc(article_id=article_id, doc=doc, **fields)
        except TypeError:  # the class gained or lost a field (the code digest should catch it)
            return None
        if len(adoc.tok_quote) != len(doc):
            return None
        return adoc

    def put_annotation(self, adoc) -> None:
        fields = {f.name: getattr(adoc, f.name) for f in dataclasses.fields(adoc)
                  if f.name not in ("doc", "article_id")}
        self._write(self.annotation_path(adoc.text), fields)

    # ---- files ----------------------------------------------------------------------------------
    def _path(self, kind: str, digest: str) -> Path:
        return self.folder / kind / digest[:2] / f"{digest}.pkl"

    def _mark_used(self, create: bool) -> None:
        """Note (once per process) that this fingerprint is in use; a new one clears out
        fingerprints nobody has used for ``STALE_DAYS`` (each code or lexicon change makes one)."""
        if self._marked:
            return
        try:
            if not self.folder.is_dir():
                if not create:
                    return
                self.folder.mkdir(parents=True, exist_ok=True)
                _prune_stale(self.folder.parent, keep=self.folder.name)
            (self.folder / USED_MARKER).touch()
            self._marked = True
        except OSError:
            pass

    def _read(self, path: Path) -> Any:
        self._mark_used(create=False)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        head = len(FORMAT) + _DIGEST_BYTES
        if len(data) < head or not data.startswith(FORMAT):
            return None
        payload = data[head:]
        if hashlib.sha256(payload).digest() != data[len(FORMAT):head]:
            log.debug("torn analysis cache entry %s", path)
            return None
        try:
            return _SafeUnpickler(io.BytesIO(payload)).load()
        except Exception:  # foreign or from a class that changed shape: a miss
            log.debug("unreadable analysis cache entry %s", path)
            return None

    def _write(self, path: Path, value: Any) -> None:
        try:
            buffer = io.BytesIO()
            _NoSpacyPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
            payload = buffer.getvalue()
        except Exception as exc:  # something in it cannot be stored: no entry, no harm
            log.debug("not caching %s: %s", path.name, exc)
            return
        self._mark_used(create=True)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # write-then-rename so a concurrent reader never sees half a file
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(FORMAT + hashlib.sha256(payload).digest() + payload)
                os.replace(tmp, path)
            except BaseException:
                _unlink(tmp)
                raise
        except OSError as exc:
            log.warning("cannot write analysis cache %s: %s", path, exc)


USED_MARKER = ".used"
STALE_DAYS = 30


def _prune_stale(parent: Path, keep: str) -> None:
    import shutil
    import time

    cutoff = time.time() - STALE_DAYS * 86400
    for folder in parent.iterdir():
        if folder.name == keep or not folder.is_dir():
            continue
        marker = folder / USED_MARKER
        try:
            used = (marker if marker.exists() else folder).stat().st_mtime
        except OSError:
            continue
        if used < cutoff:
            shutil.rmtree(folder, ignore_errors=True)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


_SAFE_BUILTINS = frozenset({"set", "frozenset", "list", "dict", "tuple", "bytes", "bytearray",
                            "str", "int", "float", "complex", "bool", "slice", "range"})
_SAFE_GLOBALS = {("copyreg", "_reconstructor"), ("copyreg", "__newobj__"),
                 ("collections", "OrderedDict"), ("collections", "Counter"),
                 ("collections", "defaultdict"), ("datetime", "date"), ("datetime", "datetime"),
                 ("datetime", "timezone"), ("datetime", "timedelta")}


class _SafeUnpickler(pickle.Unpickler):
    """Admits claimrec's classes and plain builtin containers only."""

    def find_class(self, module: str, name: str):
        if module == "builtins" and name in _SAFE_BUILTINS:
            return super().find_class(module, name)
        if (module, name) in _SAFE_GLOBALS:
            return super().find_class(module, name)
        if module == "claimrec" or module.startswith("claimrec."):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the analysis cache")


class _NoSpacyPickler(pickle.Pickler):
    """Refuses spaCy objects: an entry must stand on its own, not drag a Doc along."""

    def reducer_override(self, obj):
        module = getattr(type(obj), "__module__", "") or ""
        if module.startswith(("spacy", "thinc")):
            raise pickle.PicklingError(f"{type(obj).__name__} cannot go into the analysis cache")
        return NotImplemented
