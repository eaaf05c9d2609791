"""Webfonts: OFL Noto fonts from npm ``@fontsource/*`` packages, subset per page to what it shows.

Why per page: one language's letter uses a few hundred characters, but the fonts that can show
them weigh megabytes (CJK) or are split by Fontsource into many ``unicode-range`` slices. Each
page gets, per family and weight, ONE woff2 holding exactly the glyphs of the characters that
the page renders in that family (plus what shaping needs: ligatures, Arabic joining forms, Indic
conjuncts, marks), cut out of the slices with ``fontTools.subset`` and merged when the page's
characters come from several slices.

The contract with the theme
---------------------------
* Every page links one generated stylesheet: ``stylesheet_for(page, site_root)`` gives its
  site-relative path (``theme/fonts/de.css`` for ``de/index.html``, ``theme/fonts/index.css``
  for the root ``index.html``, ``theme/fonts/translate.css`` for ``translate/index.html``) and
  ``stylesheet_href(page, site_root)`` the relative href to put in the page. Link it AFTER the
  theme's own stylesheet.
* That stylesheet declares ``@font-face`` rules (``font-display: swap``, same-folder relative
  ``url(...)``, nothing leaves the site) for families named ``"<Noto family> OL"`` (for example
  ``"Noto Serif OL"``, ``"Noto Naskh Arabic OL"``, ``"Noto Serif JP OL"``), weights 400 and 700,
  normal style only.
* It sets the custom property ``--ol-font`` (a whole ``font-family`` list: the page's webfonts
  with the language's own script first, then system fonts of the same names, then ``serif``)
  on ``:root`` for the page's language and on ``:lang(<tag>)`` for every ``lang`` the page
  uses, and applies it: ``:root, :root body, [lang] { font-family: var(--ol-font); }``.
  So the generated CSS alone gives every element the right fonts.
* The theme must therefore not set ``font-family`` on text itself (no ``body { font: ... Georgia }``,
  no ``:lang(ja) { font-family: ... }``): either leave it out or write ``font-family:
  var(--ol-font)``. Monospace for ``code``/``pre`` is fine (the UA default is left alone).
* Bold text gets the 700 face only for what ``DEFAULT_BOLD`` lists (``h1``-``h6``, ``b``,
  ``strong``, ``th``, ``.name``, ``[aria-current=page]``, which is what the theme makes bold);
  anything else the theme makes bold has no 700 glyphs, and the browser falls back or
  synthesizes bold. Extend the list (``FontBuilder(bold=...)``) when the theme changes.

Checking: every character of the page's text and ``<title>`` that no face of the right weight
maps (by the woff2's real cmap, not by what was asked of the subsetter) and ``SYSTEM_FALLBACK``
does not excuse goes into ``FontReport.missing`` (empty for the real site, which the tests hold
it to). ``check_coverage`` does the same from what is on disk (the page, its stylesheet, the
cmaps of the woff2 files it declares), for checking a site afterwards.

Determinism: the same page text gives byte-identical CSS and woff2 (no timestamps, sorted
everything, content-addressed woff2 names ``<package>-<weight>-<sha256:16>.woff2``), so a
build of one page and a build of all pages agree. A cold build of the whole site takes about
15 s on two cores; the caches in ``cache_dir`` make a warm one a small fraction of a second:

* ``subsets/<key>.woff2``: a subset, keyed by (recipe, fontTools version, source files and
  their content hashes, weight, characters); ``<key>.cmap`` beside it is its cmap.
* ``pages/<key>.page``: a page's whole result (stylesheet text, its faces, the missing list),
  keyed by the page's bytes, path and lang, the bold selectors, the recipe, fontTools and every
  slice's name, size and mtime; the slices it was cut from are also checked by content hash
  and its subsets by their bytes' hash. Parsing HTML is most of a warm build's time otherwise:
  a byte-identical page now costs a hash and a few file writes.
* ``coverage/``: which code points each slice maps.

Cache records are written atomically and ``pages/`` and ``.cmap`` records carry their own
SHA-256, so a damaged one is a miss (rebuilt and rewritten), never trusted.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import re
import struct
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TypeVar

import fontTools
from fontTools import subset as ft_subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont, TTLibError

from openletter.atomic import write_bytes_atomic, write_if_changed
from openletter.errors import OpenletterError

#: Bump when the subsetting recipe changes, so cached subsets from the old recipe are not reused.
PIPELINE_VERSION = "1"

#: The weights shipped: body text and bold (headings, ``strong``, the chooser's names).
WEIGHTS = (400, 700)

#: Where the generated stylesheets and woff2 files go, relative to the site root.
FONTS_DIR = "theme/fonts"

#: Font bytes a page may load: alphabetic and Indic pages, and CJK pages (1 KB = 1000 bytes).
BUDGET_DEFAULT = 150_000
BUDGET_CJK = 350_000

#: Characters left to the browser on purpose when the language's own font does not map them:
#: invisible formatting characters the shaper consumes (joiners, bidi marks, soft hyphen) and
#: the one space no Noto slice has. Everything else a page shows must be in a shipped font.
#: HTML whitespace (tab, newline, CR, form feed) never reaches here: it is rendered as a space.
SYSTEM_FALLBACK: frozenset[str] = frozenset(
    "\u00ad"  # soft hyphen: shown only at a line break, as a hyphen the shaper picks
    "\u202f"  # narrow no-break space (French, Russian, Ukrainian): no Noto slice maps it; blank
    "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060\u2066\u2067\u2068\u2069"  # word joiner, bidi isolates
    "\ufeff"  # zero-width no-break space / BOM
)

#: Elements rendered bold (the 700 face): tag names, ``.class`` and ``[attr]``/``[attr=value]``.
#: Deliberately wider than the theme's context selectors (``.chooser .name``): a character
#: wrongly thought bold costs a few bytes, one wrongly thought regular is a missing glyph.
DEFAULT_BOLD: tuple[str, ...] = (
    "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "th", ".name", "[aria-current=page]",
)  # fmt: skip

_HTML_SPACE = frozenset("\t\n\f\r ")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_HIDDEN_TEXT = frozenset({"script", "style", "template"})
_AUXILIARY_SLICES = frozenset({"math", "symbols"})
#: A well-formed BCP 47 tag, also safe to write into a CSS ``:lang()`` selector.
_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_T = TypeVar("_T")


# --------------------------------------------------------------------------- families


@dataclass(frozen=True)
class Family:
    """One webfont family: the npm package it comes from and the names CSS uses for it."""

    key: str
    package: str  # @fontsource/<package>
    css_name: str  # the @font-face family, distinct from any installed system font
    local_names: tuple[str, ...]  # system fonts of the same design, the fallback while loading
    cjk: bool = False


#: In fallback order: a character goes to the first family in a language's list that has it.
#: The language's own family comes first; the rest follow in this order.
FAMILIES: tuple[Family, ...] = (
    Family("serif", "noto-serif", "Noto Serif OL", ("Noto Serif",)),
    Family("arabic", "noto-naskh-arabic", "Noto Naskh Arabic OL", ("Noto Naskh Arabic",)),
    Family("hebrew", "noto-serif-hebrew", "Noto Serif Hebrew OL", ("Noto Serif Hebrew",)),
    Family("devanagari", "noto-serif-devanagari", "Noto Serif Devanagari OL", ("Noto Serif Devanagari",)),
    Family("bengali", "noto-serif-bengali", "Noto Serif Bengali OL", ("Noto Serif Bengali",)),
    Family("sc", "noto-serif-sc", "Noto Serif SC OL", ("Noto Serif SC", "Noto Serif CJK SC"), cjk=True),
    Family("tc", "noto-serif-tc", "Noto Serif TC OL", ("Noto Serif TC", "Noto Serif CJK TC"), cjk=True),
    Family("jp", "noto-serif-jp", "Noto Serif JP OL", ("Noto Serif JP", "Noto Serif CJK JP"), cjk=True),
    Family("kr", "noto-serif-kr", "Noto Serif KR OL", ("Noto Serif KR", "Noto Serif CJK KR"), cjk=True),
)
_BY_KEY = {family.key: family for family in FAMILIES}

_LANGUAGE_FAMILY = {
    "ar": "arabic", "fa": "arabic", "ur": "arabic", "ps": "arabic", "ckb": "arabic", "ug": "arabic", "sd": "arabic",
    "he": "hebrew", "iw": "hebrew", "yi": "hebrew",
    "hi": "devanagari", "mr": "devanagari", "ne": "devanagari", "sa": "devanagari", "mai": "devanagari",
    "bn": "bengali", "as": "bengali",
    "zh": "sc", "yue": "tc", "ja": "jp", "ko": "kr",
}  # fmt: skip
_SCRIPT_FAMILY = {
    "arab": "arabic", "hebr": "hebrew", "deva": "devanagari", "beng": "bengali",
    "hans": "sc", "hant": "tc", "jpan": "jp", "hrkt": "jp", "kore": "kr", "hang": "kr",
    "latn": "serif", "cyrl": "serif", "grek": "serif",
}  # fmt: skip
_TRADITIONAL_CHINESE_REGIONS = frozenset({"tw", "hk", "mo"})


@functools.lru_cache(maxsize=4096)  # called per (lang, weight) of every page; tags repeat across pages
def family_for(lang: str) -> Family:
    """The family a language's text is set in, from its BCP 47 tag (script subtag first)."""
    subtags = lang.lower().replace("_", "-").split("-")
    script = next((s for s in subtags[1:] if len(s) == 4 and s.isalpha()), None)
    if script in _SCRIPT_FAMILY:
        return _BY_KEY[_SCRIPT_FAMILY[script]]
    region = next((s for s in subtags[1:] if (len(s) == 2 and s.isalpha()) or (len(s) == 3 and s.isdigit())), None)
    if subtags[0] == "zh" and region in _TRADITIONAL_CHINESE_REGIONS:
        return _BY_KEY["tc"]
    return _BY_KEY[_LANGUAGE_FAMILY.get(subtags[0], "serif")]


