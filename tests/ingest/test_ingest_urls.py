"""http(s) inputs against a local web server started by the test (no outside network)."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimrec.errors import NoUsableInput
from claimrec.ingest import FetchSettings, read_inputs
from claimrec.ingest.fetch import USER_AGENT, page_id

PAGE = """<!doctype html>
<html><head><title>Doctor took photo during procedure, source says | News</title>
<meta name="author" content="Dana Whitcombe"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2014-09-09T10:42:00Z"></head>
<body><nav>Home | World | Politics</nav>
<article><h1>Doctor took photo during procedure, source says</h1>
<p>(CNN) — The personal physician of comedian Marla Quinn took a photograph of her while she was
under anesthesia at a Manhattan clinic, a source close to the investigation told CNN on Monday.</p>
<p>The doctor, Leonard Haskell, also began a biopsy of Quinn's vocal cords that she had not agreed
to, the source said. Haskell did not respond to a request for comment.</p>
<p>"We have cooperated fully with the state health department and will continue to do so," the
clinic said in a statement on Monday.</p>
</article><footer>Follow us on Twitter</footer></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []
    hits: dict[str, int] = {}

    def log_message(self, *args):  # keep the test output quiet
        pass

    def do_GET(self):
        _Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        _Handler.hits[self.path] = _Handler.hits.get(self.path, 0) + 1
        if self.path.startswith("/2014/09/09/doctor-photo/index.html"):
            self._send(200, "text/html; charset=utf-8", PAGE.encode("utf-8"))
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/2014/09/09/doctor-photo/index.html?from=moved")
            self.end_headers()
        elif self.path == "/plain.txt":
            self._send(200, "text/plain; charset=utf-8",
                       b"The mayor denied the report on Tuesday, her office said in a statement.\n")
        elif self.path == "/huge":
            self._send(200, "text/html", b"<p>" + b"word " * 40_000 + b"</p>")
        elif self.path == "/slow":
            time.sleep(2.0)
            self._send(200, "text/html", PAGE.encode("utf-8"))
        elif self.path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 ...")
        else:
            self._send(404, "text/html", b"<h1>Not Found</h1>")

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def settings(tmp_path) -> FetchSettings:
    return FetchSettings(cache_dir=tmp_path / "cache", timeout=5.0)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_html_page_is_fetched_read_and_cached(server, settings):
    url = f"{server}/2014/09/09/doctor-photo/index.html"
    [article] = read_inputs([url], fetch=settings).articles
    assert article.id == "doctor-photo"
    assert article.path == url
    assert article.url == url
    assert article.format == "html"
    assert article.text.startswith("(CNN) — The personal physician of comedian Marla Quinn")
    assert "Follow us" not in article.text and "Home | World" not in article.text
    assert _Handler.seen_agents[-1] == USER_AGENT
    assert list((settings.cache_dir / "pages").glob("*.body"))
    # a second run reads the cached copy: no request, same article, also offline
    before = _Handler.hits.get("/2014/09/09/doctor-photo/index.html", 0)
    offline = FetchSettings(cache_dir=settings.cache_dir, offline=True)
    [again] = read_inputs([url], fetch=offline).articles
    assert again.text == article.text
    assert _Handler.hits.get("/2014/09/09/doctor-photo/index.html", 0) == before


def test_redirects_are_followed_and_the_final_url_kept(server, settings):
    [article] = read_inputs([f"{server}/moved"], fetch=settings).articles
    assert article.url.endswith("/2014/09/09/doctor-photo/index.html?from=moved")
    assert article.id == "moved"


def test_plain_text_pages_and_files_mix(server, settings, write):
    local = write("wire.txt", "The council said on Monday that the lights would go up on December 1.\n")
    result = read_inputs([str(local), f"{server}/plain.txt"], fetch=settings)
    assert [a.id for a in result.articles] == ["wire", "plain"]
    assert result.articles[1].format == "txt"


@pytest.mark.parametrize("path, reason", [
    ("/missing", "the server refused it: HTTP 404 Not Found"),
    ("/report.pdf", "not a readable page (served as application/pdf)"),
])
def test_refused_pages_are_one_line_each(server, settings, write, path, reason):
    good = write("ok.txt", "The mayor denied the report on Tuesday, her office said.\n")
    result = read_inputs([f"{server}{path}", str(good)], fetch=settings)
    assert [a.id for a in result.articles] == ["ok"]
    [error] = result.errors
    assert error.path == f"{server}{path}" and error.reason == reason


def test_size_cap_and_timeout(server, settings):
    with pytest.raises(NoUsableInput) as caught:
        read_inputs([f"{server}/huge"], fetch=settings, max_bytes=10_000)
    assert caught.value.errors[0].reason.startswith("page too large")
    quick = FetchSettings(cache_dir=settings.cache_dir, timeout=0.5)
    with pytest.raises(NoUsableInput) as caught:
        read_inputs([f"{server}/slow"], fetch=quick)
    assert caught.value.errors[0].reason == "no answer from 127.0.0.1 within 0.5 s (raise it with $CLAIMREC_FETCH_TIMEOUT)"


def test_refused_connection_and_offline_say_so(settings):
    url = f"http://127.0.0.1:{_free_port()}/story.html"
    with pytest.raises(NoUsableInput) as caught:
        read_inputs([url], fetch=settings)
    assert caught.value.errors[0].reason == "connection refused by 127.0.0.1"
    offline = FetchSettings(cache_dir=settings.cache_dir, offline=True)
    with pytest.raises(NoUsableInput) as caught:
        read_inputs([url], fetch=offline)
    assert caught.value.errors[0].reason.startswith("not fetched: offline")


def test_offline_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMREC_OFFLINE", "1")
    assert FetchSettings.from_env(cache_dir=tmp_path).offline


@pytest.mark.parametrize("url, expected", [
    ("https://edition.cnn.com/2014/09/09/showbiz/doctor-photo/index.html", "doctor-photo"),
    ("https://www.latimes.com/entertainment/la-et-quinn-selfie-20140909-story.html", "la-et-quinn-selfie-20140909-story"),
    ("https://example.com/", "example.com"),
    ("https://example.com/news/2014/", "news"),
])
def test_page_ids(url, expected):
    assert page_id(url) == expected
