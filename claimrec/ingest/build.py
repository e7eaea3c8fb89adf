"""One input (file or stdin) -> its articles: read, decode, parse, clean.

``Article.removed`` offsets count from the start of the text the reader
yielded: the decoded file for txt and md, the record's text field for json
and jsonl, trafilatura's extracted text for html.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Optional

from claimrec.ingest.clean import clean_text
from claimrec.ingest.dates import normalise_date
from claimrec.ingest.encoding import decode_bytes
from claimrec.ingest.fetch import FetchSettings, Page, fetch_page, page_id
from claimrec.ingest.fields import Draft
from claimrec.ingest.ids import IdAllocator
from claimrec.ingest.lines import has_letters
from claimrec.ingest.limits import read_capped_file, read_capped_stream
from claimrec.ingest.problems import BadInput
from claimrec.ingest.readers import FORMAT_BY_SUFFIX, read_text, sniff_format
from claimrec.ingest.walk import UNSUPPORTED_DOCUMENTS, Candidate
from claimrec.models import Article, InputError

STDIN_PATH = "<stdin>"
STDIN_ID = "stdin"


@dataclass
class Built:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def build_candidate(candidate: Candidate, ids: IdAllocator, *, max_bytes: int,
                    stdin: Optional[BinaryIO] = None, fetch: Optional[FetchSettings] = None) -> Built:
    """The articles in one input, or the one error that says why there are none."""
    shown = STDIN_PATH if candidate.stdin else candidate.path
    built = Built()
    default_id = _default_id(candidate)
    page: Optional[Page] = None
    try:
        if candidate.url:
            page = fetch_page(candidate.path, fetch or FetchSettings.from_env(), max_bytes)
            raw = page.body
        else:
            raw = _read_bytes(candidate, max_bytes, stdin)
        text = decode_bytes(raw, line_records=candidate.suffix == ".jsonl")
        fmt = (page.format if page is not None else None) or _format_of(candidate, text)
        parsed = read_text(text, fmt, default_id)
    except BadInput as exc:
        built.errors.append(InputError(path=shown, reason=exc.reason))
        return built
    for where, reason in parsed.problems:
        built.errors.append(InputError(path=f"{shown}{where}", reason=reason))
    for draft in parsed.drafts:
        if page is not None and not draft.url:
            draft.url = page.final_url
        try:
            built.articles.append(_article(draft, shown, ids, default_id))
        except BadInput as exc:
            built.errors.append(InputError(path=f"{shown}{draft.where}", reason=exc.reason))
    return built


def _default_id(candidate: Candidate) -> str:
    if candidate.stdin:
        return STDIN_ID
    if candidate.url:
        return page_id(candidate.path)
    return Path(candidate.path).stem


def _read_bytes(candidate: Candidate, max_bytes: int, stdin: Optional[BinaryIO]) -> bytes:
    if candidate.stdin:
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            return read_capped_stream(stream, max_bytes)
        except OSError as exc:
            raise BadInput(f"cannot read stdin: {exc.strerror or exc}") from None
    if candidate.suffix in UNSUPPORTED_DOCUMENTS:
        raise BadInput(f"unsupported format ({candidate.suffix}); convert it to text, HTML or JSON")
    return read_capped_file(Path(candidate.path), max_bytes)


def _format_of(candidate: Candidate, text: str) -> str:
    return FORMAT_BY_SUFFIX.get(candidate.suffix) or sniff_format(text)


def _article(draft: Draft, path: str, ids: IdAllocator, default_id: str) -> Article:
    cleaned = clean_text(draft.text, offset=draft.offset, find_title=draft.find_title,
                         known_title=draft.title, markdown=draft.markdown)
    if not has_letters(cleaned.text):
        raise BadInput("no article text (nothing but boilerplate, punctuation or invisible characters)")
    return Article(
        id=ids.allocate(draft.id_hint or default_id),
        path=path,
        format=draft.format,
        title=draft.title or cleaned.title,
        outlet=draft.outlet or cleaned.outlet,
        published=normalise_date(draft.published) or cleaned.published,
        byline=draft.byline or cleaned.byline,
        url=draft.url,
        event=draft.event,
        credits=cleaned.credits,
        text=cleaned.text,
        removed=cleaned.removed,
    )
