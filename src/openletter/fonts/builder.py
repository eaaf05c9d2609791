"""FontBuilder: subsets the webfonts for a built site's pages and writes their stylesheets; checking a site."""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import os
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import fontTools

from openletter.atomic import write_bytes_atomic, write_if_changed
from openletter.errors import OpenletterError
from openletter.fonts.caching import (
    _PAGE_CACHE_FORMAT,
    _RECORD_ERRORS,
    _Face,
    _PageResult,
    _read_cmap_record,
    _seal,
    _to_ranges,
    _unseal,
)
from openletter.fonts.constants import (
    DEFAULT_BOLD,
    FONTS_DIR,
    PIPELINE_VERSION,
    SYSTEM_FALLBACK,
)
from openletter.fonts.families import FAMILIES, Family, budget_for, stack_for
from openletter.fonts.report import FontFile, FontReport, PageFonts
from openletter.fonts.sources import (
    Source,
    _font_cmap,
    _fonts_stamp,
    _Package,
    _read_cmap,
    _sha256_file,
    choose_sources,
)
from openletter.fonts.stylesheet import (
    _check_stylesheet_names,
    _relative,
    declared_faces,
    prune_fonts,
    render_css,
    stylesheet_for,
)
from openletter.fonts.text import PageText, _parse_page, _read_html, _read_page

#: ``assign`` for one (language, weight) group: code points per family, and what no family maps.
_Routed = tuple[tuple[tuple[Family, frozenset[int]], ...], frozenset[str]]


@dataclass(frozen=True)
class _Job:
    """One subset to make: a family, a weight, the code points, and the slices supplying them."""

    family: Family
    weight: int
    codepoints: frozenset[int]
    parts: tuple[tuple[Source, frozenset[int]], ...]


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

    def _reusable(self, key: str) -> bytes | None:
        """The cached subset ``key`` for a page being built, unless it fails ``_intact`` (then dropped)."""
        data = self._cached(key)
        if data is not None and not self._intact(key, data):
            self._forget_subset(key)
            return None
        return data

    def _intact(self, key: str, data: bytes) -> bool:
        """False when the cached subset's bytes are not those its ``.cmap`` record was made from
        (a damaged file, or one changed through a hard link in a built site); no record: True."""
        if key in self._verified:
            return True  # hashed and checked in this run already
        path = self._subset_path(key, ".cmap")
        try:
            record = _unseal(path.read_bytes()) if path is not None else None
        except _RECORD_ERRORS:
            return True  # none (yet): nothing to compare with
        if not isinstance(record, dict):
            return True
        digest = hashlib.sha256(data).hexdigest()
        if record.get("sha256") != digest:
            return False
        self._verified[key] = digest
        return True

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
            data = self._reusable(key)
            if data is None:
                todo.append(key)
            else:
                made[key] = data
        if not todo:
            return made
        todo.sort(key=lambda key: (-len(jobs[key].codepoints) * len(jobs[key].parts), key))  # big ones first
        work = [[(str(source.path), sorted(cps)) for source, cps in jobs[key].parts] for key in todo]
        # fontTools' subsetter takes ~80 ms to import; a warm build (every subset cached) never needs it.
        from openletter.fonts.subsetting import _subset_task

        if self.workers > 1 and len(todo) > 1:
            from concurrent.futures import ProcessPoolExecutor  # a warm build subsets nothing

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
        cached_before = {key for key in jobs if self._reusable(key) is not None}
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

    def build(self, site_root: Path, pages: Mapping[Path, str], exclusive: bool = False) -> FontReport:
        """Write ``theme/fonts/<stem>.css`` and its woff2 files for every page; report them.

        ``pages`` maps each HTML file (under ``site_root``) to its BCP 47 ``lang``. Pages mixing
        scripts are covered through their ``lang`` attributes and each language's font list.
        woff2 files no stylesheet in ``theme/fonts`` references any more are removed.
        ``report.cache_misses`` counts the subsets made, ``cache_hits`` the faces served by
        a subset that was cached or already made for another page of this build;
        ``page_cache_hits`` the pages whose bytes (and path, lang, fonts) were seen before, so
        only their files were written again, ``page_cache_misses`` those parsed and checked.
        With ``exclusive`` (a full build: ``pages`` are all the site's pages) every other file in
        ``theme/fonts`` is removed, such as a recycled staging folder's (:mod:`openletter.commands.staging`).
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
        stylesheets: dict[Path, list[str]] = {}  # written now, with their woff2 names (for pruning)
        for page in order:
            result, blobs = results[page]
            for face in result.faces:
                made_now = face.subset in fresh and face.subset not in seen
                report.cache_misses += made_now
                report.cache_hits += not made_now
                seen.add(face.subset)
            files = tuple(self._write_face(fonts_dir, face, blobs[face.subset], written) for face in result.faces)
            stylesheet = site_root / stylesheet_for(page, site_root)
            write_if_changed(stylesheet, result.css.encode("utf-8"), durable=False)  # site files: see atomic
            stylesheets[stylesheet] = [file.path.name for file in files]
            report.pages[page] = PageFonts(page, pages[page], stylesheet, files, budget_for(pages[page]))
            report.missing.extend((page, char) for char in result.missing)
        if exclusive:
            _remove_all_but(fonts_dir, written | {stylesheet.name for stylesheet in stylesheets})
        prune_fonts(fonts_dir, stylesheets)
        report.seconds = time.perf_counter() - started
        return report

    def _write_face(self, fonts_dir: Path, face: _Face, data: bytes, written: set[str]) -> FontFile:
        """Write one subset under its content-addressed name (shared by pages that need the same),
        and its family's license; each once per build, as pages share most of them."""
        file = face.file(fonts_dir)
        if face.name not in written:
            if not self._link_subset(face, file.path):
                write_if_changed(file.path, data, durable=False)
            written.add(face.name)
        license_name = f"{face.family.package}-LICENSE.txt"
        if license_name not in written:
            self._write_license(face.family, fonts_dir)
            written.add(license_name)
        return file

    def _link_subset(self, face: _Face, target: Path) -> bool:
        """Put the cached subset at ``target`` as a hard link; False if it has to be written instead.

        Only a cache file whose bytes this builder read (or wrote) and hashed to ``face.sha256``
        is linked. A link costs no new inode and no data: on the build machines' ext4 (no
        journal) allocating an inode scans past every one freed in the last 30 s, and each build
        frees the previous site's. A link shares its bytes with the cache, so ``produce`` checks
        a cached subset against the hash recorded beside it before reusing it (``_intact``).
        """
        source = self._subset_path(face.subset, ".woff2")
        if source is None or self._verified.get(face.subset) != face.sha256:
            return False
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target)
        except FileExistsError:  # a recycled staging folder's link to the same cache file: kept
            return _same_file(source, target)
        except OSError:  # another file system, no hard links: write it
            return False
        return True

    def _write_license(self, family: Family, fonts_dir: Path) -> None:
        """Ship the OFL text (with the copyright line) beside the fonts, as the license asks."""
        package = self.package(family)
        try:
            data = package.license.read_bytes()
        except OSError as error:
            raise OpenletterError(f"cannot read the font license ({error}): run `npm ci`", path=package.license) from None
        write_if_changed(fonts_dir / f"{family.package}-LICENSE.txt", data, durable=False)


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


