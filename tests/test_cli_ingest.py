"""`claimrec ingest` through the real command line: output, bad inputs, exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimrec.cli import cli

NEWS = (
    "Port strike ends as workers accept pay offer\n"
    "Dock workers voted on Friday to accept a 7 percent pay rise, ending a two-week strike "
    "that had left hundreds of containers stranded, their union said.\n"
    "The port operator said normal operations would resume within 48 hours.\n"
)
LATIN = ("Se\u00f1or P\u00e9rez, the mayor of S\u00e3o Paulo, said on Monday the caf\u00e9 district "
         "would reopen next month after flood repairs.\n")


@pytest.fixture()
def runner():
    return CliRunner()


def _json(result) -> dict:
    return json.loads(result.stdout)


def _skipped(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("claimrec: skipped ")]


def test_seed_folder_as_json(runner, seed_dir):
    result = runner.invoke(cli, ["ingest", str(seed_dir), "-f", "json", "-q"])
    assert result.exit_code == 0, result.stderr
    articles = {a["id"]: a for a in _json(result)["articles"]}
    wire, rewrite = articles["002_5b0591697e1febfe"], articles["000_68e9e79a0af75a1d"]
    assert wire["text"].endswith("India, Vietnam and Myanmar.")
    assert "reached your limit" not in wire["text"] and "Subscribe" not in wire["text"]
    assert any("Olzhas Auyezov" in c for c in wire["credits"])
    assert "paywall" in [r["kind"] for r in wire["removed"]]
    assert (wire["role"], rewrite["role"]) == ("source", "rewrite")
    assert wire["role_reason"] and rewrite["role_reason"]


def test_mixed_folder_keeps_good_and_latin1_skips_the_rest(runner, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-good.txt").write_text(NEWS, encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00")
    (folder / "d-truncated.json").write_text('{"title": "Strike", "text": "Dock workers vot', encoding="utf-8")
    (folder / "e-latin.txt").write_bytes(LATIN.encode("latin-1"))
    result = runner.invoke(cli, ["ingest", str(folder), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    articles = {a["id"]: a for a in _json(result)["articles"]}
    assert set(articles) == {"a-good", "e-latin"}
    assert articles["e-latin"]["text"] == LATIN.strip()
    skipped = _skipped(result)
    assert len(skipped) == 3
    assert skipped[0] == f"claimrec: skipped {folder / 'b-empty.txt'}: empty file"
    assert skipped[1].startswith(f"claimrec: skipped {folder / 'c-binary.txt'}: binary file")
    assert skipped[2].startswith(f"claimrec: skipped {folder / 'd-truncated.json'}: truncated JSON")


def test_all_bad_folder_exits_2_naming_each_file(runner, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cut.json").write_text('{"text": "unfinished', encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(folder), "-f", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(_skipped(result)) == 2
    # one line per bad file first, then the verdict
    assert result.stderr.splitlines()[-1] == "claimrec: error: no readable article among the inputs"


def test_missing_path_exits_2(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", str(tmp_path / "nope.txt"), "-f", "json"])
    assert result.exit_code == 2
    assert _skipped(result) == [f"claimrec: skipped {tmp_path / 'nope.txt'}: no such file or directory"]
    assert "Traceback" not in result.stderr


def test_missing_path_next_to_a_good_one_is_skipped(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(NEWS, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(good), str(tmp_path / "nope.txt"), "-f", "json"])
    assert result.exit_code == 0
    assert [a["id"] for a in _json(result)["articles"]] == ["good"]
    assert len(_skipped(result)) == 1


def test_stdin_dash(runner):
    result = runner.invoke(cli, ["ingest", "-", "-f", "json"], input=NEWS.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    [article] = _json(result)["articles"]
    assert article["id"] == "stdin"
    assert article["title"] == "Port strike ends as workers accept pay offer"


def test_source_option_marks_the_source(runner, seed_dir, rewrite_path):
    result = runner.invoke(cli, ["ingest", str(seed_dir), "-f", "json", "--source", str(rewrite_path)])
    assert result.exit_code == 0, result.stderr
    roles = {a["id"]: (a["role"], a["role_reason"]) for a in _json(result)["articles"]}
    assert roles["000_68e9e79a0af75a1d"] == ("source", "given as --source")
    assert roles["002_5b0591697e1febfe"][0] == "rewrite"


def test_huge_file_over_env_cap(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(NEWS, encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(NEWS * 20, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(tmp_path), "-f", "json"], env={"CLAIMREC_MAX_BYTES": "1000"})
    assert result.exit_code == 0, result.stderr
    [line] = _skipped(result)
    assert "big.txt: file too large" in line and "the cap is 1000 bytes" in line
