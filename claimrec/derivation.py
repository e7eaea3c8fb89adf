"""How much of a rewrite comes from its source, in the same words everywhere.

Two measures exist and must not be confused: ingestion's quick check (how many
sentences closely match a source sentence, before any parse) decides roles;
the sentence alignment (verbatim / rewritten / new, after parsing) measures
derivation. Role reasons and every renderer quote the alignment with this one
phrase, so a reader sees one count of derived sentences.
"""

from __future__ import annotations

from claimrec.models import Derivation

LABELS = {"wholly": "wholly derived", "partially": "partially derived", "non": "non-derived"}


def derivation_phrase(d: Derivation) -> str:
    """ "17 of its 20 sentences come from the source (0 verbatim, 17 rewritten, 3 new; wholly derived)"."""
    derived = d.verbatim + d.rewritten
    verb = "comes" if derived == 1 else "come"
    return (f"{derived} of its {d.sentences} sentences {verb} from the source "
            f"({d.verbatim} verbatim, {d.rewritten} rewritten, {d.new} new; {LABELS.get(d.label, d.label)})")
