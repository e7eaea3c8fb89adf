"""Publication dates: find one in a short string (ISO 8601, else dateparser), compare them, print them as ISO."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Optional, Union

When = Union[date, datetime]

_ISO = re.compile(
    r"(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\.\d+)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_ABBREVIATED = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.", re.IGNORECASE)
# a full date only: a weekday or a month on its own is no publication date
_DATEPARSER = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
               "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


def find_date(text: str) -> Optional[str]:
    """The first date in ``text`` as ISO 8601 (date, or date-time when given)."""
    when = parse_date(text)
    return when.isoformat() if when else None


def parse_date(text: Optional[str]) -> Optional[When]:
    """The first full date in ``text``: ISO 8601 first (date-times keep their time and zone),
    then whatever dateparser reads in English ("March 4, 2021", "4 Mar 2021", "2021/3/4")."""
    if not text:
        return None
    text = str(text)
    iso = _ISO.search(text)
    if iso:
        return _from_iso(iso)
    if not re.search(r"(?:19|20)\d{2}", text):
        return None  # every form read here names its year; this spares dateparser the text
    from dateparser.search import search_dates  # deferred: it loads its language data on import

    # news style abbreviates months with a full stop ("Sept. 28, 2016"), which dateparser misses
    text = _ABBREVIATED.sub(r"\1", text[:400])
    try:
        found = search_dates(text, languages=["en"], settings=_DATEPARSER)
    except (ValueError, OverflowError, RecursionError):
        return None
    for _, when in found or ():
        if 1900 <= when.year <= 2100:
            return when.date()
    return None


def normalise_date(value: object) -> Optional[str]:
    """A metadata date as ISO when it can be read, else the string as given."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    return find_date(text) or text


def sort_key(when: When) -> datetime:
    """Dates and date-times on one axis (a bare date counts as its midnight, naive)."""
    if isinstance(when, datetime):
        if when.tzinfo is not None:
            when = when.astimezone(timezone.utc).replace(tzinfo=None)
        return when
    return datetime(when.year, when.month, when.day)


def _from_iso(m: re.Match[str]) -> Optional[When]:
    day = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    if day is None or m["hour"] is None:
        return day
    stamp = m.group(0).replace(" ", "T").replace("Z", "+00:00")
    if m["tz"] and ":" not in m["tz"] and m["tz"] != "Z":
        stamp = stamp[: -2] + ":" + stamp[-2:]  # Python 3.10 wants +HH:MM
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:
        return day


def _safe_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None
