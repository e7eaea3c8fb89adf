"""The text layer: one lexicon and one annotated document per article, read by every stage.

Just above :mod:`claimrec.nlp` (the parse) and below extract, align and detect. What two
stages both need to know about a text (its quotes, sentence units, hedges, negation,
content keys, figures and dates, modality markers) is computed here once, by one
definition, so the stages cannot disagree about it.
"""

from claimrec.text.diff import Hunk, WordAlignment, align_words
from claimrec.text.document import AnnotatedDoc, Unit, annotate
from claimrec.text.keys import is_content, keys_of, presence_keys, proper_keys, token_key
from claimrec.text.lexicon import Lexicon, LexiconError, lexicon_digest
from claimrec.text.negation import clause_negated, is_negated
from claimrec.text.normalize import fold, name_key, name_similarity, names_compatible, norm, words
from claimrec.text.quotes import Quote, find_quotes

__all__ = [
    "AnnotatedDoc", "Hunk", "Lexicon", "LexiconError", "Quote", "Unit", "WordAlignment", "align_words",
    "annotate", "clause_negated", "find_quotes", "fold", "is_content", "is_negated", "keys_of",
    "lexicon_digest", "name_key", "name_similarity", "names_compatible", "norm", "presence_keys",
    "proper_keys", "token_key", "words",
]
