"""The last line of defence: every written page is sanitized and checked before it is published.

Translations are sanitized where they enter (the letter's HTML, escaped theme
strings), but the rule that matters is about the *final* page, so it is
enforced there too: the ``<body>`` goes through an allowlist sanitizer, and
the ``<head>`` (which only the theme writes) must hold nothing but metadata,
stylesheets, same-origin scripts and a Content-Security-Policy without
``'unsafe-inline'``; inline scripts are allowed only when the policy lists
their hash.  A head that breaks the rule fails the build: that is a theme bug.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import nh3

from openletter.cache import Cache
from openletter.errors import OpenletterError

BODY_TAGS = {
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "code", "del", "details", "div", "em",
    "figcaption", "figure", "footer", "ins", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "li",
    "main", "mark", "nav", "ol", "p", "pre", "s", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "th", "thead", "time", "tr", "ul", "meter", "progress", "label", "noscript",
    "button",
}  # fmt: skip
BODY_ATTRIBUTES = {
    "*": {"lang", "dir", "class", "id", "title", "role", "hidden", "tabindex", "translate"},
    "a": {"href", "hreflang", "rel", "download", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "details": {"open"},
    "meter": {"value", "min", "max", "low", "high", "optimum"},
    "progress": {"value", "max"},
    "button": {"type"},
}  # fmt: skip
_ALTERNATE_LINE_RE = re.compile(
    r'^(?:<link rel="alternate" hreflang="[A-Za-z0-9-]+" href="([^"<>&]*)">'
    r'|<meta property="og:locale:alternate" content="[A-Za-z_]+">())$',
    re.MULTILINE,
)
_BODY_RE = re.compile(r"(<body\b[^>]*>)(.*)(</body>)", re.DOTALL | re.IGNORECASE)
_SAFE_SCHEMES = {"", "http", "https", "mailto"}
_HEAD_TAGS = {"meta", "title", "link", "script", "head", "html", "noscript"}
_LINK_RELS = {"stylesheet", "icon", "canonical", "alternate", "preload", "manifest", "license"}


class PageGuardError(OpenletterError):
    """A page the theme produced breaks the publishing rules."""


@dataclass(frozen=True, slots=True)
class _HeadScript:
    line: int
    src: str | None
    body: str


class _HeadReader(HTMLParser):
    """Collects the head's tags (and inline scripts) with their lines."""

    def __init__(self, site_url: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.site_url = site_url.rstrip("/")
        self.problems: list[tuple[int, str]] = []
        self.scripts: list[_HeadScript] = []
        self.csp: str | None = None
        self._script: tuple[int, str | None] | None = None
        self._buffer: list[str] = []
        self._in_head = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._in_head:
            return
        line = self.getpos()[0]
        values = dict(attrs)
        if tag == "body":
            self._in_head = False
            return
        if tag not in _HEAD_TAGS:
            self.problems.append((line, f"<{tag}> is not allowed in the head"))
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append((line, f"attribute {name} on <{tag}>"))
            if name in ("href", "src") and value is not None and not _safe_url(value):
                self.problems.append((line, f"{name}={value!r} is not http(s), mailto or the site itself"))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = values.get("content") or ""
        if tag == "link" and not set((values.get("rel") or "").split()) <= _LINK_RELS:
            self.problems.append((line, f"<link rel={values.get('rel')!r}> is not allowed"))
        if tag == "script":
            src = values.get("src")
            same_site = bool(self.site_url) and src is not None and src.startswith(self.site_url + "/")
            if src is not None and urlsplit(src).scheme and not same_site:
                self.problems.append((line, f"script from {src!r}: only same-origin scripts may load"))
            self._script = (line, src)
            self._buffer = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            line, src = self._script
            self.scripts.append(_HeadScript(line, src, "".join(self._buffer)))
            self._script = None
        if tag == "head":
            self._in_head = False


def _safe_url(value: str) -> bool:
    return urlsplit(value.strip()).scheme.lower() in _SAFE_SCHEMES and not value.strip().lower().startswith("//")


def script_hash(body: str) -> str:
    """The CSP source expression for an inline script (``'sha256-…'``)."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


class PageGuard:
    """Sanitizes the body and checks the head of every HTML file of a built site.

    ``site_url`` is the published site's own origin (``SITEURL``): scripts may load from it."""

    def __init__(self, site_url: str = "") -> None:
        self.site_url = site_url
        self.cleaner = nh3.Cleaner(
            tags=BODY_TAGS,
            attributes=BODY_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel=None,
            strip_comments=True,
            generic_attribute_prefixes={"data-", "aria-"},
        )

    def check_head(self, html: str, path: Path) -> None:
        head = html.split("<body", 1)[0]
        # The hreflang cluster (one line per language, N per page) is checked by a strict pattern;
        # only the rest goes through the HTML parser, so heads cost O(1) parser work, not O(N).
        head = _ALTERNATE_LINE_RE.sub(lambda m: "" if m.group(1) is None or _safe_url(m.group(1)) else m.group(0), head)
        reader = _HeadReader(self.site_url)
        reader.feed(head)
        problems = list(reader.problems)
        if reader.csp is None:
            problems.append((1, "no Content-Security-Policy meta element"))
        else:
            script_src = _directive(reader.csp, "script-src") or _directive(reader.csp, "default-src") or ""
            if "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src:
                problems.append((1, f"Content-Security-Policy allows inline script: {reader.csp!r}"))
            for script in reader.scripts:
                if script.src is None and script_hash(script.body) not in script_src.split():
                    problems.append((script.line, f"inline script whose hash {script_hash(script.body)} is not in the policy"))
        if problems:
            line, message = problems[0]
            raise PageGuardError(message, path=path, line=line, value=[m for _, m in problems])

    def sanitize(self, html: str, path: Path) -> str:
        """The page with its body sanitized; raises :class:`PageGuardError` on a bad head."""
        self.check_head(html, path)
        match = _BODY_RE.search(html)
        if match is None:
            raise PageGuardError("no <body> element", path=path)
        return html[: match.start(2)] + self.cleaner.clean(match.group(2)) + html[match.end(2) :]

    def sanitize_file(self, page: Path, shown: Path, cache: Cache | None = None) -> None:
        """Sanitize ``page`` in place (``shown`` is its path in messages and in the cache key).

        With a ``cache``, a page byte-identical to one guarded before gets that result back.
        Pages are handled as bytes and decoded only to be sanitized: a hit costs a hash, no
        UTF-8 decoding or encoding (most of the step's time at 200 languages otherwise)."""
        html = page.read_bytes()
        if cache is None:
            cleaned = self._sanitize_bytes(html, shown)
        else:
            cleaned = cache.get("guarded-page", (html, shown.as_posix(), self.site_url), lambda: self._sanitize_bytes(html, shown), valid=bytes)
        if cleaned != html:
            page.write_bytes(cleaned)

    def _sanitize_bytes(self, html: bytes, path: Path) -> bytes:
        """What the page must hold: ``html`` itself when the sanitizer changes nothing.

        Decoded as a text file is read (universal newlines: CR LF and a lone CR become LF), so
        the result is byte for byte what reading and writing the page as text gave.
        """
        text = html.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        cleaned = self.sanitize(text, path)
        return html if cleaned == text else cleaned.encode("utf-8")


def _directive(policy: str, name: str) -> str | None:
    for part in policy.split(";"):
        tokens = part.strip().split(None, 1)
        if tokens and tokens[0].lower() == name:
            return tokens[1] if len(tokens) > 1 else ""
    return None
