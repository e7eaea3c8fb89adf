"""Name variant rules for people and organisations (no parsing needed)."""

from __future__ import annotations

import pytest

from claimrec.resolve.names import org_core, parse_person, same_org, same_person


@pytest.mark.parametrize("a,b", [
    ("Aidos Sarym", "Aydos Sarim"),          # transliteration
    ("Deputy Aidos Sarym", "Congressman Aydos Sarim"),  # title change, same person
    ("Mr. Obama", "Barack Obama"),
    ("Obama", "Barack Obama"),
    ("J. Smith", "John Smith"),              # initial
    ("Alex Smith", "Alexander Smith"),       # short form
    ("Information Minister Aida Balyeva", "Aida Balyeva"),
    ("Vladimir Zelenskiy", "Volodymyr Zelenskyy"),
])
def test_same_person(a, b):
    assert same_person(parse_person(a), parse_person(b))


@pytest.mark.parametrize("a,b", [
    ("Hillary Clinton", "Bill Clinton"),     # same surname, different people
    ("John Smith", "Jane Smith"),
    ("Aidos Sarym", "Aidos Karimov"),        # same given name, different surname
])
def test_different_person(a, b):
    assert not same_person(parse_person(a), parse_person(b))


def test_title_word_that_ends_a_name_is_a_surname():
    assert parse_person("John Major").surname == "Major"
    assert parse_person("Mr. Obama").display == "Obama"


@pytest.mark.parametrize("a,b", [
    ("Meta", "Meta Platforms"),
    ("Meta Platforms Inc.", "Meta Platforms"),
    ("IMF", "International Monetary Fund"),
    ("the Walt Disney Company", "Walt Disney"),
])
def test_same_org(a, b):
    assert same_org(org_core(a), org_core(b))


@pytest.mark.parametrize("a,b", [
    ("Bank of America", "Bank of England"),  # shared generic head
    ("Deutsche Bank", "Deutsche Telekom"),
    ("Meta", "Metro"),
    ("Apple", "Amazon"),
])
def test_different_org(a, b):
    assert not same_org(org_core(a), org_core(b))
