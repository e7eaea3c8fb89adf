"""Web pages as inputs: ``http(s)://`` arguments fetched once, then read from a cache.

A page is fetched with a timeout, a size cap and claimrec's User-Agent, and
kept under the cache folder (``<cache dir>/pages/``, one body and one small
JSON record per URL), so a rerun reads the same bytes and works offline.
With ``offline`` nothing is fetched: a cached copy is read or the URL is
skipped with one line saying so. Every failure is a :class:`BadInput` with a
sentence a user can act on; the rest of the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional
from urllib.parse import unquote, urlsplit

from claimrec._version import __version__
from claimrec.ingest.limits import human_size
from claimrec.ingest.problems import BadInput

OFFLINE_ENV = "CLAIMREC_OFFLINE"
TIMEOUT_ENV = "CLAIMREC_FETCH_TIMEOUT"
DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
USER_AGENT = f"claimrec/{__version__} (news-claim reconciliation)"
_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)
# What a page may be served as; anything else (PDF, images, video) is not an article to read.
_READABLE = re.compile(r"^(?:text/|application/(?:xhtml\+xml|xml|json|ld\+json|rss\+xml|atom\+xml)\b)")
_FORMAT_BY_TYPE = (("json", "json"), ("html", "html"), ("xml", "html"), ("text/plain", "txt"))


def is_url(raw: str) -> bool:
    return bool(_URL.match(raw.strip()))


@dataclass(frozen=True)
class FetchSettings:
    """How URLs are fetched: from the caller, else the environment, else the defaults."""

    cache_dir: Optional[Path] = None  # None: the user cache folder (see claimrec.nlp)
    use_cache: bool = True
    offline: bool = False
    timeout: float = DEFAULT_TIMEOUT
    user_agent: str = USER_AGENT

    @classmethod
    def from_env(cls, *, cache_dir: Optional[Path] = None, use_cache: bool = True,
                 offline: bool = False) -> "FetchSettings":
        env_offline = os.environ.get(OFFLINE_ENV, "").strip().lower() in ("1", "true", "yes", "on")
        raw = os.environ.get(TIMEOUT_ENV, "").strip()
        try:
            timeout = float(raw) if raw else DEFAULT_TIMEOUT
        except ValueError:
            timeout = DEFAULT_TIMEOUT
        return cls(cache_dir=cache_dir, use_cache=use_cache, offline=offline or env_offline,
                   timeout=timeout if timeout > 0 else DEFAULT_TIMEOUT)

    def pages_dir(self) -> Path:
        if self.cache_dir is not None:
            return Path(self.cache_dir) / "pages"
        from claimrec.nlp import default_cache_dir

        return default_cache_dir() / "pages"


@dataclass(frozen=True)
class Page:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str
    body: bytes
    from_cache: bool = False

    @property
    def format(self) -> Optional[str]:
        """txt, html or json from the served type; None to sniff the text."""
        kind = self.content_type.lower()
        for needle, fmt in _FORMAT_BY_TYPE:
            if needle in kind:
                return fmt
        return None


def page_id(url: str) -> str:
    """A readable article id from a URL: its last meaningful path segment, else the host."""
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    while segments and re.fullmatch(r"(?:index|default|story|article)(?:\.\w+)?|amp|\d{1,4}", segments[-1], re.I):
        segments.pop()
    stem = re.sub(r"\.(?:s?html?|php|aspx?|jsp|txt|json|md)$", "", segments[-1], flags=re.I) if segments else ""
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-.")[:80]
    return stem or (parts.hostname or "page")


def fetch_page(url: str, settings: FetchSettings, max_bytes: int) -> Page:
    """The page at ``url``, from the cache when there is a copy; :class:`BadInput` otherwise."""
    cached = _read_cache(url, settings) if settings.use_cache else None
    if cached is not None:
        return cached
    if settings.offline:
        raise BadInput("not fetched: offline (--offline or $CLAIMREC_OFFLINE) and no cached copy")
    page = _download(url, settings, max_bytes)
    if settings.use_cache:
        _write_cache(page, settings)
    return page


def _download(url: str, settings: FetchSettings, max_bytes: int) -> Page:
    import httpx

    host = urlsplit(url).hostname or url
    headers = {"User-Agent": settings.user_agent,
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/json;q=0.8,*/*;q=0.1"}
    try:
        with httpx.Client(timeout=settings.timeout, follow_redirects=True, max_redirects=MAX_REDIRECTS,
                          headers=headers) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise BadInput(f"the server refused it: HTTP {response.status_code} "
                                   f"{response.reason_phrase}".rstrip())
                content_type = response.headers.get("content-type", "").strip()
                if content_type and not _READABLE.match(content_type.lower()):
                    raise BadInput(f"not a readable page (served as {content_type.split(';')[0]})")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise _too_big(int(declared), max_bytes)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        raise _too_big(len(body), max_bytes, at_least=True)
                return Page(url=url, final_url=str(response.url), content_type=content_type,
                            body=bytes(body))
    except BadInput:
        raise
    except httpx.TimeoutException:
        raise BadInput(f"no answer from {host} within {settings.timeout:g} s "
                       f"(raise it with ${TIMEOUT_ENV})") from None
    except httpx.TooManyRedirects:
        raise BadInput(f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.ConnectError as exc:
        raise BadInput(_connect_problem(host, exc)) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise BadInput(f"not a URL claimrec can fetch: {exc}") from None
    except httpx.HTTPError as exc:
        raise BadInput(f"fetch failed: {exc.__class__.__name__}: {exc}") from None
    except OSError as exc:
        raise BadInput(f"fetch failed: {exc.strerror or exc}") from None


def _connect_problem(host: str, exc: Exception) -> str:
    text = str(exc).lower()
    if "refused" in text:
        return f"connection refused by {host}"
    if "name" in text or "resolution" in text or "nodename" in text or "getaddrinfo" in text:
        return f"cannot find {host} (no network, or no such host; --offline reads cached pages only)"
    if "certificate" in text or "ssl" in text:
        return f"secure connection to {host} failed: {exc}"
    return f"cannot connect to {host}: {exc} (no network? --offline reads cached pages only)"


def _too_big(size: int, cap: int, *, at_least: bool = False) -> BadInput:
    what = f"more than {human_size(cap)}" if at_least else human_size(size)
    return BadInput(f"page too large ({what}; the cap is {human_size(cap)}, raise it with CLAIMREC_MAX_BYTES)")


# ---- cache -----------------------------------------------------------------------------------

def _key(url: str) -> str:
    return hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:32]


def _read_cache(url: str, settings: FetchSettings) -> Optional[Page]:
    folder = settings.pages_dir()
    key = _key(url)
    try:
        meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        body = (folder / f"{key}.body").read_bytes()
    except (OSError, ValueError):
        return None  # no copy, or a damaged one: fetch again
    if not isinstance(meta, dict) or meta.get("url") != url:
        return None
    return Page(url=url, final_url=str(meta.get("final_url") or url),
                content_type=str(meta.get("content_type") or ""), body=body, from_cache=True)


def _write_cache(page: Page, settings: FetchSettings) -> None:
    folder = settings.pages_dir()
    key = _key(page.url)
    meta = {"url": page.url, "final_url": page.final_url, "content_type": page.content_type,
            "bytes": len(page.body)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # body first, record last: a record always points at a whole body
        _atomic_write(folder / f"{key}.body", page.body)
        _atomic_write(folder / f"{key}.json", json.dumps(meta).encode("utf-8"))
    except OSError:
        pass  # a read-only cache costs a refetch next time, not this run


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
