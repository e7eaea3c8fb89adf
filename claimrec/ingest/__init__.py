"""Ingestion: files, folders and stdin -> cleaned :class:`~claimrec.models.Article` s.

``read_inputs`` walks the given paths, reads each input in its format (txt,
md, html, json, jsonl), removes boilerplate, moves credit lines to
``credits`` and assigns roles. An input that cannot be read becomes one
:class:`~claimrec.models.InputError` and the rest goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO, Optional, Sequence

from claimrec.errors import UsageError
from claimrec.ingest.build import build_candidate
from claimrec.ingest.fetch import FetchSettings, is_url
from claimrec.ingest.ids import IdAllocator
from claimrec.ingest.limits import resolve_max_bytes
from claimrec.ingest.patterns import extra_furniture as furniture_in_force
from claimrec.ingest.problems import nothing_readable
from claimrec.ingest.machine_text import restore_rewrites
from claimrec.ingest.roles import assign_roles, match_source
from claimrec.ingest.walk import STDIN, Candidate, expand_paths
from claimrec.models import Article, InputError


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def read_inputs(paths: list[str], *, source: str | None = None, max_bytes: Optional[int] = None,
                stdin: Optional[BinaryIO] = None, assign: bool = True,
                require_article: bool = True, source_given_as: str = "--source",
                fetch: Optional[FetchSettings] = None, extra_furniture: Sequence[str] = ()) -> IngestResult:
    """Read every article under ``paths``; ``source`` names the wire story if known.

    ``source_given_as`` is how the user named it, for the role reasons
    ("--source", or "SOURCE" for the first argument of ``claimrec diff``).

    ``http(s)://`` inputs are fetched as ``fetch`` says (default: from the
    environment, cached under the user cache folder; see claimrec.ingest.fetch).
    ``extra_furniture``: more whole-line boilerplate patterns (a project's config file).
    ``max_bytes`` caps each input (default $CLAIMREC_MAX_BYTES or 20 MB);
    ``stdin`` replaces ``sys.stdin.buffer`` for ``-``; ``assign=False`` skips roles.
    When no input yields an article, raises NoUsableInput naming each failed
    input (``require_article=False`` returns the empty result instead).
    """
    with furniture_in_force(extra_furniture):
        return _read_inputs(paths, source, max_bytes, stdin, assign, require_article, source_given_as,
                            fetch or FetchSettings.from_env())


def _read_inputs(paths: list[str], source: Optional[str], max_bytes: Optional[int],
                 stdin: Optional[BinaryIO], assign: bool, require_article: bool, source_given_as: str,
                 fetch: FetchSettings) -> IngestResult:
    cap = resolve_max_bytes(max_bytes)
    candidates, errors = expand_paths(paths)
    result = IngestResult(errors=list(errors))
    ids = IdAllocator()
    for candidate in candidates:
        built = build_candidate(candidate, ids, max_bytes=cap, stdin=stdin, fetch=fetch)
        result.articles.extend(built.articles)
        result.errors.extend(built.errors)
    if not result.articles:
        if require_article:
            raise nothing_readable(result.errors)
        return result
    if not assign:
        return result
    source_id = None
    if source is not None:
        source_id = _source_id(result, source, ids, cap, stdin, fetch)
    result.articles = restore_rewrites(assign_roles(result.articles, source_id, given_as=source_given_as))
    return result


def _source_id(result: IngestResult, source: str, ids: IdAllocator, cap: int,
               stdin: Optional[BinaryIO], fetch: FetchSettings) -> str:
    """The --source article's id, reading the file in when it was not among the inputs."""
    found = match_source(result.articles, "<stdin>" if source == STDIN else source)
    if found is not None:
        return found
    if source == STDIN:
        candidate = Candidate(path=STDIN, stdin=True)
    else:
        candidate = Candidate(path=source.strip() if is_url(source) else source, url=is_url(source))
    built = build_candidate(candidate, ids, max_bytes=cap, stdin=stdin, fetch=fetch)
    if not built.articles:
        reason = built.errors[0].reason if built.errors else "no article in it"
        raise UsageError(f"--source {source}: {reason}")
    result.articles = built.articles + result.articles
    result.errors.extend(built.errors)
    return built.articles[0].id


__all__ = ["FetchSettings", "IngestResult", "read_inputs"]
