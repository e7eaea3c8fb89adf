"""The JSONL output of a corpus run: written event by event, resumable.

Each event is one block: its ``event`` record, then its ``finding`` records
(as many as the event record's ``findings`` count). A block is written with a
single write and flushed, so an interrupted run leaves at most one torn or
short block at the end; a restarted run cuts that off and skips every event
whose block is complete.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, Optional

from claimrec.errors import UsageError


def completed_events(path: Path) -> tuple[set[str], int]:
    """Event ids whose blocks are complete, and the byte offset where they end."""
    done: set[str] = set()
    good_end = 0  # end of the last complete block
    offset = 0
    open_block: Optional[tuple[str, int, int]] = None  # (event id, expected, seen)
    with path.open("rb") as handle:
        for raw in handle:
            line_end = offset + len(raw)
            torn = not raw.endswith(b"\n")
            record = None
            if not torn:
                try:
                    record = json.loads(raw)
                except ValueError:
                    record = None
            if record is None or not isinstance(record, dict):
                if torn or not raw.strip():
                    break  # an unfinished last line (or a stray blank one): cut here
                raise UsageError(
                    f"{path}: line at byte {offset} is not a claimrec corpus record; "
                    "refusing to append to it (choose another --output)")
            kind = record.get("type")
            if kind == "event":
                open_block = (str(record.get("event_id")), int(record.get("findings", 0)), 0)
            elif kind == "finding" and open_block is not None:
                open_block = (open_block[0], open_block[1], open_block[2] + 1)
            else:
                raise UsageError(f"{path}: unexpected record {kind!r} at byte {offset}; "
                                 "not a claimrec corpus file (choose another --output)")
            offset = line_end
            if open_block is not None and open_block[2] >= open_block[1]:
                done.add(open_block[0])
                good_end = offset
    return done, good_end


class EventSink:
    """Where event blocks go: stdout, or a file that a rerun can resume."""

    def __init__(self, output: Optional[Path]):
        self.path = output
        self.done: set[str] = set()
        self._handle: IO[str]
        if output is None:
            self._handle = sys.stdout
            self._owned = False
            return
        if output.exists() and output.stat().st_size > 0:
            self.done, good_end = completed_events(output)
            if good_end < output.stat().st_size:
                with output.open("r+b") as raw:
                    raw.truncate(good_end)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
        self._handle = output.open("a", encoding="utf-8")
        self._owned = True

    def write_block(self, lines: list[str]) -> None:
        self._handle.write("".join(line + "\n" for line in lines))
        self._handle.flush()
        if self._owned:
            try:
                os.fsync(self._handle.fileno())
            except OSError:
                pass

    def close(self) -> None:
        if self._owned:
            self._handle.close()

    def __enter__(self) -> "EventSink":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