@functools.lru_cache(maxsize=4096)
def stack_for(lang: str) -> tuple[Family, ...]:
    """The fallback order for text in ``lang``: its own family, then all others in FAMILIES order.

    Every family is in every list, so a character the language's family lacks (a Latin
    name in Hebrew text) still finds a shipped font before any system font.
    """
    first = family_for(lang)
    return (first, *(family for family in FAMILIES if family is not first))


def budget_for(lang: str) -> int:
    """The most font bytes a page in ``lang`` may load (CJK fonts need far more per character)."""
    return BUDGET_CJK if family_for(lang).cjk else BUDGET_DEFAULT


# --------------------------------------------------------------------------- page naming


def _relative(page_path: Path, site_root: Path) -> Path:
    """``page_path`` relative to ``site_root``; an error (with the path) if it is outside."""
    try:
        return Path(os.path.abspath(page_path)).relative_to(os.path.abspath(site_root))
    except ValueError:
        raise OpenletterError(f"page is not under the site root {site_root}", path=page_path) from None


def stylesheet_for(page_path: Path, site_root: Path) -> str:
    """Site-relative URL path of the font stylesheet for a page.

    Named after the page's folder so it is readable and stable: ``de/index.html`` ->
    ``theme/fonts/de.css``, ``index.html`` -> ``theme/fonts/index.css``,
    ``translate/index.html`` -> ``theme/fonts/translate.css``, ``a/b.html`` ->
    ``theme/fonts/a-b.css``.
    """
    parts = list(_relative(page_path, site_root).parts)
    if parts and parts[-1] == "index.html":
        parts.pop()
    elif parts:
        parts[-1] = Path(parts[-1]).stem
    stem = "-".join(parts) or "index"
    return f"{FONTS_DIR}/{stem}.css"


def stylesheet_href(page_path: Path, site_root: Path) -> str:
    """The href a page uses to link its font stylesheet (relative, so the site works anywhere)."""
    target = Path(os.path.abspath(site_root)) / stylesheet_for(page_path, site_root)
    return Path(os.path.relpath(target, Path(os.path.abspath(page_path)).parent)).as_posix()


# --------------------------------------------------------------------------- page text


@dataclass
class PageText:
    """What a page renders: characters by (lang tag, weight), and the lang tags it uses."""

    root_lang: str
    usage: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    langs: set[str] = field(default_factory=set)

    def add(self, lang: str, weight: int, text: str) -> None:
        """Record ``text`` shown in ``lang`` at ``weight``; HTML whitespace renders as a space."""
        chars = set(text)
        if chars & _HTML_SPACE:
            chars = (chars - _HTML_SPACE) | {" "}
        if chars:
            self.usage.setdefault((lang, weight), set()).update(chars)

    def chars(self) -> set[str]:
        """Every character the page shows, in any language or weight."""
        return set().union(*self.usage.values()) if self.usage else set()


def _bold_matcher(selectors: Iterable[str]) -> Callable[[str, dict[str, str]], bool]:
    """Turn the tiny selector list (``tag``, ``.class``, ``[attr]``, ``[attr=value]``) into a test."""
    tags: set[str] = set()
    classes: set[str] = set()
    attrs: list[tuple[str, str | None]] = []
    for selector in selectors:
        if selector.startswith("."):
            classes.add(selector[1:])
        elif selector.startswith("[") and selector.endswith("]"):
            name, _, value = selector[1:-1].partition("=")
            attrs.append((name.strip().lower(), value.strip("\"' ") if value else None))
        else:
            tags.add(selector.lower())

    def is_bold(tag: str, attributes: dict[str, str]) -> bool:
        if tag in tags or classes & set(attributes.get("class", "").split()):
            return True
        return any(name in attributes and (value is None or attributes[name] == value) for name, value in attrs)

    return is_bold


class _TextCollector(HTMLParser):
    """Collects rendered text with the ``lang`` and weight it is shown in.

    Counts the body's text, ``<title>``, ``alt`` and ``placeholder`` texts and ``<ol>`` markers;
    skips ``script``/``style``/``template`` and the rest of ``<head>``.
    """

    def __init__(self, root_lang: str, bold: Iterable[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.result = PageText(root_lang)
        self._is_bold = _bold_matcher(bold)
        # (tag, lang, bold, hidden, ordered-list counter)
        self._stack: list[list[object]] = [["#root", root_lang, False, False, 0]]

    def _context(self) -> tuple[str, int, bool]:
        _, lang, bold, hidden, _ = self._stack[-1]
        return lang, WEIGHTS[1] if bold else WEIGHTS[0], hidden

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): (value or "") for name, value in attrs}
        parent_tag, lang, bold, hidden, _ = self._stack[-1]
        if _LANG_TAG.fullmatch(attributes.get("lang", "")):
            lang = attributes["lang"]  # an empty or malformed lang is ignored here as in CSS
            self.result.langs.add(lang)
        bold = bold or self._is_bold(tag, attributes)
        hidden = hidden or tag in _HIDDEN_TEXT or (tag == "head")
        weight = WEIGHTS[1] if bold else WEIGHTS[0]
        if not hidden:
            for name in ("alt", "placeholder"):
                if attributes.get(name):
                    self.result.add(lang, weight, attributes[name])
            if tag == "li" and parent_tag == "ol":
                self._stack[-1][4] += 1
                self.result.add(lang, weight, f"{self._stack[-1][4]}. ")
        if tag == "title":
            hidden = False  # the one part of <head> a person sees (tab, bookmarks, history)
        if tag not in _VOID:
            self._stack.append([tag, lang, bold, hidden, 0])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth][0] == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        lang, weight, hidden = self._context()
        if not hidden:
            self.result.add(lang, weight, data)


