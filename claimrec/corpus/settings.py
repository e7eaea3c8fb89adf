"""The grouping settings (``data/lexicons/grouping.json``, a section of the typed lexicon), as frozensets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class GroupingSettings:
    entity_labels: frozenset[str]
    person_labels: frozenset[str]
    term_pos: frozenset[str]
    entity_weight: float
    min_term_chars: int
    max_terms: int
    max_entities: int
    lead_sentences: int
    lead_weight: float
    threshold: float
    date_window_days: int
    block_keys_per_doc: int
    block_min_df_cap: int
    block_df_share: float
    block_max_df_cap: int
    label_keys: int


@lru_cache(maxsize=1)
def grouping_settings() -> GroupingSettings:
    from claimrec.text.lexicon import lexicon

    g = lexicon().grouping
    return GroupingSettings(
        entity_labels=frozenset(g.entity_labels), person_labels=frozenset(g.person_labels),
        term_pos=frozenset(g.term_pos), entity_weight=g.entity_weight, min_term_chars=g.min_term_chars,
        max_terms=g.max_terms, max_entities=g.max_entities, lead_sentences=g.lead_sentences,
        lead_weight=g.lead_weight, threshold=g.threshold, date_window_days=g.date_window_days,
        block_keys_per_doc=g.block_keys_per_doc, block_min_df_cap=g.block_min_df_cap,
        block_df_share=g.block_df_share, block_max_df_cap=g.block_max_df_cap, label_keys=g.label_keys,
    )
