"""Page furniture of celebrity and web pages: follow lines, embeds, headings in capitals."""

from __future__ import annotations

from pathlib import Path

from claimrec.ingest import read_inputs
from claimrec.ingest.clean import clean_text

EVENTS = Path(__file__).resolve().parents[1] / "fixtures" / "events"

PAGE = """Singer's family thanks fans after hospital stay

By Christie Marsh (Follow)

September 9, 2014, 10:42 a.m.

NEW YORK (AP) — The family of singer Ana Velez thanked fans on Tuesday for their messages, her publicist said.

She said on Twitter that the hospital had treated her well, and thanked the nurses by name.

ANA VELEZ THROUGH THE YEARS

Velez, 64, is expected to return to the stage next month.

Follow Christie Marsh on Twitter @cmarsh and Google+.

Follow the Ministry of Music on Twitter.

Follow Christie Marsh on Twitter @cmarsh. Follow the Ministry of Music on Facebook.

Take a look at some of the tributes posted to Twitter.

Get well soon Ana, we love you pic.twitter.com/aB3dE9xYz1

— Jerry Fallon (@jerryfallon) September 4, 2014

https://t.co/FKPejY4nQz

Share this on Facebook | Twitter | Email
"""


def test_follow_lines_embeds_and_headings_leave_the_body():
    cleaned = clean_text(PAGE, find_title=True)
    assert cleaned.title == "Singer's family thanks fans after hospital stay"
    assert cleaned.byline == "Christie Marsh"
    assert cleaned.published == "2014-09-09"
    assert cleaned.text == (
        "NEW YORK (AP) — The family of singer Ana Velez thanked fans on Tuesday for their messages, "
        "her publicist said.\n\n"
        "She said on Twitter that the hospital had treated her well, and thanked the nurses by name.\n\n"
        "Velez, 64, is expected to return to the stage next month."
    )
    kinds = [r.kind for r in cleaned.removed]
    assert kinds == ["title", "byline", "date", "heading", "share", "share", "share", "related",
                     "embed", "embed", "embed", "share"]
    for removed in cleaned.removed:
        assert PAGE[removed.raw_start:removed.raw_end] == removed.text


def test_a_headline_in_capitals_is_still_the_title():
    raw = "DOCTOR DENIES TAKING PHOTO\n\nThe doctor denied the report on Tuesday, his lawyer said.\n"
    cleaned = clean_text(raw, find_title=True)
    assert cleaned.title == "DOCTOR DENIES TAKING PHOTO"
    assert cleaned.text == "The doctor denied the report on Tuesday, his lawyer said."


def test_body_lines_in_capitals_with_sentences_or_datelines_stay():
    raw = ("The mayor spoke first.\n"
           "WASHINGTON (AP) —\n"
           "\"STOP THE VOTE!\" the crowd chanted outside the hall.\n"
           "NATO\n")
    cleaned = clean_text(raw)
    assert cleaned.text == raw.strip()


def test_the_clinic_event_reads_clean():
    articles = {a.id: a for a in read_inputs([str(EVENTS / "clinic")]).articles}
    page = articles["latimes-selfie-report"]
    for furniture in ("Follow", "t.co", "THROUGH THE YEARS", "(Follow)", "tributes posted"):
        assert furniture not in page.text
    assert page.byline == "Dana Whitcombe"
    assert "pic.twitter.com" not in articles["celebwatch-doctor-denies"].text
