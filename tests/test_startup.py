"""Start-up: help, schema and usage errors answer without importing spaCy."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

_PROBE = textwrap.dedent("""
    import sys
    from claimrec.cli import cli
    try:
        cli(sys.argv[1:], prog_name="claimrec")
    except SystemExit as exc:
        code = exc.code
    sys.stderr.write(f"\\nexit={code} spacy={'spacy' in sys.modules}\\n")
""")


@pytest.mark.parametrize("args, code", [
    (["--help"], 0),
    (["reconcile", "--help"], 0),
    (["schema"], 0),
    (["--version"], 0),
    (["reconcile"], 2),  # a missing argument
    (["extract", "--no-such-option", "x"], 2),
    (["reconcile", "/no/such/path/anywhere"], 2),
])
def test_answers_without_importing_spacy(args, code):
    out = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=120)
    last = out.stderr.strip().splitlines()[-1]
    assert last == f"exit={code} spacy=False", out.stderr
