"""Bytes -> text: refuse empty and binary input, decode UTF-8 first, then detect."""

from __future__ import annotations

import codecs

from claimrec.ingest.problems import BadInput

_SNIFF = 8192
# Bytes that never occur in text; tab, newline, form feed and carriage return do.
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
_MAX_CONTROL_SHARE = 0.05
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# claimrec reads English news: when the detector finds several single-byte
# code pages equally plausible (it cannot tell cp1250 from cp1252 on a short
# text), the Western ones are the likelier truth.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def decode_bytes(data: bytes, *, line_records: bool = False) -> str:
    """The text in ``data``; raises :class:`BadInput` saying why there is none.

    With ``line_records`` (JSONL: one record a line) a few binary lines do not
    condemn the file: their records fail on their own, line by line, and the
    good lines are kept. Only a file with no text line at all is binary.
    """
    if not data.strip():
        return _refuse_empty(data)
    checked = _not_blank if line_records else _checked
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return checked(_decode_as(data, codec))
    if line_records:
        _refuse_binary_lines(data)
    else:
        _refuse_binary(data)
    try:
        return checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        return checked(_detect(data))


def _refuse_empty(data: bytes) -> str:
    raise BadInput("empty file" if not data else "empty file (whitespace only)")


def _refuse_binary(data: bytes) -> None:
    head = data[:_SNIFF]
    if b"\x00" in head:
        raise BadInput("binary file (contains NUL bytes), not text")
    share = _control_share(head)
    if share > _MAX_CONTROL_SHARE:
        raise BadInput(f"binary file ({share:.0%} control bytes), not text")


def _refuse_binary_lines(data: bytes) -> None:
    lines = [line for line in data.split(b"\n") if line.strip()]
    if all(b"\x00" in line or _control_share(line) > _MAX_CONTROL_SHARE for line in lines):
        raise BadInput("binary file (no line of text), not text")


def _control_share(data: bytes) -> float:
    head = data[:_SNIFF]
    return sum(1 for b in head if b in _CONTROL) / len(head) if head else 0.0


def _decode_as(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise BadInput(f"not valid {codec} despite its byte-order mark: {exc.reason}") from None


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise BadInput("cannot decode: not UTF-8 and no known text encoding fits")
    least_chaos = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least_chaos + 1e-6]
    for codec in _WESTERN:
        for match in plausible:
            if match.encoding == codec:
                return _western(data)
    return str(plausible[0])


def _western(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1")


def _not_blank(text: str) -> str:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise BadInput("empty file (whitespace only)")
    return text


def _checked(text: str) -> str:
    text = _not_blank(text)
    control = sum(1 for ch in text[:_SNIFF] if ord(ch) in _CONTROL or ch == "\x00")
    if control / min(len(text), _SNIFF) > _MAX_CONTROL_SHARE:
        raise BadInput("binary file (control characters after decoding), not text")
    return text