def page_text(html: str, lang: str, bold: Iterable[str] = DEFAULT_BOLD) -> PageText:
    """What ``html`` shows, by language and weight; ``lang`` applies where no ``lang`` attribute does."""
    collector = _TextCollector(lang, bold)
    collector.feed(html)
    collector.close()
    return collector.result


def _read_html(page: Path) -> bytes:
    """A page's bytes: hashed for the page cache before anything is parsed."""
    try:
        return page.read_bytes()
    except OSError as error:
        raise OpenletterError(f"cannot read page: {error}", path=page) from None


def _parse_page(page: Path, html: bytes, lang: str, bold: Iterable[str]) -> PageText:
    """Decode and parse a page's bytes; a page that is not UTF-8 is an error naming it."""
    try:
        text = html.decode("utf-8")
    except UnicodeDecodeError as error:
        raise OpenletterError(f"cannot read page: {error}", path=page) from None
    return page_text(text, lang, bold)


def _read_page(page: Path, lang: str, bold: Iterable[str]) -> PageText:
    """Read and parse one page, turning I/O and decoding problems into errors naming it."""
    return _parse_page(page, _read_html(page), lang, bold)


# --------------------------------------------------------------------------- sources


def _sha256_file(path: Path) -> str:
    """Content hash of a file: the identity of a source font in cache keys."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        raise OpenletterError(f"cannot read font: {error}", path=path) from None


#: What fontTools raises on a damaged or foreign file (it has no single exception class).
_FONT_ERRORS = (OSError, EOFError, TTLibError, struct.error, AssertionError, ValueError, KeyError, IndexError, TypeError)


def _load_font(path: Path | io.BytesIO, origin: Path) -> TTFont:
    """Open a font lazily and without touching its timestamp; unreadable fonts name their file."""
    try:
        return TTFont(path, lazy=True, recalcTimestamp=False)
    except _FONT_ERRORS as error:
        raise OpenletterError(f"cannot read font: {error or type(error).__name__}", path=origin) from None


def _font_cmap(font_file: Path | io.BytesIO, origin: Path) -> frozenset[int]:
    """The code points a font maps (its best Unicode cmap); errors name ``origin``."""
    font = _load_font(font_file, origin)
    try:
        return frozenset(font.getBestCmap() or ())
    except _FONT_ERRORS as error:
        raise OpenletterError(f"cannot read font: {error or type(error).__name__}", path=origin) from None
    finally:
        font.close()


def _read_cmap(path: Path) -> frozenset[int]:
    """The code points a font file maps."""
    return _font_cmap(path, path)


def _is_slice(name: str, package: str, weight: int) -> bool:
    """Whether ``name`` is a normal-style slice of ``package`` at ``weight`` (``<package>-*-<w>-normal.woff``)."""
    prefix, suffix = f"{package}-", f"-{weight}-normal.woff"
    return len(name) >= len(prefix) + len(suffix) and name.startswith(prefix) and name.endswith(suffix)


def _slice_names(files_dir: Path, package: str, weight: int) -> list[str]:
    """The slice files of one weight, sorted; none when the folder is missing (the caller says so)."""
    try:
        with os.scandir(files_dir) as entries:
            return sorted(entry.name for entry in entries if _is_slice(entry.name, package, weight))
    except OSError:
        return []


def _fonts_stamp(node_modules: Path) -> str:
    """Identity of every slice a page could be set in: package, file name, size and mtime.

    Which family and slice renders a character depends on all slices' coverage, not only on
    those a page ends up cut from, so a page's cached result is keyed by all of them. Stat data
    is what the coverage index already trusts, and costs milliseconds where hashing the ~50 MB
    of slices would cost more than a whole warm build; the slices a page's subsets are actually
    cut from are still checked by content (``_PageResult.source_hashes``).
    """
    digest = hashlib.sha256()
    suffixes = tuple(f"-{weight}-normal.woff" for weight in WEIGHTS)
    for family in FAMILIES:
        files_dir = node_modules / "@fontsource" / family.package / "files"
        try:
            with os.scandir(files_dir) as entries:
                found = sorted(
                    (entry.name, stat.st_size, stat.st_mtime_ns)
                    for entry in entries
                    if entry.name.endswith(suffixes)
                    and any(_is_slice(entry.name, family.package, weight) for weight in WEIGHTS)
                    for stat in (entry.stat(),)
                )
        except OSError:
            found = []  # not installed: the build says so when it needs the package
        digest.update(json.dumps([family.package, found]).encode())
    return digest.hexdigest()


def _seal(record: object) -> bytes:
    """JSON with its own SHA-256 on the first line, so a damaged cache file is detected, not trusted."""
    payload = json.dumps(record, sort_keys=True).encode("utf-8")
    return hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload


def _unseal(data: bytes) -> object:
    """The record ``_seal`` wrote; ValueError when the digest does not match (truncated, edited, rotten)."""
    digest, _, payload = data.partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode("ascii") != digest:
        raise ValueError("cache entry does not match its digest")
    return json.loads(payload)


def _to_ranges(codepoints: Iterable[int]) -> list[list[int]]:
    """Sorted code points as [first, last] runs: a compact, JSON-friendly coverage record."""
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return ranges


def _from_ranges(ranges: Iterable[Iterable[int]]) -> frozenset[int]:
    return frozenset(cp for first, last in ranges for cp in range(first, last + 1))


@dataclass(frozen=True)
class Source:
    """One Fontsource slice file (for one weight), with the code points its cmap maps."""

    path: Path
    name: str  # the slice: "latin", "latin-ext", "japanese", "119", ...
    size: int
    codepoints: frozenset[int]

    @property
    def numbered(self) -> bool:
        """Numbered slices are Fontsource's frequency shards of CJK fonts; named ones are whole scripts."""
        return self.name.isdigit()

    @property
    def auxiliary(self) -> bool:
        """The ``math`` and ``symbols`` slices also map ASCII and Greek, without the script slices'
        kerning between them: use them only for what no script slice has."""
        return self.name in _AUXILIARY_SLICES


