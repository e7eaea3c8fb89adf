"""What a journalist meets first on the command line: honest options, URLs, config, warnings, progress."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimrec.cli import cli

TESTS = Path(__file__).resolve().parent
EVENTS = TESTS / "fixtures" / "events"


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def no_config(tmp_path, monkeypatch):
    """Run from an empty folder with no project config anywhere above it that we control."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMREC_CONFIG", raising=False)
    return tmp_path


# --- each command offers what it honours ------------------------------------------------------

@pytest.mark.parametrize("command, fmt", [
    ("corpus", "html"), ("corpus", "md"), ("corpus", "table"), ("corpus", "claimreview"),
    ("corpus", "json"), ("extract", "claimreview"), ("ingest", "claimreview"),
])
def test_a_format_a_command_cannot_give_is_a_usage_error(runner, seed_dir, command, fmt):
    result = runner.invoke(cli, [command, str(seed_dir), "-f", fmt, "-q"])
    assert result.exit_code == 2
    assert "Invalid value for '-f' / '--format'" in result.stderr


@pytest.mark.parametrize("command, absent", [
    ("ingest", ["--fail-on", "--min-confidence", "--model", "--jobs"]),
    ("extract", ["--fail-on", "--min-confidence", "--source"]),
    ("diff", ["--source"]),
])
def test_help_lists_no_option_the_command_would_ignore(runner, command, absent):
    text = runner.invoke(cli, [command, "--help"]).output
    for option in absent:
        assert option not in text, (command, option)
    assert "--offline" in text and "--config" in text


def test_reconcile_keeps_every_option_and_format(runner):
    text = runner.invoke(cli, ["reconcile", "--help"]).output
    for option in ("--source", "--fail-on", "--min-confidence", "--model", "--jobs", "claimreview"):
        assert option in text


def test_diff_names_its_source_argument(runner, no_config, wire_path, rewrite_path):
    result = runner.invoke(cli, ["diff", str(wire_path), str(rewrite_path), "-f", "json", "-q"])
    assert result.exit_code in (0, 1)
    roles = {a["role"]: a["role_reason"] for a in json.loads(result.stdout)["articles"]}
    assert roles["source"] == "given as SOURCE"
    assert "--source" not in roles["rewrite"]
    # the rewrite's reason names both measures for what they count
    assert "(quick word-overlap check)" in roles["rewrite"]
    assert "; sentence alignment: 17 of its 20 sentences come from the source" in roles["rewrite"]


# --- one event or several -----------------------------------------------------------------------

def test_unrelated_inputs_warn_on_stderr_and_in_stats(runner, no_config, tmp_path):
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for event in ("clinic", "hoax"):
        for path in (EVENTS / event).glob("*.txt"):
            (mixed / path.name).write_bytes(path.read_bytes())
    result = runner.invoke(cli, ["reconcile", str(mixed), "-f", "json"])
    stats = json.loads(result.stdout)["stats"]
    assert stats["event_coherence"] == {"articles": 8, "groups": 2, "largest": 4, "one_event": False}
    [warning] = [line for line in result.stderr.splitlines() if "warning" in line]
    assert "do not look like one event" in warning and "claimrec corpus" in warning
    quiet = runner.invoke(cli, ["reconcile", str(mixed), "-f", "json", "-q"])
    assert "warning" not in quiet.stderr


def test_one_event_gives_no_warning(runner, no_config):
    result = runner.invoke(cli, ["reconcile", str(EVENTS / "clinic"), "-f", "json"])
    assert json.loads(result.stdout)["stats"]["event_coherence"]["one_event"] is True
    assert "warning" not in result.stderr


# --- a project's config file --------------------------------------------------------------------

def test_config_file_sets_defaults_the_command_line_overrides(runner, no_config, seed_dir):
    (no_config / "claimrec.toml").write_text('min-confidence = 0.99\nfail-on = "low"\n', encoding="utf-8")
    strict = runner.invoke(cli, ["reconcile", str(seed_dir), "-f", "json", "-q"])
    findings = json.loads(strict.stdout)["findings"]
    assert all(f["confidence"] >= 0.99 for f in findings)
    assert strict.exit_code == (1 if findings else 0)
    loose = runner.invoke(cli, ["reconcile", str(seed_dir), "-f", "json", "-q", "--min-confidence", "0",
                                "--fail-on", "never"])
    assert loose.exit_code == 0
    assert len(json.loads(loose.stdout)["findings"]) > len(findings)


