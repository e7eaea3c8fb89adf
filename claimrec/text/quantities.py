"""Figures and dates read off spaCy tokens and normalised for comparison.

"3.2 million", "3,200,000" and "3.2m" all become the value 3200000.0;
"nineteen" is 19; "23-year-old" is 23 with unit "year". Dates become typed
values: ("weekday", 2), ("month", 9), ("year", 2014), ("day", (4, 26)),
("time", "4:00"), ("relative", "last week"), so "on Monday" only ever
compares with another weekday.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from claimrec.text.arrays import Words, word_positions
from claimrec.text.keys import base_key
from claimrec.text.lexicon import NumberLexicon, lexicon

_NUM = re.compile(r"^(?P<cur>us\$|[$£€¥₹#])?(?P<num>\d+(?:[,\u202f]\d{3})*(?:\.\d+)?|\.\d+)"
                  r"(?P<suf>k|m|mn|mln|bn|b|tn|%|s|thousand|million|billion|trillion)?$", re.I)
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?(am|pm|a\.m\.|p\.m\.)?$", re.I)
_FOUR_DIGITS = re.compile(r"\d{4}")
_YEAR = re.compile(r"(1[89]|20)\d\d")
_DAY = re.compile(r"(\d{1,2})(st|nd|rd|th)?")
_ASCII_DIGIT = re.compile(r"[0-9]")
_COUNT_ENTITIES = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _lex() -> NumberLexicon:
    return lexicon().numbers


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str  # normalised unit key ("" when none is visible)
    approx: bool
    start: int  # doc token indices
    end: int
    text: str
    # "70th", "third": a rank, not an amount; equal only to the same rank
    ordinal: bool = False


@dataclass(frozen=True)
class DateMention:
    kind: str  # weekday | month | year | day | time | relative
    value: object
    start: int
    end: int
    text: str


def _unit_key(tok) -> str:
    lemma = tok.lemma_.lower() if tok.lemma_ else tok.lower_
    return base_key(lemma)


def _word_value(tok) -> Optional[float]:
    lex = _lex()
    low = tok.lower_
    if low in lex.units:
        return float(lex.units[low])
    return None


def _is_year(value: float, text: str) -> bool:
    return value.is_integer() and 1900 <= value <= 2100 and _FOUR_DIGITS.fullmatch(text) is not None


def _has_digit(text: str) -> bool:
    if text.isascii():  # nearly every word: a regex search, no loop over characters
        return _ASCII_DIGIT.search(text) is not None
    return any(ch.isdigit() for ch in text)  # "²" and other digits that are not 0-9


def _next_at(positions: list[int], i: int, n: int) -> int:
    """The first of the sorted ``positions`` at or after ``i`` (``n`` when none is)."""
    k = bisect_left(positions, i)
    return positions[k] if k < len(positions) else n


_ORDINAL = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)$", re.I)


def _ordinal(tok) -> Optional[float]:
    """The rank a token gives ("70th", "third"), or None. A number word counts only where the
    tagger reads it as an ordinal: "second" is also a unit of time, "First Minister" a title."""
    m = _ORDINAL.match(tok.text)
    if m:
        return float(m.group(1))
    if tok.ent_type_ == "ORDINAL" and tok.pos_ == "ADJ":
        return _lex().ordinals.get(tok.lower_)
    return None


def figures(tokens) -> list[Figure]:
    """Numeric figures in ``tokens`` (years and times excluded; ordinals marked as such)."""
    lex = _lex()
    scales, currencies = lex.scales, lex.currencies
    approximators = set(lex.approximators)
    toks = Words(tokens)  # a reflowed double space is no word
    # a figure starts only at a word with a digit, a number word or an ordinal word (the
    # tests below): the scan jumps from one such word to the next
    units, ordinals = lex.units, lex.ordinals
    starts = word_positions(toks, lambda text, low: _has_digit(text) or low in units or low in ordinals)
    out: list[Figure] = []
    n = len(toks)
    i = 0
    while (i := _next_at(starts, i, n)) < n:
        tok = toks[i]
        value, unit, first, last = None, "", i, i
        if _time_at(toks, i) is not None or _is_day_of_month(toks, i):
            i += 1
            continue
        rank = _ordinal(tok)
        if rank is not None:
            out.append(Figure(rank, _figure_unit(toks, i, i), False, tok.i, tok.i + 1, tok.text, ordinal=True))
            i += 1
            continue
        m = _NUM.match(tok.text.replace("\u00a0", ""))
        if m and _has_digit(tok.text):
            raw = m.group("num").replace(",", "").replace("\u202f", "")
            try:
                value = float(raw)
            except ValueError:
                value = None
            suf = (m.group("suf") or "").lower()
            if value is not None:
                if _is_year(value, tok.text) and not m.group("cur") and not suf:
                    i += 1
                    continue  # a year: dates handle it
                if suf == "%":
                    unit = "%"
                elif suf in scales and suf != "s":
                    value *= scales[suf]
                if m.group("cur"):
                    unit = currencies.get(m.group("cur").lower(), unit)
        elif tok.lower_ in lex.units and tok.lower_ not in ("one", "half") and (
                tok.dep_ in ("nummod", "quantmod") or tok.tag_ == "CD"
                # "the eleven taped a show": a count the tagger calls a noun, its entity says so
                or (tok.ent_type_ in _COUNT_ENTITIES and tok.pos_ != "PROPN")):
            value = _word_value(tok)
        if value is None:
            i += 1
            continue
        # compound number words ("twenty five") and scales ("3.2 million", "19m")
        j = i + 1
        while j < n:
            low = toks[j].lower_
            glued = toks[j - 1].whitespace_ == ""
            if glued and low.endswith(".") and low[:-1] in ("m", "bn", "k", "mn", "b"):
                low = low[:-1]  # "19m." at the end of a sentence
            if low in scales and (glued or low not in ("m", "b", "k")):
                value *= scales[low]
                last = j
                j += 1
            elif low in lex.units and value >= 20 and value < 100 and _word_value(toks[j]) and _word_value(toks[j]) < 10:
                value += _word_value(toks[j])
                last = j
                j += 1
            elif low in ("%",) or (low == "percent") or (low == "per" and j + 1 < n and toks[j + 1].lower_ == "cent"):
                unit = "%"
                last = j + (1 if low == "per" else 0)
                j = last + 1
            else:
                break
        if first > 0:
            prev = toks[first - 1].text.lower()
            if prev in currencies and not unit:
                unit = currencies[prev]
                first -= 1
        if not unit:
            unit = _figure_unit(toks, first, last)
        approx = _approximated(toks, first, approximators)
        doc_first, doc_last = toks[first].i, toks[last].i
        text = toks[first].doc[doc_first:doc_last + 1].text
        out.append(Figure(value, unit, approx, doc_first, doc_last + 1, text))
        i = last + 1
    return out


def _figure_unit(toks, first: int, last: int) -> str:
    tok = toks[last]
    # "23-year-old", "10-day": the unit follows a hyphen
    if last + 2 < len(toks) and toks[last + 1].text == "-" and toks[last + 2].is_alpha:
        return _unit_key(toks[last + 2])
    head = tok.head
    if tok.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN") and head.i != tok.i:
        return _unit_key(head)
    if last + 1 < len(toks) and toks[last + 1].pos_ == "NOUN":
        return _unit_key(toks[last + 1])
    return ""


def _approximated(toks, first: int, approximators: set[str]) -> bool:
    before = " ".join(t.lower_ for t in toks[max(0, first - 2):first])
    return any(before.endswith(a) for a in approximators)


def same_value(a: Figure, b: Figure) -> bool:
    """Equal, or equal up to the rounding the less precise figure shows."""
    return _equal(a, b) or _rounds(a, b) or _rounds(b, a)


def gives(source: Figure, rewrite: Figure) -> bool:
    """The rewrite's figure says what the source's does: equal, or the source's rounded. Never
    more precise than the source: "100,005" for "100,000", "43" for "about 40" are new figures."""
    return _equal(source, rewrite) or _rounds(rewrite, source)


def _equal(a: Figure, b: Figure) -> bool:
    if a.ordinal or b.ordinal:
        return a.ordinal == b.ordinal and a.value == b.value
    if a.value == b.value:
        return True
    if a.value == 0 or b.value == 0:
        return False
    return abs(a.value - b.value) / max(abs(a.value), abs(b.value)) < 1e-9


def _rounds(x: Figure, y: Figure) -> bool:
    """``x`` gives ``y`` rounded, or estimates it."""
    if x.ordinal or y.ordinal or x.value == 0 or y.value == 0:
        return False
    step = _rounding_step(x)
    # strictly inside half a step: 1,500 is as far from 2,000 as from 1,000, and a
    # rewrite that gives it for "more than 2,000" changed the figure
    if step and abs(x.value - y.value) < step / 2 - 1e-9 and _rounding_step(y) < step:
        return True
    # "about 40" for 43 is the same figure; "about 20" and "about 23" are two estimates
    return x.approx and not y.approx and abs(x.value - y.value) / abs(y.value) <= 0.1


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# from this value on, an integer's trailing zeros read as rounding: "3,200,000" and "2,000"
# are round figures, "40", "60" and "100" are counts
_ROUND_FROM = 1000


def _rounding_step(fig: Figure) -> float:
    """The place value of the last significant digit as written: "3.2 million" -> 100,000,
    "3,200,000" -> 100,000, "$10 million" -> 1 million, "40" -> 1."""
    if fig.value == 0:
        return 0.0
    m = _DIGITS.search(fig.text or "")
    if m is None:
        return _value_step(fig.value)
    written = m.group(0).replace(",", "")
    try:
        mantissa = float(written)
    except ValueError:
        return _value_step(fig.value)
    if mantissa == 0:
        return _value_step(fig.value)
    scale = abs(fig.value) / mantissa
    if "." in written:
        return 10.0 ** -len(written.split(".")[1]) * scale
    trailing = len(written) - len(written.rstrip("0"))
    if mantissa < _ROUND_FROM:
        return scale
    return 10.0 ** trailing * scale


def _value_step(value: float) -> float:
    """The place value of the last significant digit of a value with no digits written
    ("two hundred"): 3,200,000 -> 100,000. Below the figures written in digits that read as
    round, a number word is a count: "ten" for "nine" changed it."""
    v = abs(value)
    if v < _ROUND_FROM and v.is_integer():
        return 1.0
    text = f"{v:.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    trailing = len(text) - len(text.rstrip("0"))
    return 10.0 ** trailing


def dates(tokens) -> list[DateMention]:
    lex = _lex()
    months, weekdays = lex.months, lex.weekdays
    periods, mods = set(lex.periods), set(lex.period_modifiers)
    relative = set(lex.relative_days)
    toks = Words(tokens)  # a reflowed double space is no word
    # every kind below needs a date word or a digit: only those words are looked at
    words = set(weekdays) | set(months) | relative | periods
    out: list[DateMention] = []
    for k in word_positions(toks, lambda text, low: _has_digit(text) or low.rstrip(".") in words):
        tok = toks[k]
        low = tok.lower_.rstrip(".")
        if low in weekdays and (tok.pos_ == "PROPN" or tok.text[:1].isupper() or _near_preposition(toks, k)):
            out.append(DateMention("weekday", weekdays[low], tok.i, tok.i + 1, tok.text))
        elif low in months and len(low) >= 3 and _is_month(toks, k):
            found = _day_next_to(toks, k)
            if found is not None:
                day, j = found
                a, b = min(tok.i, toks[j].i), max(tok.i, toks[j].i) + 1
                out.append(DateMention("day", (months[low], day), a, b, tok.doc[a:b].text))
            out.append(DateMention("month", months[low], tok.i, tok.i + 1, tok.text))
        elif _YEAR.fullmatch(tok.text) and tok.pos_ in ("NUM", "PROPN", "NOUN", "X"):
            out.append(DateMention("year", int(tok.text), tok.i, tok.i + 1, tok.text))
        elif low in relative:
            out.append(DateMention("relative", low, tok.i, tok.i + 1, tok.text))
        elif low in periods and k > 0 and toks[k - 1].lower_ in mods:
            prev = toks[k - 1]
            out.append(DateMention("relative", f"{prev.lower_} {low}", prev.i, tok.i + 1,
                                   tok.doc[prev.i:tok.i + 1].text))
        elif (day := _slash_date(tok.text)) is not None:
            out.append(DateMention("day", day, tok.i, tok.i + 1, tok.text))
        else:
            t = _time_at(toks, k)
            if t is not None:
                value, end = t
                out.append(DateMention("time", value, tok.i, toks[end - 1].i + 1,
                                       tok.doc[tok.i:toks[end - 1].i + 1].text))
    return out


def _near_preposition(toks, k: int) -> bool:
    return k > 0 and toks[k - 1].lower_ in ("on", "last", "next", "this", "since", "until", "by")


def _is_month(toks, k: int) -> bool:
    tok = toks[k]
    if tok.lower_ in ("may", "march") and tok.pos_ in ("AUX", "VERB"):
        return False
    if tok.pos_ == "PROPN" or tok.text[:1].isupper():
        return True
    near = toks[max(0, k - 1):k + 2]
    return any(t.like_num for t in near if t.i != tok.i) or (k > 0 and toks[k - 1].lower_ in ("in", "since", "until", "last", "next"))


def _is_day_of_month(toks, k: int) -> bool:
    if not _DAY.fullmatch(toks[k].text.lower()):
        return False
    months = _lex().months
    return any(0 <= j < len(toks) and toks[j].lower_ in months and len(toks[j].lower_) >= 3
               and _is_month(toks, j) for j in (k - 1, k + 1))


def _day_next_to(toks, k: int) -> Optional[tuple[int, int]]:
    """(day of the month, its position in ``toks``) next to the month at ``k``, or None."""
    for j in (k + 1, k - 1):
        if 0 <= j < len(toks):
            m = _DAY.fullmatch(toks[j].text.lower())
            if m and 1 <= int(m.group(1)) <= 31:
                return int(m.group(1)), j
    return None


_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(?:\d{2}|\d{4}))?")


def _slash_date(text: str) -> Optional[tuple[int, int]]:
    """(month, day) of a date written "9/17/16" or "9/11" (US order, as the event's name
    "9/11" is), or None when the two numbers cannot be a month and a day."""
    m = _SLASH_DATE.fullmatch(text)
    if m is None:
        return None
    month, day = int(m.group(1)), int(m.group(2))
    return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def _time_at(toks, k: int):
    tok = toks[k]
    m = _TIME.match(tok.text.lower())
    if not m or not tok.text[:1].isdigit():
        return None
    suffix = m.group(3)
    end = k + 1
    if suffix is None and k + 1 < len(toks) and toks[k + 1].lower_.replace(".", "") in ("am", "pm"):
        suffix = toks[k + 1].lower_
        end = k + 2
    if suffix is None and m.group(2) is None:
        return None
    hour = int(m.group(1))
    if hour > 24:
        return None
    minute = int(m.group(2) or 0)
    if suffix and suffix.startswith("p") and hour < 12:
        hour += 12
    return f"{hour}:{minute:02d}", end


def describe(value: float) -> str:
    if math.isfinite(value) and value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