class _Package:
    """An installed ``@fontsource/<name>`` package: its slice files per weight and their coverage.

    WOFF 1 files are read, not the woff2 twins: same fonts, but zlib tables open in
    milliseconds where fontTools' pure-Python woff2 glyf decoding takes seconds for CJK.
    """

    def __init__(self, node_modules: Path, family: Family, index_dir: Path | None = None) -> None:
        self.family = family
        self.node_modules = node_modules
        self.index_dir = index_dir
        self.root = node_modules / "@fontsource" / family.package
        manifest = self.root / "package.json"
        if not manifest.is_file():
            raise OpenletterError(
                f"font package @fontsource/{family.package} is not installed: run `npm ci`", path=self.root
            )
        try:
            self.version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        except (OSError, ValueError, KeyError) as error:
            raise OpenletterError(f"unreadable package.json ({error}): run `npm ci`", path=manifest) from None
        self.license = self.root / "LICENSE"
        self._sources: dict[int, tuple[Source, ...]] = {}
        self._coverage: dict[int, frozenset[int]] = {}

    def sources(self, weight: int) -> tuple[Source, ...]:
        """The package's normal-style slices of ``weight``, sorted by name (read once)."""
        if weight not in self._sources:
            prefix, suffix = f"{self.family.package}-", f"-{weight}-normal.woff"
            files = self.root / "files"
            paths = [files / name for name in _slice_names(files, self.family.package, weight)]
            if not paths:
                raise OpenletterError(
                    f"@fontsource/{self.family.package} has no {weight} normal fonts: run `npm ci`",
                    path=self.root / "files",
                )
            cmaps = self._cmaps(paths)
            self._sources[weight] = tuple(
                Source(path, path.name[len(prefix) : -len(suffix)], path.stat().st_size, cmaps[path.name])
                for path in paths
            )
        return self._sources[weight]

    def coverage(self, weight: int) -> frozenset[int]:
        """Every code point any slice of ``weight`` maps."""
        if weight not in self._coverage:
            self._coverage[weight] = frozenset().union(*(source.codepoints for source in self.sources(weight)))
        return self._coverage[weight]

    def _cmaps(self, paths: list[Path]) -> dict[str, frozenset[int]]:
        """The cmap of every file, from the index in the cache when the files are unchanged.

        Reading ~1000 CJK slice cmaps takes seconds (fontTools names every glyph on the way);
        the index, keyed by file names, sizes and mtimes, makes a warm build skip it.
        """
        stamp = hashlib.sha256(
            json.dumps([[p.name, p.stat().st_size, p.stat().st_mtime_ns] for p in paths]).encode()
        ).hexdigest()[:24]
        index = None if self.index_dir is None else self.index_dir / f"{paths[0].parent.parent.name}-{stamp}.json"
        if index is not None:
            try:
                cached = json.loads(index.read_text(encoding="utf-8"))
                if cached.get("pipeline") == PIPELINE_VERSION:
                    return {name: _from_ranges(ranges) for name, ranges in cached["files"].items()}
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                pass  # no index yet, or a damaged one: read the fonts
        cmaps = {path.name: _read_cmap(path) for path in paths}
        if index is not None:
            files = {name: _to_ranges(cps) for name, cps in cmaps.items()}
            data = json.dumps({"pipeline": PIPELINE_VERSION, "files": files}, sort_keys=True)
            write_bytes_atomic(index, data.encode("utf-8"))
        return cmaps


def choose_sources(sources: Iterable[Source], codepoints: Iterable[int]) -> list[tuple[Source, frozenset[int]]]:
    """Pick few slices that together map ``codepoints``, and which code points each supplies.

    Greedy set cover: among the slices that supply anything still needed, script slices go
    before the auxiliary ``math``/``symbols`` ones, then the one covering most wins; ties go to
    named (whole-script) slices, then smaller files, then names, so the choice is stable.
    A page of Japanese is then one ``japanese`` slice rather than dozens of numbered shards.
    Code points no slice maps are left out (the caller decides whether that is a problem).
    """
    needed = set(codepoints)
    chosen: list[tuple[Source, frozenset[int]]] = []
    candidates = list(sources)
    while needed:
        useful = [s for s in candidates if s.codepoints & needed]
        if not useful:
            break
        best = min(useful, key=lambda s: (s.auxiliary, -len(s.codepoints & needed), s.numbered, s.size, s.name))
        supplied = frozenset(best.codepoints & needed)
        chosen.append((best, supplied))
        needed -= supplied
        candidates.remove(best)
    return chosen


# --------------------------------------------------------------------------- subsetting


def _subset_options(final: bool) -> ft_subset.Options:
    """fontTools settings: default shaping features, no hinting, the OFL notice kept.

    Intermediate (per-slice) subsets keep glyph names so merging can tell glyphs apart.
    """
    options = ft_subset.Options()
    options.hinting = False  # Fontsource ships unhinted fonts; should a release add hints, they cost bytes
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # + license description and URL (OFL 1.1 §2)
    options.glyph_names = not final
    options.flavor = "woff2" if final else None
    options.recalc_timestamp = False
    return options


def _subset(font: TTFont, codepoints: Iterable[int], final: bool) -> bytes:
    """Subset ``font`` in place to ``codepoints`` and serialize it (woff2 when ``final``)."""
    options = _subset_options(final)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    font.recalcTimestamp = False
    out = io.BytesIO()
    ft_subset.save_font(font, out, options)
    return out.getvalue()


def subset_font(parts: list[tuple[Path, frozenset[int]]]) -> bytes:
    """One woff2 with the glyphs for each (slice file, its code points) part.

    A single slice is subset directly. Several are each subset, merged with
    ``fontTools.merge`` (glyph names disambiguated, layout lookups concatenated), then the
    merged font is subset once more to drop duplicates, so the page loads one file.
    """
    everything = frozenset().union(*(codepoints for _, codepoints in parts))
    if len(parts) == 1:
        path, codepoints = parts[0]
        return _subset(_load_font(path, path), codepoints, final=True)
    pieces = [io.BytesIO(_subset(_load_font(path, path), codepoints, final=False)) for path, codepoints in parts]
    try:
        merged = Merger().merge(pieces)
    except Exception as error:  # fontTools.merge raises plain exceptions for odd inputs
        raise OpenletterError(f"cannot merge font slices: {error}", path=parts[0][0]) from None
    heads = [_load_font(piece, parts[0][0])["head"] for piece in pieces]
    merged["head"].created = min(head.created for head in heads)  # the merger stamps "now"
    merged["head"].modified = max(head.modified for head in heads)
    merged.recalcTimestamp = False
    buffer = io.BytesIO()
    merged.save(buffer)
    return _subset(_load_font(io.BytesIO(buffer.getvalue()), parts[0][0]), everything, final=True)


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class FontFile:
    """One woff2 a page loads."""

    path: Path  # absolute, under site_root/theme/fonts/
    family: str  # the CSS family name
    weight: int
    size: int
    chars: str  # the characters it was cut for, sorted
    sources: tuple[str, ...]  # the slice files, relative to node_modules


@dataclass
class PageFonts:
    """The fonts of one page: its stylesheet and the files it loads."""

    page: Path
    lang: str
    stylesheet: Path
    files: tuple[FontFile, ...]
    budget: int

    @property
    def total_bytes(self) -> int:
        """What the page downloads in fonts (every face it declares is used by its text)."""
        return sum(file.size for file in self.files)


@dataclass
class FontReport:
    """What ``FontBuilder.build`` produced, per page, and what it could not cover."""

    pages: dict[Path, PageFonts] = field(default_factory=dict)
    missing: list[tuple[Path, str]] = field(default_factory=list)
    cache_hits: int = 0
    cache_misses: int = 0
    page_cache_hits: int = 0  # pages whose whole result (stylesheet, faces, missing) was reused
    page_cache_misses: int = 0  # pages parsed, planned and checked in this build
    seconds: float = 0.0

    def files_for(self, page: Path) -> tuple[FontFile, ...]:
        """The woff2 files ``page`` loads."""
        return self.pages[page].files

    def bytes_for(self, page: Path) -> int:
        """Total font bytes ``page`` loads."""
        return self.pages[page].total_bytes

    def over_budget(self) -> list[tuple[Path, int, int]]:
        """(page, bytes, budget) for each page over its budget."""
        return [(p.page, p.total_bytes, p.budget) for p in self.pages.values() if p.total_bytes > p.budget]

    def summary(self, site_root: Path | None = None) -> str:
        """A plain-text table: page, lang, files, bytes, budget."""
        lines = []
        for page in sorted(self.pages):
            info = self.pages[page]
            name = _relative(page, site_root).as_posix() if site_root else str(page)
            lines.append(f"{name:28} {info.lang:8} {len(info.files):3} files {info.total_bytes:8,} B / {info.budget:,}")
        lines.append(
            f"cache: {self.cache_hits} hit(s), {self.cache_misses} miss(es); pages: {self.page_cache_hits} "
            f"reused, {self.page_cache_misses} built; {self.seconds:.1f} s"
        )
        return "\n".join(lines)


