"""The HTML report, read back with a real HTML parser: structure, links, escaping."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from claimrec.models import Alignment, Finding, Report, make_span
from claimrec.render import render
from claimrec.render.html import safe_id
from claimrec.render.html_assets import JS

VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "source", "area", "base", "col"}
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p",
                "span", "strong", "div", "aside", "ol", "ul", "li", "a", "main", "section",
                "article", "code", "mark", "footer", "details", "summary", "pre", "br", "table",
                "thead", "tbody", "tr", "th", "td", "b", "script"}
SKIP_TEXT = {"sn", "fn"}  # sentence numbers and finding refs are not article text


class Page(HTMLParser):
    """Checks nesting as it goes and keeps what the tests look at."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.scripts: list[str] = []
        self.id_text: dict[str, str] = {}
        self.bodies: list[dict] = []  # one per article column: attrs + text
        self.texts: list[str] = []
        self.feed(text)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {[t for t, _ in self.stack]}")

    def _classes(self, attrs: dict) -> set[str]:
        return set((attrs.get("class") or "").split())

    def _skipping(self) -> bool:
        return any(self._classes(a) & SKIP_TEXT for _, a in self.stack)

    def handle_starttag(self, tag, attr_list):
        attrs = dict(attr_list)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
            self.id_text.setdefault(attrs["id"], "")
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "article":
            self.bodies.append({"attrs": attrs, "text": ""})
        if tag == "span" and "gap" in self._classes(attrs) and self._in_body():
            self.bodies[-1]["text"] += "\n"
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_startendtag(self, tag, attr_list):
        self.handle_starttag(tag, attr_list)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def _in_body(self) -> bool:
        return any(t == "div" and "body" in self._classes(a) for t, a in self.stack)

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)
        self.texts.append(data)
        if self._skipping():
            return
        for _, attrs in self.stack:
            if "id" in attrs:
                self.id_text[attrs["id"]] += data
        if self._in_body():
            self.bodies[-1]["text"] += data


def check_page(page: Page) -> None:
    assert not page.errors, page.errors[:5]
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    ids = set(page.ids)
    for href in page.hrefs:
        assert href.startswith("#"), f"non-local link {href!r}"
        assert href[1:] in ids, f"dangling anchor {href!r}"
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, f"unexpected <{tag}>"
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert "src" not in attrs, (tag, attrs)
        if tag == "script":
            assert not attrs
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            assert "default-src 'none'" in attrs["content"]
    assert [t for t, _ in page.tags].count("script") == 1
    assert [s.strip() for s in page.scripts] == [JS.strip()]
    assert any(t == "meta" and a.get("http-equiv") == "Content-Security-Policy" for t, a in page.tags)


@pytest.fixture(scope="module")
def seed_page(seed_report) -> Page:
    return Page(render(seed_report, "html"))


def test_page_is_well_formed_and_every_anchor_resolves(seed_page):
    check_page(seed_page)


def test_both_texts_appear_whole_side_by_side(seed_report, seed_page):
    bodies = {b["attrs"]["class"].split()[1]: b["text"] for b in seed_page.bodies}
    wire, rewrite = seed_report.articles
    assert bodies["source"] == wire.text
    assert bodies["rewrite"] == rewrite.text


def test_every_finding_is_listed_and_linked_to_each_evidence(seed_report, seed_page):
    ids = set(seed_page.ids)
    for f in seed_report.findings:
        anchor = safe_id(f.id)
        assert f"f-{anchor}" in ids
        assert f.summary in seed_page.id_text[f"f-{anchor}"]
        for n in range(len(f.evidence)):
            assert f"#ev-{anchor}-{n}" in seed_page.hrefs
            assert f"ev-{anchor}-{n}" in ids


def test_hedge_dropped_is_highlighted_on_both_sides(seed_report, seed_page):
    f = next(f for f in seed_report.findings if f.kind == "hedge_dropped")
    marks = {a["id"]: t for t, a in seed_page.tags if t == "mark" and "id" in a}
    assert seed_page.id_text[f"ev-{f.id}-0"] == "what it called a joint statement"
    assert seed_page.id_text[f"ev-{f.id}-1"] == "In a joint statement with Facebook"
    assert f"ev-{f.id}-0" in marks and f"ev-{f.id}-1" in marks


def test_sentences_coloured_by_alignment_and_linked_across(seed_report, seed_page):
    spans = [(a.get("class", ""), a.get("data-al"), a.get("id")) for t, a in seed_page.tags
             if t == "span" and a.get("data-al")]
    for i, al in enumerate(seed_report.alignments):
        if al.level != "sentence":
            continue
        mine = [c for c, group, _ in spans if group == f"al-{i}"]
        assert len(mine) >= len(al.spans)
        assert all(f"s-{al.relation}" in c.split() for c in mine)
    # rewritten sentences carry a number linking to their counterpart
    assert "#al-0-1" in seed_page.hrefs and "#al-0-0" in seed_page.hrefs
    new = [i for i, al in enumerate(seed_report.alignments) if al.relation == "new"]
    assert all(f"#al-{i}-0" not in seed_page.hrefs for i in new)


def test_text_not_used_by_the_rewrite_is_dimmed(seed_page, seed_report):
    gone = [a for t, a in seed_page.tags if "gone" in (a.get("class") or "").split()]
    assert gone  # e.g. "Facebook has long faced criticism ..." is not carried over


def test_untrusted_article_is_escaped(hostile_report):
    out = render(hostile_report, "html")
    page = Page(out)
    check_page(page)
    assert "<script>alert(1)</script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<img" not in out and "<svg" not in out and "<b>bold" not in out
    assert 'href="javascript' not in out and 'href="https://evil' not in out
    # the payloads survive as visible text
    text = "".join(page.texts)
    assert "<script>alert(1)</script>" in text
    assert '" onmouseover="alert(2)" x="' in text
    assert "javascript:alert(3)" in text
    assert "[a link](https://evil.example)" in text


