"""HTML pages through trafilatura: main text plus title, author, date, site, URL.

trafilatura works on the string it is given; it fetches nothing.
"""

from __future__ import annotations

import logging
from typing import Any, Optional

from claimrec.ingest.fields import Draft
from claimrec.ingest.problems import BadInput


def extract_html(html: str) -> Draft:
    import trafilatura

    # trafilatura logs every page it finds thin; claimrec reports that itself.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # a parser failure on hostile markup is bad input, not a crash
        raise BadInput(f"cannot parse HTML: {exc.__class__.__name__}") from None
    text = _get(doc, "text")
    if not text:
        raise BadInput("no article text found in the HTML")
    return Draft(
        text=text, format="html",
        title=_get(doc, "title"), byline=_get(doc, "author"), published=_get(doc, "date"),
        outlet=_get(doc, "sitename") or _get(doc, "hostname"), url=_get(doc, "url"),
    )


def _get(doc: Any, name: str) -> Optional[str]:
    if doc is None:
        return None
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    if value is None:
        return None
    text = str(value).strip()
    return text or None