# --------------------------------------------------------------------------- builder


def _subset_task(parts: list[tuple[str, list[int]]]) -> tuple[bytes, str | None, Path | None]:
    """``subset_font`` for a worker process: errors come back as data (their path survives)."""
    try:
        return subset_font([(Path(path), frozenset(cps)) for path, cps in parts]), None, None
    except OpenletterError as error:
        return b"", error.message, error.path
    except _FONT_ERRORS as error:  # a font that opened but broke on the way through fontTools
        return b"", f"{error or type(error).__name__}", Path(parts[0][0])


def _check_stylesheet_names(pages: Iterable[Path], site_root: Path) -> None:
    """Refuse two pages whose stylesheet names collide (``index/index.html`` and ``index.html``)."""
    owners: dict[str, Path] = {}
    for page in sorted(pages):
        name = stylesheet_for(page, site_root)
        if name in owners:
            raise OpenletterError(f"two pages would share the font stylesheet {name}: {owners[name]}", path=page)
        owners[name] = page


#: ``assign`` for one (language, weight) group: code points per family, and what no family maps.
_Routed = tuple[tuple[tuple[Family, frozenset[int]], ...], frozenset[str]]


@dataclass(frozen=True)
class _Job:
    """One subset to make: a family, a weight, the code points, and the slices supplying them."""

    family: Family
    weight: int
    codepoints: frozenset[int]
    parts: tuple[tuple[Source, frozenset[int]], ...]


#: Layout of the per-page cache entries; bump when ``_PageResult.to_json`` changes.
_PAGE_CACHE_FORMAT = 1
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
#: What a damaged or foreign cache record raises while being read back: all mean "a miss".
_RECORD_ERRORS = (OSError, ValueError, KeyError, TypeError, AttributeError)


def _checked(value: object, kind: type[_T]) -> _T:
    """``value`` if it is a ``kind`` (not a bool posing as an int), else TypeError: cache records are untrusted."""
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _digest(value: object) -> str:
    """A lowercase SHA-256 hex digest from a cache record, or ValueError."""
    digest = _checked(value, str)
    if not _HEX_DIGEST.fullmatch(digest):
        raise ValueError("not a sha256 digest")
    return digest


@dataclass(frozen=True)
class _Face:
    """One woff2 of a page as the page cache keeps it: enough to write it again and report it."""

    subset: str  # the subset cache key its bytes are stored under
    sha256: str  # of its bytes; the file name carries the first 16 hex digits
    family: Family
    weight: int
    size: int
    chars: str  # the characters it was cut for, sorted
    sources: tuple[str, ...]  # the slice files, relative to node_modules

    @property
    def name(self) -> str:
        """The content-addressed file name, shared by every page that needs the same bytes."""
        return f"{self.family.package}-{self.weight}-{self.sha256[:16]}.woff2"

    def file(self, fonts_dir: Path) -> FontFile:
        """The report's view of this face, written under ``fonts_dir``."""
        return FontFile(fonts_dir / self.name, self.family.css_name, self.weight, self.size, self.chars, self.sources)

    def to_json(self) -> dict[str, object]:
        return {
            "subset": self.subset, "sha256": self.sha256, "family": self.family.key, "weight": self.weight,
            "size": self.size, "chars": self.chars, "sources": list(self.sources),
        }  # fmt: skip

    @classmethod
    def from_json(cls, record: object) -> _Face:
        """Rebuild a face from a cache record; anything unexpected raises (the caller calls it a miss)."""
        fields = _checked(record, dict)
        weight = _checked(fields["weight"], int)
        if weight not in WEIGHTS:
            raise ValueError(f"unexpected weight {weight}")
        return cls(
            subset=_digest(fields["subset"]),
            sha256=_digest(fields["sha256"]),
            family=_BY_KEY[_checked(fields["family"], str)],
            weight=weight,
            size=_checked(fields["size"], int),
            chars=_checked(fields["chars"], str),
            sources=tuple(_checked(source, str) for source in _checked(fields["sources"], list)),
        )


@dataclass(frozen=True)
class _PageResult:
    """Everything ``build`` writes and reports for one page.

    A pure function of the page cache key (the page's bytes, path and lang, the slices, the
    recipe), so a byte-identical page reuses it instead of being parsed, planned and checked.
    """

    css: str
    faces: tuple[_Face, ...]
    missing: tuple[str, ...]  # sorted: what no face of the right weight maps (``check_coverage``)
    source_hashes: tuple[tuple[str, str], ...]  # (slice relative to node_modules, sha256) it was cut from

    def to_json(self, key: str) -> dict[str, object]:
        return {
            "format": _PAGE_CACHE_FORMAT, "key": key, "css": self.css,
            "faces": [face.to_json() for face in self.faces], "missing": list(self.missing),
            "sources": [list(pair) for pair in self.source_hashes],
        }  # fmt: skip

    @classmethod
    def from_json(cls, record: object, key: str) -> _PageResult:
        """Rebuild a result for ``key``; a record of another format or key raises like a damaged one."""
        fields = _checked(record, dict)
        if fields["format"] != _PAGE_CACHE_FORMAT or fields["key"] != key:
            raise ValueError("page cache entry of another format or page")
        pairs = [_checked(pair, list) for pair in _checked(fields["sources"], list)]
        return cls(
            css=_checked(fields["css"], str),
            faces=tuple(_Face.from_json(face) for face in _checked(fields["faces"], list)),
            missing=tuple(_checked(char, str) for char in _checked(fields["missing"], list)),
            source_hashes=tuple((_checked(path, str), _digest(sha)) for path, sha in pairs),
        )


def _uncovered(text: PageText, covered: Mapping[int, set[int]]) -> list[str]:
    """Characters ``text`` shows at a weight no face of that weight maps, less ``SYSTEM_FALLBACK``; sorted.

    A character shown bold must be in a 700 face (the browser does not borrow the 400 one),
    a regular one in a 400 face.
    """
    missing: set[str] = set()
    for (_, weight), chars in text.usage.items():
        mapped = covered.get(weight, set())
        missing.update(c for c in chars if ord(c) not in mapped and c not in SYSTEM_FALLBACK)
    return sorted(missing)


