"""Article metadata from loosely named fields (JSON records, front matter).

Feeds, scrapers and schema.org all spell the same things differently; each
field of :class:`Draft` takes the first alias present, and nested objects
(``publisher: {name: ...}``, ``author: [{name: ...}]``) are reduced to text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping, Optional

TITLE = ("title", "headline", "name")
TEXT = ("text", "body", "articleBody", "article_body", "content", "maintext", "article", "story")
OUTLET = ("outlet", "source", "publisher", "sitename", "site_name", "siteName", "source_name",
          "source_domain", "media", "publication")
PUBLISHED = ("published", "date", "datePublished", "date_published", "date_publish",
             "publish_date", "publishedAt", "pubDate", "pub_date", "created_at", "time")
BYLINE = ("byline", "author", "authors", "creator", "by")
URL = ("url", "link", "canonical_url", "canonical", "href", "source_url")
ID = ("id",)
# the story a record belongs to, for `claimrec corpus`
EVENT = ("event", "event_id", "story_id")
_NAME_KEYS = ("name", "title", "text", "value", "@value", "id")


@dataclass
class Draft:
    """An article as a reader found it, before cleaning."""

    text: str
    format: str
    offset: int = 0
    id_hint: Optional[str] = None
    where: str = ""  # inside a multi-article file, e.g. ":3" for JSONL line 3
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    byline: Optional[str] = None
    url: Optional[str] = None
    event: Optional[str] = None
    find_title: bool = False
    markdown: bool = False


def _values(record: Mapping[str, Any], keys: tuple[str, ...]) -> Iterator[Any]:
    """The values under ``keys`` in order; a key's exact spelling first, then any casing."""
    folded = {str(k).casefold(): v for k, v in record.items()}
    for key in keys:
        yield record.get(key, folded.get(key.casefold()))


def first(record: Mapping[str, Any], keys: tuple[str, ...]) -> Optional[str]:
    """The first of ``keys`` whose value reduces to non-empty text."""
    for value in _values(record, keys):
        text = as_text(value)
        if text:
            return text
    return None


def as_text(value: Any, *, joiner: str = ", ") -> Optional[str]:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (str, int, float)):
        text = str(value).strip()
        return text or None
    if isinstance(value, Mapping):
        for key in _NAME_KEYS:
            text = as_text(value.get(key))
            if text:
                return text
        return None
    if isinstance(value, (list, tuple)):
        parts = [t for t in (as_text(v) for v in value) if t]
        return joiner.join(parts) or None
    return None


def body_text(record: Mapping[str, Any]) -> Optional[str]:
    """The article body; a list of paragraphs becomes paragraphs."""
    for value in _values(record, TEXT):
        if isinstance(value, (list, tuple)):
            text = as_text(value, joiner="\n\n")
        elif isinstance(value, Mapping):
            text = None
        else:
            text = as_text(value)
        if text:
            return text
    return None


def draft_from_record(record: Mapping[str, Any], *, fmt: str, text: str, offset: int = 0,
                      id_hint: Optional[str] = None) -> Draft:
    return Draft(
        text=text, format=fmt, offset=offset, id_hint=id_hint,
        title=first(record, TITLE), outlet=first(record, OUTLET),
        published=first(record, PUBLISHED), byline=first(record, BYLINE), url=first(record, URL),
        event=first(record, EVENT),
    )
