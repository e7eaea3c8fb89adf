"""The grouping settings from ``data/lexicons/grouping.json``, typed once."""

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
    from claimrec.resources import load_json

    raw = load_json("lexicons/grouping.json")
    return GroupingSettings(
        entity_labels=frozenset(raw["entity_labels"]),
        person_labels=frozenset(raw["person_labels"]),
        term_pos=frozenset(raw["term_pos"]),
        entity_weight=float(raw["entity_weight"]),
        min_term_chars=int(raw["min_term_chars"]),
        max_terms=int(raw["max_terms"]),
        max_entities=int(raw["max_entities"]),
        lead_sentences=int(raw.get("lead_sentences", 0)),
        lead_weight=float(raw.get("lead_weight", 1.0)),
        threshold=float(raw["threshold"]),
        date_window_days=int(raw["date_window_days"]),
        block_keys_per_doc=int(raw["block_keys_per_doc"]),
        block_min_df_cap=int(raw["block_min_df_cap"]),
        block_df_share=float(raw["block_df_share"]),
        block_max_df_cap=int(raw["block_max_df_cap"]),
        label_keys=int(raw["label_keys"]),
    )