class FontBuilder:
    """Subsets the Noto webfonts for the pages of a built site and writes their stylesheets.

    ``node_modules`` is the folder ``npm ci`` filled from package-lock.json; ``cache_dir``
    (optional, e.g. ``.cache/fonts``) keeps subsets, their cmaps, whole per-page results and
    the slices' coverage between builds; ``workers`` processes make the subsets a build lacks
    (default: the cores, at most 4). The same caches also live in memory for the builder's life.
    """

    def __init__(
        self,
        node_modules: Path,
        cache_dir: Path | None = None,
        *,
        bold: Iterable[str] = DEFAULT_BOLD,
        workers: int | None = None,
    ) -> None:
        self.node_modules = Path(node_modules)
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.bold = tuple(bold)
        if not (self.node_modules / "@fontsource").is_dir():
            raise OpenletterError("no @fontsource packages in node_modules: run `npm ci`", path=self.node_modules)
        self.workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
        self._packages: dict[str, _Package] = {}
        self._hashes: dict[Path, str] = {}
        self._rel_hashes: dict[str, str] = {}  # the same, by path relative to node_modules
        self._memory: dict[str, bytes] = {}  # subset key -> woff2 bytes
        self._verified: dict[str, str] = {}  # subset key -> sha256 of the bytes in _memory, once checked
        self._cmaps: dict[str, frozenset[int]] = {}  # woff2 sha256 -> its cmap
        self._page_results: dict[str, _PageResult] = {}  # page key -> result
        self._groups: dict[tuple[str, int, frozenset[str]], _Routed] = {}  # see _route_group
        self._stamp: str | None = None

    # -- sources

    def package(self, family: Family) -> _Package:
        """The installed package of ``family`` (checked and indexed on first use)."""
        if family.key not in self._packages:
            index_dir = None if self.cache_dir is None else self.cache_dir / "coverage"
            self._packages[family.key] = _Package(self.node_modules, family, index_dir)
        return self._packages[family.key]

    def assign(self, text: PageText) -> tuple[dict[tuple[Family, int], set[int]], set[str]]:
        """Which family renders each character, as the browser will pick it; and what none can.

        For text in language L at weight W, a character goes to the first family of
        ``stack_for(L)`` whose slices map it: the same choice a browser makes walking the
        generated ``font-family`` list, because no earlier family's subset can contain it.
        Characters in ``SYSTEM_FALLBACK`` only ever go to L's own family.
        """
        needs: dict[tuple[Family, int], set[int]] = {}
        uncovered: set[str] = set()
        for (lang, weight), chars in sorted(text.usage.items()):
            routed, lost = self._route_group(stack_for(lang), weight, frozenset(chars))
            for family, codepoints in routed:
                needs.setdefault((family, weight), set()).update(codepoints)
            uncovered |= lost
        return needs, uncovered

    def _route_group(self, stack: tuple[Family, ...], weight: int, chars: frozenset[str]) -> _Routed:
        """``assign`` for one (language, weight) group: code points per family, and the uncovered.

        Depends only on the language's own family, the weight and the characters, and a site's
        language menu repeats the same groups on every page, so results are remembered.
        """
        memo = (stack[0].key, weight, chars)
        if memo not in self._groups:
            routed: dict[Family, set[int]] = {}
            uncovered: set[str] = set()
            for char in sorted(chars):
                # Invisible format characters (joiners, bidi marks) need no glyph: they go into the
                # language's own font when it maps them (Persian ZWNJ in Naskh) and pull in no other.
                candidates = stack[:1] if char in SYSTEM_FALLBACK else stack
                family = next((f for f in candidates if ord(char) in self.package(f).coverage(weight)), None)
                if family is not None:
                    routed.setdefault(family, set()).add(ord(char))
                elif char not in SYSTEM_FALLBACK:
                    uncovered.add(char)
            self._groups[memo] = tuple((f, frozenset(cps)) for f, cps in routed.items()), frozenset(uncovered)
        return self._groups[memo]

    def _job(self, family: Family, weight: int, codepoints: set[int]) -> _Job:
        parts = choose_sources(self.package(family).sources(weight), codepoints)
        return _Job(family, weight, frozenset(codepoints), tuple(parts))

    def _plan(self, text: PageText) -> list[tuple[str, _Job]]:
        """The page's subsets, by cache key, in stylesheet order (FAMILIES order, then weight)."""
        needs, _ = self.assign(text)  # what no font covers shows up in the coverage check
        order = sorted(needs, key=lambda need: (FAMILIES.index(need[0]), need[1]))
        return [(self.cache_key(job), job) for job in (self._job(f, w, needs[f, w]) for f, w in order)]

    # -- subset cache

    def _source_hash(self, path: Path) -> str:
        if path not in self._hashes:
            self._hashes[path] = _sha256_file(path)
        return self._hashes[path]

    def cache_key(self, job: _Job) -> str:
        """Identity of a subset: recipe, fontTools version, source files (by content), weight, characters."""
        chars = hashlib.sha256(",".join(f"{cp:x}" for cp in sorted(job.codepoints)).encode()).hexdigest()
        identity = {
            "pipeline": PIPELINE_VERSION,
            "fonttools": fontTools.version,
            "weight": job.weight,
            "sources": [
                [source.path.relative_to(self.node_modules).as_posix(), self._source_hash(source.path),
                 sorted(codepoints)]
                for source, codepoints in job.parts
            ],  # fmt: skip
            "chars": chars,
        }
        return hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()

    def _subset_path(self, key: str, suffix: str) -> Path | None:
        return None if self.cache_dir is None else self.cache_dir / "subsets" / f"{key}{suffix}"

    def _cached(self, key: str) -> bytes | None:
        if key in self._memory:
            return self._memory[key]
        path = self._subset_path(key, ".woff2")
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        self._memory[key] = data
        return data

    def _store(self, key: str, data: bytes) -> None:
        self._memory[key] = data
        path = self._subset_path(key, ".woff2")
        if path is not None:
            write_bytes_atomic(path, data)

    def _cached_as(self, key: str, sha256: str) -> bytes | None:
        """The cached subset ``key`` if its bytes hash to ``sha256`` (what a page result recorded).

        Subsets are deterministic, so other bytes under the same key mean a damaged file: it is
        dropped, so the page that asked is rebuilt and makes the subset again.
        """
        data = self._cached(key)
        if data is None:
            return None
        if key not in self._verified:
            self._verified[key] = hashlib.sha256(data).hexdigest()
        if self._verified[key] == sha256:
            return data
        self._forget_subset(key)
        return None

    def _forget_subset(self, key: str) -> None:
        self._memory.pop(key, None)
        self._verified.pop(key, None)
        path = self._subset_path(key, ".woff2")
        if path is not None:
            path.unlink(missing_ok=True)

    def produce(self, jobs: Mapping[str, _Job]) -> dict[str, bytes]:
        """The woff2 for every job (by cache key): cached ones read, the rest made.

        Misses are made in ``workers`` processes (subsetting is CPU-bound and each job is
        independent and deterministic, so the bytes do not depend on the split).
        """
        made: dict[str, bytes] = {}
        todo: list[str] = []
        for key in jobs:
            data = self._cached(key)
            if data is None:
                todo.append(key)
            else:
                made[key] = data
        todo.sort(key=lambda key: (-len(jobs[key].codepoints) * len(jobs[key].parts), key))  # big ones first
        work = [[(str(source.path), sorted(cps)) for source, cps in jobs[key].parts] for key in todo]
        if self.workers > 1 and len(todo) > 1:
            with ProcessPoolExecutor(max_workers=min(self.workers, len(todo))) as pool:
                results = list(pool.map(_subset_task, work))
        else:
            results = [_subset_task(parts) for parts in work]
        for key, (data, error, path) in zip(todo, results):
            if error is not None:
                raise OpenletterError(f"cannot subset font: {error}", path=path)
            self._store(key, data)
            made[key] = data
        return made

    def _subset_cmap(self, face: _Face, data: bytes) -> frozenset[int]:
        """The cmap of a subset's bytes: from memory, from ``<key>.cmap`` beside it, or read once.

        Coverage is checked against what the woff2 really maps, not what was asked of the
        subsetter; reading that back with fontTools costs a millisecond a file, so it is kept.
        """
        if face.sha256 in self._cmaps:
            return self._cmaps[face.sha256]
        path = self._subset_path(face.subset, ".cmap")
        cmap = None if path is None else _read_cmap_record(path, face.sha256)
        if cmap is None:
            cmap = _font_cmap(io.BytesIO(data), path.with_suffix(".woff2") if path else Path(face.name))
            if path is not None:
                write_bytes_atomic(path, _seal({"sha256": face.sha256, "ranges": _to_ranges(cmap)}))
        self._cmaps[face.sha256] = cmap
        return cmap

    # -- page cache

    def page_key(self, page: Path, site_root: Path, lang: str, html: bytes) -> str:
        """Identity of a page's whole result: its bytes, path (named in its CSS), lang, the bold
        selectors, every slice (``_fonts_stamp``), the recipe and fontTools version."""
        if self._stamp is None:
            self._stamp = _fonts_stamp(self.node_modules)
        identity = {
            "format": _PAGE_CACHE_FORMAT,
            "pipeline": PIPELINE_VERSION,
            "fonttools": fontTools.version,
            "fonts": self._stamp,
            "bold": list(self.bold),
            "lang": lang,
            "page": _relative(page, site_root).as_posix(),
            "html": hashlib.sha256(html).hexdigest(),
        }
        return hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()

    def _page_path(self, key: str) -> Path | None:
        return None if self.cache_dir is None else self.cache_dir / "pages" / f"{key}.page"

    def _page_hit(self, key: str) -> tuple[_PageResult, dict[str, bytes]] | None:
        """The cached result for ``key`` and its faces' bytes, or None (no entry, a damaged one,
        a changed source slice, or a subset no longer in the cache): then the page is rebuilt."""
        result = self._page_results.get(key)
        path = self._page_path(key)
        if result is None and path is not None:
            try:
                result = _PageResult.from_json(_unseal(path.read_bytes()), key)
            except _RECORD_ERRORS:
                return None
        if result is None or not self._sources_unchanged(result):
            return None
        blobs: dict[str, bytes] = {}
        for face in result.faces:
            data = self._cached_as(face.subset, face.sha256)
            if data is None:
                return None
            blobs[face.subset] = data
        self._page_results[key] = result
        return result, blobs

    def _sources_unchanged(self, result: _PageResult) -> bool:
        """Whether the slices a result was cut from still have the content they had (by SHA-256)."""
        try:
            return all(self._source_hash_of(rel) == sha for rel, sha in result.source_hashes)
        except OpenletterError:
            return False  # gone: the rebuild reports it properly

    def _source_hash_of(self, rel: str) -> str:
        """``_source_hash`` by the path a cache record names (pages share slices: one Path each)."""
        if rel not in self._rel_hashes:
            self._rel_hashes[rel] = self._source_hash(self.node_modules / rel)
        return self._rel_hashes[rel]

    def _make_pages(
        self, site_root: Path, todo: Mapping[Path, tuple[str, bytes]], keys: Mapping[Path, str]
    ) -> tuple[dict[Path, tuple[_PageResult, dict[str, bytes]]], set[str]]:
        """Parse, plan, subset and check the pages the page cache lacked; cache their results.

        Returns each page's result with its faces' bytes, and the subset keys made now (the
        rest were cached), for the report's hit and miss counts.
        """
        texts = {page: _parse_page(page, html, lang, self.bold) for page, (lang, html) in todo.items()}
        plans = {page: self._plan(text) for page, text in texts.items()}
        jobs = {key: job for plan in plans.values() for key, job in plan}
        cached_before = {key for key in jobs if self._cached(key) is not None}
        made = self.produce(jobs)
        results = {}
        for page, plan in plans.items():
            result = self._result(page, site_root, texts[page], plan, made)
            self._remember_page(keys[page], result)
            results[page] = (result, {key: made[key] for key, _ in plan})
        return results, set(jobs) - cached_before

    def _result(
        self, page: Path, site_root: Path, text: PageText, plan: list[tuple[str, _Job]], made: Mapping[str, bytes]
    ) -> _PageResult:
        """A page's stylesheet, faces and coverage, checked against the subsets' real cmaps."""
        faces = tuple(self._face(key, job, made[key]) for key, job in plan)
        fonts_dir = site_root / FONTS_DIR
        css = render_css(page, site_root, text, [face.file(fonts_dir) for face in faces])
        covered: dict[int, set[int]] = {}
        for face in faces:
            covered.setdefault(face.weight, set()).update(self._subset_cmap(face, made[face.subset]))
        sources = {
            (source.path.relative_to(self.node_modules).as_posix(), self._source_hash(source.path))
            for _, job in plan
            for source, _ in job.parts
        }
        return _PageResult(css, faces, tuple(_uncovered(text, covered)), tuple(sorted(sources)))

    def _face(self, key: str, job: _Job, data: bytes) -> _Face:
        sha256 = hashlib.sha256(data).hexdigest()
        self._verified[key] = sha256
        return _Face(
            subset=key,
            sha256=sha256,
            family=job.family,
            weight=job.weight,
            size=len(data),
            chars="".join(sorted(map(chr, job.codepoints))),
            sources=tuple(source.path.relative_to(self.node_modules).as_posix() for source, _ in job.parts),
        )

    def _remember_page(self, key: str, result: _PageResult) -> None:
        self._page_results[key] = result
        path = self._page_path(key)
        if path is not None:
            write_bytes_atomic(path, _seal(result.to_json(key)))

    # -- output

    def build(self, site_root: Path, pages: Mapping[Path, str]) -> FontReport:
        """Write ``theme/fonts/<stem>.css`` and its woff2 files for every page; report them.

        ``pages`` maps each HTML file (under ``site_root``) to its BCP 47 ``lang``. Pages mixing
        scripts are covered through their ``lang`` attributes and each language's font list.
        woff2 files no stylesheet in ``theme/fonts`` references any more are removed.
        ``report.cache_misses`` counts the subsets made, ``cache_hits`` the faces served by
        a subset that was cached or already made for another page of this build;
        ``page_cache_hits`` the pages whose bytes (and path, lang, fonts) were seen before, so
        only their files were written again, ``page_cache_misses`` those parsed and checked.
        """
        started = time.perf_counter()
        site_root = Path(site_root)
        fonts_dir = site_root / FONTS_DIR
        report = FontReport()
        _check_stylesheet_names(pages, site_root)
        order = sorted(pages)
        htmls = {page: _read_html(page) for page in order}
        keys = {page: self.page_key(page, site_root, pages[page], htmls[page]) for page in order}
        results = {page: hit for page in order if (hit := self._page_hit(keys[page])) is not None}
        todo = {page: (pages[page], htmls[page]) for page in order if page not in results}
        built, fresh = self._make_pages(site_root, todo, keys)
        results.update(built)
        report.page_cache_hits, report.page_cache_misses = len(order) - len(todo), len(todo)
        seen: set[str] = set()  # subset keys counted so far: a subset made now is one miss, then hits
        written: set[str] = set()  # files (woff2 and licenses) this build has written already
        for page in order:
            result, blobs = results[page]
            for face in result.faces:
                made_now = face.subset in fresh and face.subset not in seen
                report.cache_misses += made_now
                report.cache_hits += not made_now
                seen.add(face.subset)
            files = tuple(self._write_face(fonts_dir, face, blobs[face.subset], written) for face in result.faces)
            stylesheet = site_root / stylesheet_for(page, site_root)
            write_if_changed(stylesheet, result.css.encode("utf-8"))
            report.pages[page] = PageFonts(page, pages[page], stylesheet, files, budget_for(pages[page]))
            report.missing.extend((page, char) for char in result.missing)
        prune_fonts(fonts_dir)
        report.seconds = time.perf_counter() - started
        return report

    def _write_face(self, fonts_dir: Path, face: _Face, data: bytes, written: set[str]) -> FontFile:
        """Write one subset under its content-addressed name (shared by pages that need the same),
        and its family's license; each once per build, as pages share most of them."""
        file = face.file(fonts_dir)
        if face.name not in written:
            write_if_changed(file.path, data)
            written.add(face.name)
        license_name = f"{face.family.package}-LICENSE.txt"
        if license_name not in written:
            self._write_license(face.family, fonts_dir)
            written.add(license_name)
        return file

    def _write_license(self, family: Family, fonts_dir: Path) -> None:
        """Ship the OFL text (with the copyright line) beside the fonts, as the license asks."""
        package = self.package(family)
        try:
            data = package.license.read_bytes()
        except OSError as error:
            raise OpenletterError(f"cannot read the font license ({error}): run `npm ci`", path=package.license) from None
        write_if_changed(fonts_dir / f"{family.package}-LICENSE.txt", data)