def test_pyproject_tool_table_with_aliases_and_boilerplate(runner, no_config, tmp_path):
    (no_config / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.claimrec]\nfail-on = "never"\n\n'
        '[tool.claimrec.party-aliases]\n"Alphabet" = ["Google"]\n\n'
        '[tool.claimrec.boilerplate]\nfurniture = ["Watch our live coverage.*"]\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(
        "Search company fined by regulators\n\n"
        "Alphabet said on Monday it would appeal a fine imposed by European regulators.\n\n"
        "Watch our live coverage of the hearing here\n\n"
        "Google said separately that the ruling misread how its search service works.\n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(story), "-f", "json", "-q"])
    report = json.loads(result.stdout)
    [article] = report["articles"]
    assert "Watch our live coverage" not in article["text"]
    assert [r["kind"] for r in article["removed"] if "Watch" in r["text"]] == ["config"]
    named = [p for p in report["parties"] if {"Alphabet", "Google"} & set(p["aliases"])]
    assert len(named) == 1 and {"Alphabet", "Google"} <= set(named[0]["aliases"])


@pytest.mark.parametrize("content, message", [
    ("min-confidence = 2\n", "min-confidence"),
    ('fail-on = "sometimes"\n', "fail-on"),
    ("colour = true\n", "colour"),
    ("min-confidence = \n", "not valid TOML"),
    ('[boilerplate]\nfurniture = ["(unclosed"]\n', "does not compile"),
])
def test_a_bad_config_file_is_one_usage_error_naming_it(runner, no_config, seed_dir, content, message):
    (no_config / "claimrec.toml").write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(seed_dir), "-q"])
    assert result.exit_code == 2
    assert "claimrec.toml" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


def test_config_flag_and_env(runner, no_config, seed_dir, monkeypatch):
    other = no_config / "elsewhere.toml"
    other.write_text("min-confidence = 1.0\n", encoding="utf-8")
    by_flag = runner.invoke(cli, ["reconcile", str(seed_dir), "-f", "json", "-q", "--config", str(other)])
    monkeypatch.setenv("CLAIMREC_CONFIG", str(other))
    by_env = runner.invoke(cli, ["reconcile", str(seed_dir), "-f", "json", "-q"])
    for result in (by_flag, by_env):
        assert all(f["confidence"] >= 1.0 for f in json.loads(result.stdout)["findings"])


# --- URLs from the command line -----------------------------------------------------------------

class _Pages(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        body = (EVENTS / "clinic" / "cnn-doctor-photo.txt").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_are_fetched_cached_and_offline_reads_the_cache(runner, no_config, server, tmp_path):
    url = f"{server}/2014/09/09/doctor-photo.txt"
    cache = tmp_path / "cache"
    first = runner.invoke(cli, ["ingest", url, "-f", "json", "-q", "--cache-dir", str(cache)])
    assert first.exit_code == 0, first.stderr
    [article] = json.loads(first.stdout)["articles"]
    assert article["id"] == "doctor-photo" and article["url"] == url
    again = runner.invoke(cli, ["ingest", url, "-f", "json", "-q", "--cache-dir", str(cache), "--offline"])
    assert json.loads(again.stdout)["articles"][0]["text"] == article["text"]
    missing = runner.invoke(cli, ["ingest", f"{server}/other.txt", "-q", "--cache-dir", str(cache), "--offline"])
    assert missing.exit_code == 2
    assert f"claimrec: skipped {server}/other.txt: not fetched: offline" in missing.stderr


# --- progress never garbles the result ----------------------------------------------------------

def test_no_progress_when_stderr_is_not_a_terminal(runner, no_config, seed_dir):
    result = runner.invoke(cli, ["extract", str(seed_dir), "-f", "json", "--no-cache"])
    assert result.stderr == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pseudo-terminal")
def test_on_a_terminal_the_report_starts_on_a_clean_line(no_config, seed_dir):
    import pty

    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="100", TERM="xterm")
    proc = subprocess.Popen([sys.executable, "-m", "claimrec.cli", "reconcile", str(seed_dir), "--no-cache",
                             "-f", "md"], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=300)
    os.close(master)
    text = out.decode("utf-8", "replace")
    assert "parsing articles" in text and "2/2" in text  # a total, not a bare spinner
    start = text.index("# claimrec report")
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    before = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text[line_start:start])
    assert before == "", repr(text[line_start - 80:start])  # nothing drawn left of the first line
    assert "\x1b[?25h" in text[:start]  # the cursor is given back before the report
