"""Bad inputs: each gives one clear error naming it, and the rest still loads."""

from __future__ import annotations

import io
import json
import os

import pytest

from claimrec.errors import NoUsableInput, UsageError
from claimrec.ingest import read_inputs
from claimrec.ingest.encoding import decode_bytes
from claimrec.ingest.problems import BadInput

GOOD = "Officials said the bridge would reopen on Monday after repairs.\n"


def _one_error(result, path) -> str:
    [error] = [e for e in result.errors if e.path == str(path)]
    return error.reason


def _read_with_good(write, bad_path, **kwargs):
    good = write("good.txt", GOOD)
    result = read_inputs([str(good), str(bad_path)], **kwargs)
    assert [a.id for a in result.articles] == ["good"]
    return _one_error(result, bad_path)


def test_empty_and_whitespace_only(write):
    assert _read_with_good(write, write("empty.txt", b"")) == "empty file"
    assert "whitespace only" in _read_with_good(write, write("blank.txt", " \n\t\r\n"))
    assert "no article text" in _read_with_good(write, write("zw.txt", "\u200b\u200b\n.\n"))


def test_binary_by_nul_bytes_and_by_control_bytes(write):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    assert "binary file" in _read_with_good(write, write("image.txt", png))
    noise = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 20 + b"abc"
    assert "binary file" in _read_with_good(write, write("noise.dat", noise))


def test_latin1_is_decoded_correctly(write):
    text = ("Se\u00f1or P\u00e9rez, the mayor of S\u00e3o Paulo, said the caf\u00e9 district "
            "would reopen, calling the delay \u201cna\u00efve\u201d planning.\n").replace("\u201c", '"').replace("\u201d", '"')
    path = write("latin.txt", text.encode("latin-1"))
    [article] = read_inputs([str(path)]).articles
    assert article.text == text.strip()


def test_cp1252_quotes_and_utf16_with_bom():
    cp1252 = "He said the deal was \u201cdone\u201d \u2014 and it was.".encode("cp1252")
    assert decode_bytes(cp1252) == "He said the deal was \u201cdone\u201d \u2014 and it was."
    utf16 = "Z\u00fcrich officials said on Monday.".encode("utf-16")  # with BOM, full of NUL bytes
    assert decode_bytes(utf16) == "Z\u00fcrich officials said on Monday."
    assert decode_bytes(b"\xef\xbb\xbfPlain text.") == "Plain text."


def test_truncated_and_invalid_json(write):
    cut = write("cut.json", '{"title": "Port strike ends", "text": "Dock workers ended a')
    reason = _read_with_good(write, cut)
    assert reason.startswith("truncated JSON") and "column" in reason
    bad = write("bad.json", '{"title": "x", "text": "y",}')
    assert _read_with_good(write, bad).startswith("invalid JSON")
    scalar = write("scalar.json", '"just a string"')
    assert "expected an article object" in _read_with_good(write, scalar)


def test_jsonl_bad_line_is_one_error_and_good_lines_load(write):
    path = write("feed.jsonl", json.dumps({"text": GOOD}) + "\n{not json\n[1, 2]\n" + json.dumps({"body": GOOD}) + "\n")
    result = read_inputs([str(path)])
    assert [a.id for a in result.articles] == ["feed:1", "feed:4"]
    assert [e.path for e in result.errors] == [f"{path}:2", f"{path}:3"]


def test_missing_path_broken_link_and_directory(write, tmp_path):
    missing = tmp_path / "nope.txt"
    assert _read_with_good(write, missing) == "no such file or directory"
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert _read_with_good(write, link) == "broken symbolic link"
    (tmp_path / "empty-folder").mkdir()
    assert _read_with_good(write, tmp_path / "empty-folder") == "folder holds no article files"


def test_directory_where_a_file_is_expected(tmp_path):
    from claimrec.ingest.limits import read_capped_file

    with pytest.raises(BadInput, match="is a directory"):
        read_capped_file(tmp_path, 1000)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(write):
    path = write("locked.txt", GOOD)
    path.chmod(0)
    try:
        assert _read_with_good(write, path) == "permission denied"
    finally:
        path.chmod(0o644)


def test_huge_file_names_size_and_cap(write, monkeypatch):
    big = write("big.txt", GOOD * 100)  # 6,400 bytes
    reason = _read_with_good(write, big, max_bytes=4096)
    assert "file too large (6.2 KB; the cap is 4.0 KB" in reason
    monkeypatch.setenv("CLAIMREC_MAX_BYTES", "2048")
    assert "the cap is 2.0 KB" in _read_with_good(write, big)
    monkeypatch.setenv("CLAIMREC_MAX_BYTES", "lots")
    with pytest.raises(UsageError, match="CLAIMREC_MAX_BYTES"):
        read_inputs([str(big)])


def test_huge_stdin_is_capped_without_reading_it_all():
    result = read_inputs(["-"], stdin=io.BytesIO(b"x" * 5000), max_bytes=1000, require_article=False)
    [error] = result.errors
    assert error.path == "<stdin>" and "more than 1000 bytes" in error.reason


def test_folder_skips_images_but_reports_unreadable_documents(write, tmp_path):
    write("good.txt", GOOD, folder="in")
    write("chart.png", b"\x89PNG\r\n\x1a\n\x00\x00", folder="in")
    write("memo.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", folder="in")
    result = read_inputs([str(tmp_path / "in")])
    assert [a.id for a in result.articles] == ["good"]
    assert [(os.path.basename(e.path), e.reason.split(" (")[0]) for e in result.errors] == [
        ("memo.pdf", "unsupported format"),
    ]


def test_nothing_readable_raises_naming_every_input(write, tmp_path):
    empty = write("empty.txt", b"")
    with pytest.raises(NoUsableInput) as info:
        read_inputs([str(empty), str(tmp_path / "missing.txt")])
    reasons = {e.path: e.reason for e in info.value.errors}
    assert reasons == {str(empty): "empty file",
                       str(tmp_path / "missing.txt"): "no such file or directory"}
    assert read_inputs([str(empty)], require_article=False).articles == []


def test_source_that_cannot_be_read_is_a_usage_error(write, tmp_path):
    good = write("good.txt", GOOD)
    with pytest.raises(UsageError, match="--source .*missing.txt: no such file"):
        read_inputs([str(good)], source=str(tmp_path / "missing.txt"))


def test_permission_error_becomes_one_line(write, monkeypatch):
    # Root reads any file, so the OS refusal is staged: only the message is under test.
    from pathlib import Path

    locked = write("locked.txt", GOOD)
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    assert _read_with_good(write, locked) == "permission denied"


def test_jsonl_binary_line_loses_only_that_line(write):
    path = write("feed.jsonl", json.dumps({"text": GOOD}).encode() + b"\n\x00\x01\x02junk\n"
                 + json.dumps({"body": GOOD}).encode() + b"\n")
    result = read_inputs([str(path)])
    assert [a.id for a in result.articles] == ["feed:1", "feed:3"]
    assert [e.path for e in result.errors] == [f"{path}:2"]


def test_jsonl_with_no_text_line_is_one_binary_error(write, tmp_path):
    bad = write("junk.jsonl", b"\x00\x01\x02\x03\n\x00\x00\x05\x06\n")
    assert _read_with_good(write, bad) == "binary file (no line of text), not text"
