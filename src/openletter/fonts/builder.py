"""FontBuilder: the webfonts of a built site's pages, and their stylesheets.

The pages of a group (the letter's pages, say) and language share their *own* faces, cut to
exactly the characters they show in that language; text in other languages (the language
menu's names, an English paragraph or column) is set in *shared* faces, one set for all the
pages of a group, which a browser fetches once for them all.  A
face is one slice of one family and weight, declared with the ``unicode-range`` of its
characters, so a browser fetches only the faces a page's visible text uses.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openletter.atomic import write_if_changed
from openletter.cache import Cache
from openletter.errors import OpenletterError
from openletter.fonts.constants import DEFAULT_BOLD, FONTS_DIR, SHAPED_WITH, SYSTEM_FALLBACK, WEIGHTS
from openletter.fonts.families import FAMILIES, Family, budget_for, family_by_key, family_by_site_name, stack_for
from openletter.fonts.report import FontFile, FontReport, PageFonts
from openletter.fonts.sources import Package, choose_slices
from openletter.fonts.stylesheet import (
    check_stylesheet_names,
    notice_stylesheet_for,
    remove_all_but,
    render_css,
    render_notice_css,
    render_shared_css,
    shared_stylesheet_for,
    stylesheet_for,
)
from openletter.fonts.subsetting import Face, Job, make_faces_safely
from openletter.fonts.text import PageText, read_page_text


@dataclass(frozen=True)
class DocumentFonts:
    """The webfonts of one document made apart from the site's pages (see :meth:`FontBuilder.document_fonts`)."""

    css: str  # @font-face rules with same-folder url()s, and the --ol-font lists
    files: dict[str, bytes]  # each face's bytes by the file name its url() gives
    missing: tuple[str, ...]  # characters the document shows that no shipped face maps


#: A family without the bold weight is shown synthesized bold from its regular one.
REGULAR = WEIGHTS[0]
#: Below this many code points to cut, the work is done in this process (a pool costs more).
_POOL_THRESHOLD = 3000

_Routed = tuple[tuple[tuple[Family, frozenset[int]], ...], frozenset[str]]


@dataclass(frozen=True)
class _Planned:
    """A face of the plan: whose it is, and the job that makes it."""

    family: Family
    weight: int
    source: str  # the slice, relative to node_modules
    job: Job
    shared: bool
    notice: bool = False  # a language notice's face (see FontBuilder.build's ``scripted``)


