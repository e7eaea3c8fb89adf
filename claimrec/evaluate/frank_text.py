"""FRANK-style records (article, summary, labels) read into source/rewrite :class:`Article` pairs.

FRANK summaries come out of tokenising, lower-casing summarisers ("the u.s.
's president", "` the barbie from down under '", "could n't", "\\'"), and the
BBC articles lost the space after full stops ("economy.It says"). Before
claimrec sees them:

- the article gets a space back between a sentence-final stop and a capital;
- the summary is detokenised (clitics, punctuation, quote marks and brackets
  re-attached, ``[UNK]``/``<unk>`` placeholders removed, "#" before a figure
  read as "£") and truecased from the article: each word takes the casing it
  most often has in the article (words the article does not contain stay
  lower-case), and each sentence starts with a capital.

Nothing here looks at the labels.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from claimrec.errors import UsageError
from claimrec.evaluate.common import read_text
from claimrec.models import Article, InputError
from claimrec.text.restore import detokenise, truecase

_GLUED_STOP = re.compile(r"(?<=[a-z0-9)\"'\u2019])\.(?=[A-Z][a-z])")


@dataclass(frozen=True)
class FrankRecord:
    index: int
    key: str
    article: str
    summary: str
    labels: dict


def read_records(path: Path, limit: Optional[int] = None,
                 skipped: Optional[list[InputError]] = None) -> Iterator[FrankRecord]:
    """Records of a FRANK-style JSONL file.

    A file that cannot be read at all is a usage error; a malformed line is
    left out and recorded in ``skipped`` as ``path:LINE`` with the reason.
    """
    unreadable: list[InputError] = []
    text = read_text(path, unreadable, line_records=True)
    if text is None:
        raise UsageError(f"{path}: {unreadable[0].reason}")
    n = 0
    # split on "\n" only: JSON strings may hold U+2028, which splitlines() breaks at
    for i, line in enumerate(text.split("\n")):
        if limit is not None and n >= limit:
            return
        line = line.strip()
        if not line:
            continue
        reason = None
        try:
            rec = json.loads(line)
            article, summary, labels = rec["article"], rec["summary"], rec["labels"]
        except ValueError as exc:
            reason = f"invalid JSON: {exc}"
        except (KeyError, TypeError) as exc:
            reason = f"not a record with article, summary and labels ({exc.__class__.__name__}: {exc})"
        else:
            if not isinstance(article, str) or not isinstance(summary, str) or not isinstance(labels, dict):
                reason = "article and summary must be text and labels an object"
        if reason is not None:
            if skipped is not None:
                skipped.append(InputError(path=f"{path}:{i + 1}", reason=reason))
            continue
        n += 1
        yield FrankRecord(i, str(rec.get("hash", i)), article, summary, labels)


def clean_article(text: str) -> str:
    return _GLUED_STOP.sub(". ", text)


def to_articles(rec: FrankRecord) -> list[Article]:
    article = clean_article(rec.article)
    summary = truecase(detokenise(rec.summary), article)
    return [
        Article(id=f"r{rec.index}-source", path=f"frank:{rec.index}:article", text=article,
                role="source", role_reason="FRANK article"),
        Article(id=f"r{rec.index}-rewrite", path=f"frank:{rec.index}:summary", text=summary,
                role="rewrite", role_reason="FRANK summary"),
    ]
