"""claimrec vs textacy's ``direct_quotations`` on brat attribution gold.

Both systems see the same articles, the same spaCy parse and the same scorer
(``claimrec.evaluate.attribution``: one-to-one content matching at character
F1 >= 0.5, source and cue accuracy on matched pairs, direct-quote recall).
An article on which a system raises counts as failed and predicts nothing.

textacy is a benchmark-only dependency. Install it apart from claimrec's own
environment, e.g.::

    python3 -m venv .venv-bench
    .venv-bench/bin/pip install -e . textacy
    .venv-bench/bin/python benchmarks/attribution_vs_textacy.py --gold path/to/polnear-dev

Options: ``--limit N`` (first N articles), ``-f table|json``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from claimrec.evaluate.attribution import (
    Predicted,
    claimrec_predictor,
    evaluate_predictor,
    render_attribution,
)


def _token_range(tokens) -> tuple[int, int] | None:
    tokens = list(tokens)
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def textacy_predictor(direct_quotations):
    def predict(article, doc) -> list[Predicted]:
        out = []
        for triple in direct_quotations(doc):
            content = triple.content
            speaker = _token_range(triple.speaker)
            cue = _token_range(triple.cue)
            out.append(Predicted(
                content=(content.start_char, content.end_char),
                source=speaker, cue=cue, has_speaker=speaker is not None,
            ))
        return out

    return predict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="brat folder (text/ + attributions/)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("-f", "--format", choices=["table", "json"], default="table")
    args = parser.parse_args(argv)

    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        print(
            f"textacy is not importable here ({exc}). It is a benchmark-only dependency; "
            "install it in a separate environment: python3 -m venv .venv-bench && "
            ".venv-bench/bin/pip install -e . textacy",
            file=sys.stderr,
        )
        return 2

    from claimrec.nlp import load_pipeline

    nlp = load_pipeline()
    ours = evaluate_predictor(args.gold, claimrec_predictor, system="claimrec", limit=args.limit, nlp=nlp)
    theirs = evaluate_predictor(args.gold, textacy_predictor(direct_quotations), system="textacy",
                                limit=args.limit, nlp=nlp)
    print(render_attribution([ours, theirs], args.format))
    return 0


if __name__ == "__main__":
    sys.exit(main())
