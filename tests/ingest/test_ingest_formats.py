"""Each input format, stdin, folder walking and stable ids."""

from __future__ import annotations

import io
import json

import pytest

from claimrec.ingest import read_inputs


def test_txt_headline_byline_and_dateline(write):
    path = write("harbour.txt", (
        "Harbour pilots call off weekend walkout\n"
        "By Ana Ruiz and Ben Ode\n"
        "Published: 14 March 2023\n"
        "\n"
        "Harbour pilots on Friday called off a planned weekend walkout, the pilots' association said.\n"
        "\n"
        "Talks with the port authority will resume on Monday.\n"
    ))
    [article] = read_inputs([str(path)]).articles
    assert article.id == "harbour" and article.format == "txt"
    assert article.title == "Harbour pilots call off weekend walkout"
    assert article.byline == "Ana Ruiz and Ben Ode"
    assert article.published == "2023-03-14"
    # paragraph breaks kept, runs of blank lines folded into one
    assert article.text == (
        "Harbour pilots on Friday called off a planned weekend walkout, the pilots' association said.\n"
        "\n"
        "Talks with the port authority will resume on Monday."
    )
    assert [r.kind for r in article.removed] == ["title", "byline", "date"]


def test_txt_first_sentence_is_not_a_title(write):
    path = write("lede.txt", "The council approved the budget on Tuesday.\nIt takes effect in May.\n")
    [article] = read_inputs([str(path)]).articles
    assert article.title is None
    assert article.text.startswith("The council approved")


def test_markdown_front_matter(write):
    path = write("flood.md", (
        "---\n"
        'title: "Flood waters recede in river towns"\n'
        "author:\n"
        "  - Ann Lee\n"
        "  - Bo Chan\n"
        "date: 2023-05-02T08:15:00Z\n"
        "source: The Valley Times  # regional daily\n"
        "url: https://valley.example.org/flood\n"
        "---\n"
        "\n"
        "# Flood waters recede in river towns\n"
        "\n"
        "Flood waters began to recede on Tuesday, the county emergency office said.\n"
        "\n"
        "## Warnings remain\n"
        "\n"
        "Residents were told to boil drinking water until further notice.\n"
    ))
    raw = path.read_text(encoding="utf-8")
    [article] = read_inputs([str(path)]).articles
    assert article.format == "md"
    assert article.title == "Flood waters recede in river towns"
    assert article.byline == "Ann Lee, Bo Chan"
    assert article.published == "2023-05-02T08:15:00+00:00"
    assert article.outlet == "The Valley Times"
    assert article.url == "https://valley.example.org/flood"
    assert article.text.startswith("Flood waters began to recede")
    assert "\nWarnings remain\n" in article.text and "#" not in article.text
    title = article.removed[0]
    assert title.kind == "title" and raw[title.raw_start : title.raw_end] == title.text


HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>City council approves new bus lanes | The Daily Ledger</title>
<meta property="og:title" content="City council approves new bus lanes">
<meta property="og:site_name" content="The Daily Ledger">
<meta name="author" content="Maria Lopez">
<meta property="article:published_time" content="2023-04-12T09:30:00Z">
<link rel="canonical" href="https://ledger.example.com/news/bus-lanes">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>City council approves new bus lanes</h1>
<p>The city council on Tuesday approved a plan to add 12 miles of dedicated bus lanes, a move transit officials said would cut commute times by up to 15 minutes.</p>
<p>"This is the biggest change to our streets in a generation," council member Dana Reyes said after the 7-2 vote.</p>
<div class="ad">Advertisement</div>
<p>Opponents, including several downtown business owners, said the lanes would remove hundreds of parking spaces.</p>
<p>Sign up for our morning newsletter</p>
</article>
<footer>Copyright 2023 The Daily Ledger</footer>
</body></html>
"""


def test_html_through_trafilatura_with_metadata(write):
    path = write("bus-lanes.html", HTML)
    [article] = read_inputs([str(path)]).articles
    assert article.format == "html"
    assert article.title == "City council approves new bus lanes"
    assert article.byline == "Maria Lopez"
    assert article.published == "2023-04-12"
    assert article.outlet == "The Daily Ledger"
    assert article.url == "https://ledger.example.com/news/bus-lanes"
    assert article.text.startswith("The city council on Tuesday approved")
    assert article.text.endswith("hundreds of parking spaces.")
    assert "Advertisement" not in article.text and "newsletter" not in article.text
    assert {"title", "advertisement", "newsletter"} <= {r.kind for r in article.removed}


def test_json_field_aliases_and_nested_objects(write):
    path = write("rates.json", json.dumps({
        "headline": "Central bank holds rates",
        "articleBody": "The central bank held interest rates steady on Thursday, its governor said.\n"
                       "(Reporting by Sam Hart; Editing by Lea Wong)",
        "publisher": {"@type": "Organization", "name": "Capital Wire"},
        "author": [{"name": "Sam Hart"}],
        "datePublished": "2024-02-01T10:00:00+01:00",
        "url": "https://capital.example.net/rates",
    }))
    [article] = read_inputs([str(path)]).articles
    assert article.id == "rates" and article.format == "json"
    assert article.title == "Central bank holds rates"
    assert article.outlet == "Capital Wire" and article.byline == "Sam Hart"
    assert article.published == "2024-02-01T10:00:00+01:00"
    assert article.text == "The central bank held interest rates steady on Thursday, its governor said."
    assert article.credits == ["Reporting by Sam Hart; Editing by Lea Wong"]


def test_json_other_spellings(write):
    path = write("wheat.json", json.dumps({
        "title": "Wheat climbs", "content": "Wheat prices rose 3 percent on Friday, traders said.",
        "source": {"id": None, "name": "Grain Daily"}, "date": "March 3, 2024", "byline": "Kim Lo",
    }))
    [article] = read_inputs([str(path)]).articles
    assert (article.outlet, article.published, article.byline) == ("Grain Daily", "2024-03-03", "Kim Lo")


def test_jsonl_ids_and_a_bad_line(write):
    path = write("feed.jsonl", "\n".join([
        json.dumps({"id": "a1", "title": "Rates held", "text": "The central bank held rates steady, its governor said."}),
        '{"title": "Broken", "text": "This line was cut',
        "",
        json.dumps({"title": "Wheat up", "body": "Wheat prices rose 3 percent on Friday, traders said."}),
        json.dumps({"title": "No body here"}),
    ]) + "\n")
    result = read_inputs([str(path)])
    assert [a.id for a in result.articles] == ["a1", "feed:4"]
    assert all(a.format == "jsonl" and a.path == str(path) for a in result.articles)
    assert [(e.path, e.reason.split(":")[0]) for e in result.errors] == [
        (f"{path}:2", "truncated JSON (cut off before its end)"),
        (f"{path}:5", "no article text (none of the fields text, body, articleBody or content holds text)"),
    ]


def test_stdin_sniffs_its_format():
    plain = b"Ferry services resume\nFerry services resumed on Sunday after storms eased, the operator said.\n"
    [article] = read_inputs(["-"], stdin=io.BytesIO(plain)).articles
    assert (article.id, article.path, article.format) == ("stdin", "<stdin>", "txt")
    assert article.title == "Ferry services resume"
    record = json.dumps({"title": "Ferries", "text": "Ferry services resumed on Sunday, the operator said."})
    [article] = read_inputs(["-"], stdin=io.BytesIO(record.encode())).articles
    assert article.format == "json" and article.title == "Ferries"


def test_folder_walk_sorted_recursive_skips_hidden_and_images(write, tmp_path):
    body = "Officials said the bridge would reopen on Monday after repairs.\n"
    write("b.txt", body, folder="news")
    write("a.txt", body, folder="news/sub")
    write("a.md", body, folder="news")
    write("c.txt", body, folder="news/.drafts")
    write(".notes.txt", body, folder="news")
    write("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", folder="news")
    result = read_inputs([str(tmp_path / "news")])
    assert result.errors == []
    assert [a.path for a in result.articles] == [
        str(tmp_path / "news" / "a.md"),
        str(tmp_path / "news" / "b.txt"),
        str(tmp_path / "news" / "sub" / "a.txt"),
    ]
    # the same stem twice: stable, distinct ids in reading order
    assert [a.id for a in result.articles] == ["a", "b", "a-2"]


def test_unknown_suffix_named_explicitly_is_read_as_text(write):
    path = write("story.story", "Officials said the bridge would reopen on Monday after repairs.\n")
    [article] = read_inputs([str(path)]).articles
    assert article.format == "txt" and article.text.startswith("Officials said")


@pytest.mark.parametrize("text,expected", [
    ("Published March 4, 2021 at noon", "2021-03-04"), ("Updated: 4 Mar 2021", "2021-03-04"),
    ("2021/3/4", "2021-03-04"), ("Sept. 28, 2016", "2016-09-28"), ("Jan. 5, 2017", "2017-01-05"),
    ("2020-05-01T10:00:00Z", "2020-05-01T10:00:00+00:00"), ("Monday", None), ("no date in 2016", None),
])
def test_publication_dates_in_words_and_iso(text, expected):
    from claimrec.ingest.dates import find_date

    assert find_date(text) == expected


def test_front_matter_that_is_not_yaml_is_no_front_matter():
    from claimrec.ingest.frontmatter import split_front_matter

    fields, start = split_front_matter("---\ntitle: [unclosed\n---\nBody.")
    assert fields == {} and start > 0
    fields, _ = split_front_matter("---\ntitle: A story\npublished: 2021-03-04\ntags: [a, b]\n---\nBody.")
    assert fields == {"title": "A story", "published": "2021-03-04", "tags": ["a", "b"]}