def _read_cmap_record(path: Path, sha256: str) -> frozenset[int] | None:
    """A subset's cmap kept beside it, if the record is intact and for these very bytes."""
    try:
        record = _unseal(path.read_bytes())
        if not isinstance(record, dict) or record["sha256"] != sha256:
            return None
        return _from_ranges(record["ranges"])
    except _RECORD_ERRORS:
        return None


# --------------------------------------------------------------------------- CSS


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@functools.lru_cache(maxsize=4096)  # every page lists every language of the site's menu
def _font_list(lang: str, present: tuple[Family, ...]) -> str:
    """The ``font-family`` value for ``lang``: the page's webfonts in its order, then system twins.

    The system fonts (installed Noto of the same design) serve while the webfonts load and if
    they fail; the language's own first, then Noto Serif for the Latin around it.
    """
    order = [family for family in stack_for(lang) if family in present]
    names = [family.css_name for family in order]
    for family in (family_for(lang), _BY_KEY["serif"]):
        names.extend(name for name in family.local_names if name not in names)
    return ", ".join([*map(_css_string, names), "serif"])


def render_css(page: Path, site_root: Path, text: PageText, files: list[FontFile]) -> str:
    """The page's stylesheet: @font-face per file, ``--ol-font`` per language, and its use.

    ``:lang()`` rules come shorter tags first, so ``:lang(zh-Hant)`` wins over ``:lang(zh)``.
    """
    present = tuple(family for family in FAMILIES if any(file.family == family.css_name for file in files))
    licenses = sorted({f"{family.package}-LICENSE.txt" for family in present})
    out = [
        f"/* Generated by openletter.fonts for {_relative(page, site_root).as_posix()} (lang {text.root_lang}). Do not edit.",
        "   Noto fonts, SIL Open Font License 1.1: " + ", ".join(licenses) + ".",
        "   Contract: --ol-font is the font-family list for the element's language; the theme",
        "   must not set font-family on text except to var(--ol-font). */",
    ]
    for file in files:
        out += [
            "@font-face {",
            f"  font-family: {_css_string(file.family)};",
            "  font-style: normal;",
            f"  font-weight: {file.weight};",
            "  font-display: swap;",
            f'  src: url("{file.path.name}") format("woff2");',
            "}",
        ]
    out.append(f":root {{ --ol-font: {_font_list(text.root_lang, present)}; }}")
    groups: dict[tuple[int, str], list[str]] = {}
    for lang in sorted(text.langs, key=str.lower):
        groups.setdefault((lang.count("-"), _font_list(lang, present)), []).append(lang)
    for (_, fonts), langs in sorted(groups.items(), key=lambda item: (item[0][0], item[1][0].lower())):
        out.append(", ".join(f":lang({lang})" for lang in langs) + f" {{ --ol-font: {fonts}; }}")
    out.append(":root, :root body, [lang] { font-family: var(--ol-font); }")
    return "\n".join(out) + "\n"


