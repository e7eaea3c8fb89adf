"""A lazy, ordered stream of parsed Docs over a corpus, through the parse cache.

``claimrec.nlp.parse_texts`` returns a list, which would hold every Doc of a
corpus at once. Here cache hits are read only when their turn comes and the
misses go through one ``nlp.pipe`` (one process pool for ``--jobs N``), so at
any moment only the Docs the consumer still holds are in memory.
"""

from __future__ import annotations

import logging
from typing import Callable, Iterator, Optional, Sequence

from claimrec.nlp import BATCH_SIZE, DocCache

log = logging.getLogger(__name__)


def iter_docs(
    texts: Sequence[str],
    nlp,
    cache: Optional[DocCache],
    *,
    n_process: int = 1,
    on_parsed: Optional[Callable[[int], None]] = None,
) -> Iterator:
    """Docs for ``texts``, in order."""
    cached = [cache is not None and cache.path_for(t).is_file() for t in texts]
    # nlp.pipe is lazy: no pool starts unless some text is missing from the cache
    parsed = nlp.pipe(
        (t for t, hit in zip(texts, cached) if not hit),
        batch_size=BATCH_SIZE,
        n_process=max(1, n_process),
    )
    try:
        for text, hit in zip(texts, cached):
            doc = cache.get(nlp, text) if hit else None
            if doc is None:
                if hit:
                    # a torn or foreign cache entry: parse this one text here
                    log.debug("re-parsing an unreadable cache entry")
                    doc = nlp(text)
                else:
                    doc = next(parsed)
                if cache is not None:
                    cache.put(doc)
            if on_parsed:
                on_parsed(1)
            yield doc
    finally:
        parsed.close()
