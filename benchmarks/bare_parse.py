"""The floor claimrec's extract is measured against: load the model, nlp.pipe the texts.

Usage: python bare_parse.py MODEL FOLDER BATCH_SIZE
(only spaCy is imported: nothing of claimrec)
"""

import sys
from pathlib import Path

import spacy

model, folder, batch_size = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
nlp = spacy.load(model)
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
print(tokens)