_FACE = re.compile(r"@font-face\s*\{(?P<body>[^}]*)\}")
_WEIGHT = re.compile(r"font-weight:\s*(\d+)")
_URL = re.compile(r"url\(\s*[\"']?([^\"')]+)[\"']?\s*\)")


def declared_faces(stylesheet: Path) -> list[tuple[int, Path]]:
    """(weight, woff2 path) for every @font-face of a generated stylesheet."""
    try:
        css = stylesheet.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise OpenletterError(f"cannot read font stylesheet: {error}", path=stylesheet) from None
    faces = []
    for match in _FACE.finditer(css):
        weight = _WEIGHT.search(match["body"])
        for url in _URL.findall(match["body"]):
            faces.append((int(weight[1]) if weight else 400, stylesheet.parent / url))
    return faces


def check_coverage(
    page: Path, site_root: Path, lang: str, bold: Iterable[str] = DEFAULT_BOLD
) -> list[str]:
    """Characters of ``page`` (text and ``<title>``) that no font the page loads can show.

    Reads what is on disk, not what was planned: the page's stylesheet, the cmaps of the
    woff2 files it declares, and the page's text by weight. A character shown bold must be in
    a 700 face (the browser does not borrow the 400 one), a regular one in a 400 face; those in
    ``SYSTEM_FALLBACK`` are left to the system. Returns the missing characters, sorted.
    ``FontBuilder.build`` computes the same from the page it parsed and its subsets' cmaps
    (``_uncovered``) instead of reading everything back.
    """
    text = _read_page(page, lang, bold)
    stylesheet = site_root / stylesheet_for(page, site_root)
    covered: dict[int, set[int]] = {}
    if stylesheet.exists():
        for weight, path in declared_faces(stylesheet):
            covered.setdefault(weight, set()).update(_read_cmap(path))
    return _uncovered(text, covered)


def prune_fonts(fonts_dir: Path) -> list[Path]:
    """Remove woff2 files in ``fonts_dir`` that no stylesheet there references; return them.

    Content-addressed names change with the text, so without this an incremental build would
    leave yesterday's subsets behind where a full build has none.
    """
    if not fonts_dir.is_dir():
        return []
    referenced = {path.name for css in fonts_dir.glob("*.css") for _, path in declared_faces(css)}
    removed = []
    for path in sorted(fonts_dir.glob("*.woff2")):
        if path.name not in referenced:
            path.unlink()
            removed.append(path)
    return removed


def pages_from_site(site_root: Path, default_lang: str = "en") -> dict[Path, str]:
    """Every ``*.html`` under ``site_root`` with the ``lang`` of its ``<html>`` element.

    For callers that have no page list at hand (and for ``python -m openletter.fonts``).
    """
    pages = {}
    for page in sorted(Path(site_root).rglob("*.html")):
        try:
            head = page.read_text(encoding="utf-8")[:4096]
        except (OSError, UnicodeDecodeError) as error:
            raise OpenletterError(f"cannot read page: {error}", path=page) from None
        match = re.search(r"<html\b[^>]*\blang=[\"']?([A-Za-z0-9-]+)", head, re.IGNORECASE)
        pages[page] = match[1] if match else default_lang
    return pages


def main(argv: list[str] | None = None) -> int:
    """``python -m openletter.fonts SITE_ROOT [CACHE_DIR]``: subset a built site, print the report."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not 1 <= len(args) <= 2:
        print("usage: python -m openletter.fonts SITE_ROOT [CACHE_DIR]", file=sys.stderr)
        return 2
    site_root = Path(args[0])
    try:
        builder = FontBuilder(Path("node_modules"), Path(args[1]) if len(args) > 1 else None)
        report = builder.build(site_root, pages_from_site(site_root))
    except OpenletterError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(report.summary(site_root))
    for page, char in report.missing:
        print(f"{page}: no font for U+{ord(char):04X} {char!r}", file=sys.stderr)
    return 1 if report.missing or report.over_budget() else 0


if __name__ == "__main__":
    raise SystemExit(main())
