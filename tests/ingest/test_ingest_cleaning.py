"""Boilerplate removal: what leaves the body, where it was, and what stays."""

from __future__ import annotations

import pytest

from claimrec.ingest.clean import clean_text


def _offsets_hold(raw: str, cleaned) -> None:
    for removed in cleaned.removed:
        assert raw[removed.raw_start : removed.raw_end] == removed.text


def test_page_furniture_lines_are_removed_and_recorded():
    raw = (
        "Officials said the bridge would reopen on Monday after repairs.\n"
        "Advertisement\n"
        "The work cost about $4 million, the transport department said.\n"
        "Sign up for our daily politics newsletter\n"
        "Read more: Bridge closures across the state\n"
        "Share this article\n"
        "Story continues below advertisement\n"
        "Drivers had faced detours of up to 40 minutes.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "Officials said the bridge would reopen on Monday after repairs.\n"
        "The work cost about $4 million, the transport department said.\n"
        "Drivers had faced detours of up to 40 minutes."
    )
    assert [r.kind for r in cleaned.removed] == [
        "advertisement", "newsletter", "related", "share", "advertisement",
    ]
    _offsets_hold(raw, cleaned)


def test_paywall_in_the_middle_ends_at_the_next_paragraph():
    raw = (
        "The mine will close in June, the company said on Tuesday.\n"
        "Subscribe now to continue reading\n"
        "Already a subscriber? Sign in\n"
        "Digital Plus\n"
        "$4.99/month\n"
        "Cancel anytime\n"
        "About 300 workers will lose their jobs, according to the union, which called the decision a betrayal.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "The mine will close in June, the company said on Tuesday.\n"
        "About 300 workers will lose their jobs, according to the union, which called the decision a betrayal."
    )
    [block] = cleaned.removed
    assert block.kind == "paywall"
    assert block.text.startswith("Subscribe now") and block.text.endswith("Cancel anytime")
    _offsets_hold(raw, cleaned)


@pytest.mark.parametrize("line, credit", [
    ("(Reporting by Tom Ellis; Additional reporting by Ruth Kim; Editing by Jane Morrow)",
     "Reporting by Tom Ellis; Additional reporting by Ruth Kim; Editing by Jane Morrow"),
    ("Compiled by Dana Voss", "Compiled by Dana Voss"),
    ("Writing by Omar Said; editing by Peter Lind", "Writing by Omar Said; editing by Peter Lind"),
    ("(c) Copyright Thomson Reuters 2023. Click For Restrictions",
     "(c) Copyright Thomson Reuters 2023. Click For Restrictions"),
    ("© 2023 The Example Gazette. All rights reserved.", "© 2023 The Example Gazette. All rights reserved."),
    ("The Associated Press contributed to this report.", "The Associated Press contributed to this report."),
])
def test_credit_lines_go_to_credits(line, credit):
    raw = f"The mine will close in June, the company said on Tuesday.\n{line}\n"
    cleaned = clean_text(raw)
    assert cleaned.text == "The mine will close in June, the company said on Tuesday."
    assert cleaned.credits == [credit]
    assert cleaned.removed[0].kind == "credit"
    _offsets_hold(raw, cleaned)


def test_inline_credit_after_the_last_sentence():
    raw = "About 300 workers will lose their jobs. (Reporting by Tom Ellis; Editing by Jane Morrow)\n"
    cleaned = clean_text(raw)
    assert cleaned.text == "About 300 workers will lose their jobs."
    assert cleaned.credits == ["Reporting by Tom Ellis; Editing by Jane Morrow"]
    _offsets_hold(raw, cleaned)


def test_body_sentences_that_look_like_furniture_stay():
    raw = (
        "Subscribers to the service will pay more from April, the company said in a filing on Monday.\n"
        "Written by hand in 1921, the letter was found in an attic by a retired teacher, who gave it to the museum.\n"
        "Share prices fell 4 percent after the announcement.\n"
        "Read the full statement, the minister told reporters, and you will see we never agreed to it.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == raw.strip()
    assert cleaned.removed == [] and cleaned.credits == []


def test_text_inside_lines_is_never_altered():
    raw = "  Il a dit « non »  —  et puis\u00a0rien.\t\r\nThe “café” re-opened… on 3/4.  \r\n"
    cleaned = clean_text(raw)
    assert cleaned.text == "Il a dit « non »  —  et puis\u00a0rien.\nThe “café” re-opened… on 3/4."


def test_offset_shifts_removed_positions():
    raw = "Body sentence number one is here.\nAdvertisement\n"
    cleaned = clean_text(raw, offset=100)
    [removed] = cleaned.removed
    assert (removed.raw_start, removed.raw_end) == (100 + 34, 100 + 47)


def test_empty_and_furniture_only_text_clean_to_nothing():
    assert clean_text("").text == ""
    assert clean_text("Advertisement\n\nShare this article\n").text == ""


def test_sentences_starting_like_dates_follow_or_copyright_lines_stay():
    raw = (
        "Published on May 2, 2023, the audit found the agency overspent by $2 million.\n"
        "Join the protesters on Facebook, the group urged supporters in a post.\n"
        "Copyright lawsuits against AI firms have surged this year, lawyers say.\n"
        "Updated: 3 May 2023 14:05 BST\n"
        "Follow Dana Reyes on Twitter: @dreyes\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "\n".join(raw.splitlines()[:3])
    assert [r.kind for r in cleaned.removed] == ["date", "share"]
    assert cleaned.published == "2023-05-03"
