"""Rewrites that read as summariser output, made readable before anything compares them.

A rewrite whose text is machine-tokenised and lower-cased ("the u.s. navy 's ship ,") is
detokenised and recased from its source's own spellings (:mod:`claimrec.text.restore`),
so that names are still seen. The article's body becomes the restored text (every span
points into it) and its role reason says so.
"""

from __future__ import annotations

from typing import Sequence

from claimrec.models import Article
from claimrec.text.restore import detokenise, machine_tokenised, truecase


def restore_rewrites(articles: Sequence[Article]) -> list[Article]:
    sources = [a for a in articles if a.role == "source"]
    if not sources:
        return list(articles)
    reference = sources[0]
    out = []
    for a in articles:
        if a.role == "rewrite" and machine_tokenised(a.text):
            restored = truecase(detokenise(a.text), reference.text)
            reason = (a.role_reason + "; " if a.role_reason else "") + \
                f"read as machine-tokenised lower-case text: detokenised and recased from {reference.id}"
            a = a.model_copy(update={"text": restored, "role_reason": reason})
        out.append(a)
    return out