class FontBuilder:
    """Subsets the Noto webfonts for the pages of a built site and writes their stylesheets.

    ``node_modules`` is the folder ``npm ci`` filled from package-lock.json; ``cache`` keeps the
    faces, the pages' texts and the slices' coverage between builds; ``workers`` processes cut
    the faces a build lacks (default: the cores)."""

    def __init__(self, node_modules: Path, cache: Cache | None = None, *, bold: Iterable[str] = DEFAULT_BOLD, workers: int | None = None) -> None:
        self.node_modules = Path(node_modules)
        self.cache = cache or Cache(None)
        self.bold = tuple(bold)
        if not (self.node_modules / "@fontsource").is_dir():
            raise OpenletterError("no @fontsource packages in node_modules: run `npm ci`", path=self.node_modules)
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self._packages: dict[str, Package] = {}
        self._routes: dict[tuple[str, int, frozenset[str]], _Routed] = {}
        self._weights: dict[tuple[str, int], int] = {}
        self._chosen: dict[tuple[str, int, frozenset[int]], list[tuple[Any, frozenset[int]]]] = {}

    # -- what renders which character

    def package(self, family: Family) -> Package:
        """The installed package of ``family`` (read on first use)."""
        if family.key not in self._packages:
            self._packages[family.key] = Package(self.node_modules, family, self.cache)
        return self._packages[family.key]

    def weight_of(self, family: Family, weight: int) -> int:
        """``weight``, or the regular weight for a family that has no bold (shown synthesized)."""
        key = (family.key, weight)
        if key not in self._weights:
            self._weights[key] = weight if weight in self.package(family).weights else REGULAR
        return self._weights[key]

    def route(self, lang: str, weight: int, chars: frozenset[str]) -> _Routed:
        """Which family shows each character of text in ``lang`` at ``weight``, as the browser
        picks it walking the generated ``font-family`` list (no earlier family maps it), and the
        characters no family maps.  Invisible format characters (joiners, bidi marks) go only to
        the language's own family, when it maps them.

        By set intersections, family by family down the list: a list page's thousands of
        characters in every script cost a few dozen intersections, not a walk per character."""
        stack = stack_for(lang)
        memo = (stack[0].key, weight, chars)
        if memo not in self._routes:
            routed: dict[Family, frozenset[int]] = {}
            invisible = frozenset(ord(char) for char in chars if char in SYSTEM_FALLBACK)
            remaining = {ord(char) for char in chars} - invisible
            own = invisible.intersection(self._coverage(stack[0], weight))
            if own:
                routed[stack[0]] = own
            for family in stack:
                if not remaining:
                    break
                found = remaining.intersection(self._coverage(family, weight))
                if found:
                    routed[family] = routed.get(family, frozenset()) | found
                    remaining -= found
            self._routes[memo] = tuple(routed.items()), frozenset(map(chr, remaining))
        return self._routes[memo]

    def _coverage(self, family: Family, weight: int) -> frozenset[int]:
        """The code points ``family`` maps at ``weight`` (its regular weight when it has no bold)."""
        return self.package(family).coverage(self.weight_of(family, weight))

    def covers(self, lang: str, chars: Iterable[str]) -> bool:
        """Whether some shipped family shows each of ``chars`` (but invisible format characters)
        in text in ``lang``, at every weight."""
        wanted = frozenset(chars)
        return all(not self.route(lang, weight, wanted)[1] for weight in WEIGHTS)

    def _needs(self, text: PageText) -> tuple[dict[tuple[Family, int], set[int]], dict[tuple[Family, int], set[int]]]:
        """A page's code points per (family, weight): its own text's, and the other languages'
        (site faces).  What no family maps is left out (the coverage check reports it)."""
        own: dict[tuple[Family, int], set[int]] = {}
        other: dict[tuple[Family, int], set[int]] = {}
        for (lang, weight), chars in sorted(text.usage.items()):
            routed, _ = self.route(lang, weight, _shaped(chars))
            target = own if lang == text.root_lang else other
            for family, codepoints in routed:
                target.setdefault((family, self.weight_of(family, weight)), set()).update(codepoints)
        return own, other

    def _plan(self, needs: Mapping[tuple[Family, int], set[int]], shared: bool, notice: bool = False) -> list[_Planned]:
        """The faces that show ``needs``: per family and weight, few slices (FAMILIES order, then weight)."""
        planned = []
        for family, weight in sorted(needs, key=lambda need: (FAMILIES.index(need[0]), need[1])):
            for piece, codepoints in self._slices(family, weight, frozenset(needs[family, weight])):
                source = piece.path.relative_to(self.node_modules).as_posix()
                planned.append(_Planned(family, weight, source, Job(str(piece.path), tuple(sorted(codepoints))), shared, notice))
        return planned

    def _slices(self, family: Family, weight: int, codepoints: frozenset[int]) -> list[tuple[Any, frozenset[int]]]:
        """:func:`choose_slices` of ``family``'s ``weight``, once per set of code points (every
        language's list of signatories asks the same of the scripts of its names)."""
        key = (family.key, weight, codepoints)
        if key not in self._chosen:
            self._chosen[key] = choose_slices(self.package(family).slices(weight), codepoints)
        return self._chosen[key]

    # -- making faces

    def produce(self, jobs: Iterable[Job]) -> tuple[dict[Job, Face], int]:
        """The face of every job, from the cache or made now (in ``workers`` processes when
        there is enough to cut); and how many were made."""
        faces: dict[Job, Face] = {}
        todo: list[Job] = []
        keys: dict[Job, str] = {}
        for job in dict.fromkeys(jobs):
            path = Path(job.path)
            package = self._package_of(path)
            keys[job] = Cache.key("font-face", package.family.package, package.version, path.name, str(path.stat().st_size), ",".join(map(str, job.codepoints)))
            cached = self.cache.load("font-face", keys[job])
            if isinstance(cached, Face):
                faces[job] = cached
            else:
                todo.append(job)
        by_slice: dict[str, list[Job]] = {}
        for job in todo:
            by_slice.setdefault(job.path, []).append(job)
        # A worker takes all the jobs of a slice, so that each slice is read once; big ones first.
        batches = sorted(by_slice.values(), key=lambda jobs: (-sum(job.cost for job in jobs), jobs[0].path))
        if self.workers > 1 and len(batches) > 1 and sum(job.cost for job in todo) > _POOL_THRESHOLD:
            from concurrent.futures import ProcessPoolExecutor  # a warm build cuts nothing

            with ProcessPoolExecutor(max_workers=min(self.workers, len(batches))) as pool:
                made = list(pool.map(make_faces_safely, batches))
        else:
            made = [make_faces_safely(batch) for batch in batches]
        for job, result in zip([job for batch in batches for job in batch], [face for faces in made for face in faces]):
            if not isinstance(result, Face):
                message, where = result
                raise OpenletterError(f"cannot make a webfont: {message}", path=where)
            faces[job] = result
            self.cache.store("font-face", keys[job], result)
        return faces, len(todo)

    def _package_of(self, path: Path) -> Package:
        name = path.parent.parent.name
        family = next(f for f in FAMILIES if f.package == name)
        return self.package(family)

    # -- a whole site

    def build(
        self,
        site_root: Path,
        pages: Mapping[Path, str],
        groups: Mapping[Path, str] | None = None,
        scripted: Mapping[str, str] | None = None,
        exclusive: bool = True,
        texts: Mapping[Path, PageText] | None = None,
        apart: Collection[str] = (),
    ) -> FontReport:
        """Write ``theme/fonts/<name>.css`` and its WOFF2 files for every page; report them.

        ``pages`` maps each HTML file (under ``site_root``) to its BCP 47 ``lang``; ``groups``
        names each page's group (the letter pages, the translators' pages…; one group when
        omitted).  The pages of a group share the faces of their other-language text, and those
        of a group and language their own faces, cut for the text of them all.  ``scripted`` is
        text a script may show on any page, by language (the language notices): each language's
        gets faces of its own, in ``theme/fonts/_notice-<lang>.css``, which the script links when
        it shows the text (one notice for one reader, not every notice's letters in every page's
        faces).  With
        ``exclusive`` (``pages`` are all the site's pages) every other file in ``theme/fonts`` is
        removed, such as a recycled staging folder's.  ``texts`` gives what some pages show,
        known to the caller, instead of reading them (a page that stands for many that link its
        stylesheet: the lists of signatories).
        """
        started = time.perf_counter()
        site_root = Path(site_root)
        fonts_dir = site_root / FONTS_DIR
        report = FontReport()
        check_stylesheet_names(pages, site_root)
        order = sorted(pages)
        known = texts or {}
        texts = {page: known[page] if page in known else read_page_text(page, pages[page], self.bold, self.cache) for page in order}
        group_of = {page: (groups or {}).get(page, "") for page in order}
        # Code points per (family, weight): own text by (group, language), other languages' by group.
        own_needs: dict[tuple[str, str], dict[tuple[Family, int], set[int]]] = {}
        site_needs: dict[str, dict[tuple[Family, int], set[int]]] = {}
        other_needs: dict[Path, dict[tuple[Family, int], set[int]]] = {}
        page_needs: dict[Path, dict[tuple[Family, int], set[int]]] = {}
        for page in order:
            own, other_needs[page] = self._needs(texts[page])
            page_needs[page] = own
            for target, needs in ((own_needs.setdefault((group_of[page], texts[page].root_lang), {}), own),
                                  (site_needs.setdefault(group_of[page], {}), other_needs[page])):  # fmt: skip
                for key, codepoints in needs.items():
                    target.setdefault(key, set()).update(codepoints)
        notice_plans: dict[str, list[_Planned]] = {}
        for lang, words in sorted((scripted or {}).items()):
            routed, lost = self.route(lang, REGULAR, _shaped(words))
            notice_plans[lang] = self._plan({(family, self.weight_of(family, REGULAR)): set(codepoints) for family, codepoints in routed}, shared=False, notice=True)
            report.missing.extend((site_root / notice_stylesheet_for(lang), char) for char in sorted(lost))
        # Another group's pages of a language (its review page, its dashboard) declare the letter
        # pages' own faces of that language (a reader has them already) and faces of what else they
        # show: each language's text is cut once, not once per group.
        base_of = {key: ("", key[1]) for key in own_needs if key[0] and key[0] not in apart and ("", key[1]) in own_needs}
        own_plans = {
            key: self._plan(_without(needs, own_needs[base_of[key]]) if key in base_of else needs, shared=False)
            for key, needs in own_needs.items()
        }  # fmt: skip
        site_plans = {group: self._plan(needs, shared=True) for group, needs in site_needs.items()}
        plans = [*own_plans.values(), *site_plans.values(), *notice_plans.values()]
        faces, report.made = self.produce([planned.job for plan in plans for planned in plan])
        report.reused = len(faces) - report.made
        names: set[str] = set()  # every file of theme/fonts this build wrote
        shared_files = {group: [self._write_face(fonts_dir, planned, faces[planned.job], names) for planned in plan] for group, plan in site_plans.items()}
        own_files = {key: [self._write_face(fonts_dir, planned, faces[planned.job], names) for planned in plan] for key, plan in own_plans.items()}
        own_files.update({key: own_files[base] + own_files[key] for key, base in base_of.items()})
        for lang, plan in notice_plans.items():
            notice_css = site_root / notice_stylesheet_for(lang)
            files = [self._write_face(fonts_dir, planned, faces[planned.job], names) for planned in plan]
            write_if_changed(notice_css, render_notice_css(lang, files).encode("utf-8"), durable=False)
            names.add(notice_css.name)
        shown_langs: dict[str, set[str]] = {group: set() for group in site_plans}
        for page in order:
            shown_langs[group_of[page]].update(texts[page].langs)
        for group, files in shared_files.items():
            shared_css = site_root / shared_stylesheet_for(group)
            write_if_changed(shared_css, render_shared_css(group, shown_langs[group], files).encode("utf-8"), durable=False)
            names.add(shared_css.name)
        mapped = {("own", *key): _mapped(files, self.weight_of) for key, files in own_files.items()}
        mapped.update({("shared", group): _mapped(files, self.weight_of) for group, files in shared_files.items()})
        for page in order:
            text, group = texts[page], group_of[page]
            own = own_files[group, text.root_lang]
            wanted = other_needs[page]
            # What the page may fetch: the own and shared faces its text uses.
            fetched = [file for file in own if page_needs[page].get((family_by_key(file.package), file.weight), set()) & file.codepoints]
            fetched += [file for file in shared_files[group] if wanted.get((family_by_site_name(file.family), file.weight), set()) & file.codepoints]
            stylesheet = site_root / stylesheet_for(page, site_root)
            css = render_css(page, site_root, text.root_lang, text.langs, own, shared_files[group])
            write_if_changed(stylesheet, css.encode("utf-8"), durable=False)
            names.add(stylesheet.name)
            report.pages[page] = PageFonts(
                page, pages[page], stylesheet, tuple(fetched), budget_for(pages[page]), site_root / shared_stylesheet_for(group)
            )  # fmt: skip
            report.missing.extend(_uncovered(page, text, mapped["own", group, text.root_lang], mapped["shared", group]))
        for family in {planned.family for plan in plans for planned in plan}:
            name = f"{family.package}-LICENSE.txt"
            self._write_license(family, fonts_dir / name)
            names.add(name)
        if exclusive:
            remove_all_but(fonts_dir, names)
        report.seconds = time.perf_counter() - started
        return report

    def document_fonts(self, name: str, text: PageText) -> DocumentFonts:
        """The faces of a document made apart from the site (a PDF, a share card), cut to its own
        text alone so that it depends on nothing else the site shows, in memory: its stylesheet
        (the shared rules, then its own, as a page links them), each face's bytes by file name,
        and the characters no face maps.  ``name`` is the document's, for the stylesheet's comment."""
        own, other = self._needs(text)
        own_plan, shared_plan = self._plan(own, shared=False), self._plan(other, shared=True)
        faces, _ = self.produce([planned.job for planned in own_plan + shared_plan])
        data: dict[str, bytes] = {}
        own_files = [self._face_file(Path(), planned, faces[planned.job], data) for planned in own_plan]
        shared_files = [self._face_file(Path(), planned, faces[planned.job], data) for planned in shared_plan]
        page = Path(name).resolve()
        css = render_shared_css(name, text.langs, shared_files) + render_css(page, page.parent, text.root_lang, text.langs, own_files, shared_files)
        missing = _uncovered(page, text, _mapped(own_files, self.weight_of), _mapped(shared_files, self.weight_of))
        return DocumentFonts(css, data, tuple(sorted({char for _, char in missing})))

    def _write_face(self, fonts_dir: Path, planned: _Planned, face: Face, written: set[str]) -> FontFile:
        """Write one face under its content-addressed name, once however many pages declare it
        (a slice served whole is one file for all, each declaring the characters it wants of it)."""
        kept: dict[str, bytes] = {}
        file = self._face_file(fonts_dir, planned, face, kept)
        if file.path.name not in written:
            write_if_changed(file.path, face.data, durable=False)
            written.add(file.path.name)
        return file

    def _face_file(self, fonts_dir: Path, planned: _Planned, face: Face, data: dict[str, bytes]) -> FontFile:
        """One face under its content-addressed name in ``fonts_dir`` (its bytes kept in ``data``)."""
        digest = hashlib.sha256(face.data).hexdigest()[:16]
        piece = Path(planned.source).name.removeprefix(f"{planned.family.package}-").rsplit(f"-{planned.weight}-", 1)[0]
        name = f"{planned.family.package}-{planned.weight}-{piece}-{digest}.woff2"
        data[name] = face.data
        family = planned.family.notice_name if planned.notice else planned.family.site_name if planned.shared else planned.family.css_name
        return FontFile(fonts_dir / name, family, planned.weight, len(face.data), face.codepoints, planned.source, planned.shared)

    def _write_license(self, family: Family, target: Path) -> None:
        """Ship the OFL text (with the copyright line) beside the fonts, as the license asks."""
        write_if_changed(target, self.package(family).license_text(), durable=False)


