"""Short news texts written for these tests (no copyrighted article text)."""

from __future__ import annotations

import pytest

WIRE = """LONDON (Reuters) - Britain's largest port operator said on Wednesday it had reached a pay deal with dock workers, ending a two-week strike that had left hundreds of containers stranded.
The agreement, which still needs to be approved by union members, would raise wages by 7 percent this year, the company said in a statement.
"We are pleased that common sense has prevailed," chief executive Laura Mensah told Reuters in a phone interview.
The union said it would put the offer to a vote on Friday and urged members to accept it.
Shipping groups had warned that the strike was costing exporters millions of pounds a day.
(Reporting by Tom Ellis; Editing by Jane Morrow)
"""

REWRITE = """Port strike over as operator agrees pay deal |
Britain's biggest port operator has reached a wage deal with dockers, bringing a two-week strike to an end after hundreds of containers were left stuck.
The deal, which union members still have to approve, would lift wages by 7 percent this year, according to the company.
"We are glad that common sense has prevailed," said chief executive Laura Mensah.
The union will put the offer to a vote on Friday and has asked members to back it.
"""

PEER = """Dockers return as strike ends
By Priya Natarajan
Cranes were moving again at the country's busiest container terminal on Thursday morning as the first shifts returned after the walkout.
Truck drivers queued outside the gates from before dawn, hoping to collect boxes that had been stuck on the quayside for a fortnight.
One crane operator, who asked not to be named, said many colleagues felt the settlement came too late to recover lost overtime.
Local businesses near the docks reported a sharp fall in trade during the dispute.
"""


@pytest.fixture()
def write(tmp_path):
    """Write a test file (text or bytes) under tmp_path and return its path."""

    def _write(name: str, content, *, folder=None):
        base = tmp_path if folder is None else tmp_path / folder
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture()
def texts() -> dict[str, str]:
    return {"wire": WIRE, "rewrite": REWRITE, "peer": PEER}
