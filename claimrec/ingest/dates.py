"""Publication dates: find one in a short string, compare them, print them as ISO."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Optional, Union

When = Union[date, datetime]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_ISO = re.compile(
    r"(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\.\d+)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_WORDY = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
)
_SLASHED = re.compile(r"\b(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})\b")


def find_date(text: str) -> Optional[str]:
    """The first date in ``text`` as ISO 8601 (date, or date-time when given)."""
    when = parse_date(text)
    return when.isoformat() if when else None


def parse_date(text: Optional[str]) -> Optional[When]:
    if not text:
        return None
    text = str(text)
    iso = _ISO.search(text)
    if iso:
        return _from_iso(iso)
    for pattern in _WORDY:
        m = pattern.search(text)
        if m:
            return _safe_date(int(m["year"]), _MONTHS[m["month"][:3].lower()], int(m["day"]))
    m = _SLASHED.search(text)
    if m:
        return _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
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