def test_every_view_is_well_formed(seed_report, hostile_report):
    for report in (seed_report, hostile_report, Report()):
        for view in ("report", "diff", "claims", "ingest"):
            check_page(Page(render(report, "html", view=view)))


def test_claims_view_lists_and_marks_claims(seed_report):
    page = Page(render(seed_report, "html", view="claims"))
    check_page(page)
    rows = [a for t, a in page.tags if t == "tr" and a.get("data-c")]
    assert len(rows) == len(seed_report.claims)
    for claim in seed_report.claims:
        assert claim.content.text in "".join(page.texts)


def _with_second_rewrite(report: Report) -> Report:
    source, rewrite = report.articles
    twin = rewrite.model_copy(update={"id": "twin", "path": "twin.txt"})
    moved = [Alignment(id=f"t{al.id}", level="sentence", relation=al.relation,
                       similarity=al.similarity,
                       spans=[make_span("twin", twin.text, al.spans[0].start, al.spans[0].end),
                              *al.spans[1:]])
             for al in report.alignments if al.level == "sentence"]
    at = twin.text.index("In a joint statement")
    extra = Finding(id="f1", kind="hedge_dropped", severity="high", confidence=0.5,
                    summary="duplicate id on purpose",
                    evidence=[report.findings[1].evidence[0], make_span("twin", twin.text, at, at + 20)])
    return report.model_copy(update={"articles": [source, rewrite, twin],
                                     "alignments": report.alignments + moved,
                                     "findings": report.findings + [extra]})


def test_source_with_two_rewrites_gets_two_pairs_and_unique_ids(seed_report):
    report = Report.model_validate(_with_second_rewrite(seed_report).model_dump())
    out = render(report, "html")
    page = Page(out)
    check_page(page)
    numbers = sorted(int(n) for n in re.findall(r'class="fnum">(\d+)\.<', out))
    assert numbers == list(range(1, len(report.findings) + 1))  # duplicate ids, distinct numbers
    assert sum(1 for t, a in page.tags if t == "section" and a.get("class") == "pair") == 2
    assert len(page.bodies) == 4  # the source appears once per pair


def test_peers_only_render_in_columns(seed_report):
    peers = [a.model_copy(update={"role": "peer"}) for a in seed_report.articles]
    report = seed_report.model_copy(update={"articles": peers})
    for view in ("report", "diff"):
        page = Page(render(report, "html", view=view))
        check_page(page)
        assert {b["text"] for b in page.bodies} == {a.text for a in peers}


def test_evidence_on_an_empty_article_still_has_its_anchor():
    from claimrec.models import Article

    empty = Article(id="e", path="e.txt", role="rewrite", text="")
    other = Article(id="s", path="s.txt", role="source", text="It was said.")
    report = Report(articles=[other, empty], findings=[Finding(
        id="f1", kind="omission", severity="high", confidence=0.5, summary="gone",
        evidence=[make_span("s", other.text, 0, 12), make_span("e", "", 0, 0)])])
    page = Page(render(report, "html"))
    check_page(page)
    assert "ev-f1-1" in page.ids


# --- one finding at a time, a quiet page, an honest legend --------------------------------------

def _legend(page: Page) -> list[str]:
    out, inside = [], False
    for tag, attrs in page.tags:
        if tag == "div" and "legend" in (attrs.get("class") or "").split():
            inside = True
        elif inside and tag == "span" and "k" in (attrs.get("class") or "").split():
            out.append(attrs["class"].split()[1])
    return out


def test_legend_lists_only_what_the_columns_show(seed_report, seed_page):
    assert _legend(seed_page) == ["s-verbatim", "s-rewritten", "s-new", "gone"]
    no_verbatim = seed_report.model_copy(update={"alignments": [
        a.model_copy(update={"relation": "rewritten"}) if a.relation == "verbatim" else a
        for a in seed_report.alignments]})
    assert _legend(Page(render(no_verbatim, "html"))) == ["s-rewritten", "s-new", "gone"]
    peers = seed_report.model_copy(update={
        "articles": [a.model_copy(update={"role": "peer"}) for a in seed_report.articles]})
    assert _legend(Page(render(peers, "html"))) == []


def test_evidence_is_quiet_until_its_finding_is_shown(seed_page):
    from claimrec.render.html_assets import CSS

    # no background on evidence by default: only the shown finding's marks are filled in
    base = re.search(r"(?m)^mark\.ev\{[^}]*\}", CSS).group(0)
    assert "background" not in base
    assert re.search(r"mark\.ev\.on\.high\{background:", CSS)
    # every badge and card names its finding, so the script can light exactly that one
    badges = [a for t, a in seed_page.tags if t == "a" and "fn" in (a.get("class") or "").split()]
    assert badges and all(a.get("data-f") for a in badges)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")
def test_following_a_finding_link_lights_that_finding_alone(seed_report, tmp_path):
    """The page's own script in a real browser: #f-<id> shows one finding's evidence only."""
    path = tmp_path / "report.html"
    path.write_text(render(seed_report, "html"), encoding="utf-8")
    target = seed_report.findings[1]
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
         "--dump-dom", f"{path.as_uri()}#f-{safe_id(target.id)}"],
        capture_output=True, text=True, timeout=120)
    dom = done.stdout
    assert re.search(r'<body class="focus"', dom), dom[:300]
    lit = re.findall(r'<mark class="ev [a-z]+ on"[^>]*data-f="([^"]+)"', dom)
    assert lit and set(lit) == {safe_id(target.id)}
    assert len(lit) >= len(target.evidence)