def _shaped(chars: Iterable[str]) -> frozenset[str]:
    """``chars`` and those a shaper draws them with (:data:`SHAPED_WITH`)."""
    chars = frozenset(chars)
    return chars.union(*(SHAPED_WITH[char] for char in chars if char in SHAPED_WITH))


def _without(needs: Mapping[tuple[Family, int], set[int]], had: Mapping[tuple[Family, int], set[int]]) -> dict[tuple[Family, int], set[int]]:
    """``needs`` less what ``had`` already holds, per family and weight (nothing left: no entry)."""
    left = {key: codepoints - had.get(key, set()) for key, codepoints in needs.items()}
    return {key: codepoints for key, codepoints in left.items() if codepoints}


def _mapped(files: Iterable[FontFile], weight_of: Callable[[Family, int], int]) -> dict[int, frozenset[int]]:
    """The code points ``files`` map for text of each weight (a family without bold shows bold
    text from its regular faces)."""
    return {
        weight: frozenset().union(*(file.codepoints for file in files if file.weight == weight_of(family_by_key(file.package), weight)))
        for weight in WEIGHTS
    }


def _uncovered(page: Path, text: PageText, own: Mapping[int, frozenset[int]], shared: Mapping[int, frozenset[int]]) -> list[tuple[Path, str]]:
    """Characters the page shows that no face it declares for them maps (checked against the
    faces' real character maps, not what was asked of the subsetter)."""
    missing = set()
    for (lang, weight), chars in text.usage.items():
        covered = (own if lang == text.root_lang else shared)[weight]
        missing.update(c for c in chars if ord(c) not in covered and c not in SYSTEM_FALLBACK)
    return [(page, char) for char in sorted(missing)]