#: How much of a page ``pages_from_site`` searches for ``<html lang>``, in characters.
_HEAD_CHARS = 4096
_HTML_LANG = re.compile(r"<html\b[^>]*\blang=[\"']?([A-Za-z0-9-]+)", re.IGNORECASE)


def _page_start(page: Path, chars: int) -> str:
    """The first ``chars`` characters of a page as ``read_text`` gives them (UTF-8, universal
    newlines), decoding only the bytes they can take: at 200 languages a page is ~100 kB, and
    ``<html>`` is at its top. Invalid UTF-8 there is an error naming the page; a page the
    caches have not seen is decoded whole by the fonts and guard steps."""
    limit = 8 * chars  # 4 bytes a character, 2 characters for a CR LF read as one
    try:
        with page.open("rb") as handle:
            data = handle.read(limit + 1)
        if len(data) <= limit:
            text = data.decode("utf-8")
        else:  # cut: the last character may be half of a CR LF pair, drop it
            text = codecs.getincrementaldecoder("utf-8")().decode(data[:limit])[:-1]
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if len(data) > limit and len(text) < chars:  # only a page of nothing but 4-byte characters and CRs
            text = page.read_text(encoding="utf-8")
        return text[:chars]
    except (OSError, UnicodeDecodeError) as error:
        raise OpenletterError(f"cannot read page: {error}", path=page) from None


def page_langs(pages: Iterable[Path], default_lang: str = "en") -> dict[Path, str]:
    """Each page with the ``lang`` of its ``<html>`` element (``default_lang`` when it has none)."""
    found = {}
    for page in pages:
        match = _HTML_LANG.search(_page_start(page, _HEAD_CHARS))
        found[page] = match[1] if match else default_lang
    return found


def pages_from_site(site_root: Path, default_lang: str = "en") -> dict[Path, str]:
    """Every ``*.html`` under ``site_root`` with the ``lang`` of its ``<html>`` element
    (for ``python -m openletter.fonts`` and checking a site afterwards)."""
    return page_langs(sorted(Path(site_root).rglob("*.html")), default_lang)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return False


def _remove_all_but(folder: Path, names: set[str]) -> None:
    """Every file in ``folder`` not named in ``names`` removed (what an earlier build left)."""
    if folder.is_dir():
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name not in names and not entry.is_dir(follow_symlinks=False):
                    os.unlink(entry.path)
