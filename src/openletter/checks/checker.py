"""Catalog checks: every problem a ``Problem(path, line, severity, code, message)``.

Two layers.  *Structure* (can the file be trusted at all?): encoding, BOM,
syntax, duplicates, header, charset, plural forms, Language header, folder
name, size.  A structural error makes the whole catalog unusable.  *Content*
(per entry, Markdown-aware, against the source unit): links, emphasis and
code, images, raw HTML, placeholders, edge whitespace, invisible characters,
stale entries.  A content error makes only that entry unusable: the build
shows the source text for it.  A translator may silence one named *warning*
on one entry with a translator comment ``# noqa: code[, code]``; errors
cannot be silenced.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from markdown_it import MarkdownIt

from openletter.cache import ContentCache
from openletter.errors import LanguageError, OpenletterError, PoSyntaxError
from openletter.languages import Language
from openletter.content.markup import InlineMarkup, inline_markup
from openletter.gettext.pofile import Catalog, Entry, decode_po_bytes, parse_po
from openletter.project import THEME_DOMAIN, Project
from openletter.gettext.compiled import CompiledCatalog, placeholders

Severity = Literal["error", "warning"]

#: Catalogs larger than this are refused before parsing (the letter's are a few kB).
DEFAULT_SIZE_CAP = 1_000_000
NOQA_RE = re.compile(r"^\s*noqa\s*:\s*(.+)$", re.IGNORECASE)
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = set("\u200b\u2060\ufeff\u180e")
_JOINERS = set("\u200c\u200d")
_ALLOWED_CONTROLS = set("\n\t")


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding, printable as ``path:line: severity: code: message`` (1-based line)."""

    path: Path
    line: int | None  # None for a folder or a file as a whole
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        return f"{where}: {self.severity}: {self.code}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["path"] = str(self.path)
        return data


@dataclass(slots=True)
class CatalogReport:
    """What checking one catalog found, and the parsed catalog when it could be parsed."""

    path: Path
    catalog: Catalog | None = None
    problems: list[Problem] = field(default_factory=list)
    #: Entries (by key) that have a content error: the build must not use them.
    rejected: set[tuple[str | None, str]] = field(default_factory=set)
    #: The entries a build may use, compiled once when checked and cached with the report.
    compiled: CompiledCatalog | None = None

    @property
    def structural_errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error" and p.code in STRUCTURAL_CODES]

    @property
    def usable(self) -> bool:
        return self.catalog is not None and not self.structural_errors

    def compile(self, domain: str) -> CompiledCatalog:
        """The entries a build may use (theme strings must survive ``%``), compiled once and kept."""
        if self.compiled is None:
            assert self.catalog is not None
            self.compiled = CompiledCatalog.compile(self.catalog, format_strings=domain == THEME_DOMAIN, excluded=self.rejected)
        return self.compiled


STRUCTURAL_CODES = {
    "syntax", "encoding", "bom", "duplicate", "size", "header", "charset", "plural-forms",
    "language-header", "control-char-file", "missing",
}  # fmt: skip

# -- structure -------------------------------------------------------------------------------


def _structure_problems(path: Path, catalog: Catalog, language: Language | None) -> Iterator[Problem]:
    header = catalog.header
    if header is None:
        yield Problem(path, 1, "error", "header", "no header entry (msgid \"\") at the top of the file")
        return
    fields = catalog.header_fields()
    line = header.line
    content_type = fields.get("Content-Type", "")
    charset = content_type.partition("charset=")[2].strip()
    if not content_type:
        yield Problem(path, line, "error", "header", "header has no Content-Type")
    elif charset.upper() != "UTF-8":
        yield Problem(path, line, "error", "charset", f"charset is {charset or 'missing'!r}; catalogs must be UTF-8")
    if header.fuzzy:
        yield Problem(path, line, "warning", "header", "header is marked fuzzy")
    if language is None:
        return
    declared = fields.get("Language")
    if declared is None:
        yield Problem(path, line, "error", "language-header", f"header has no Language (expected {language.code!r})")
    elif declared != language.code:
        yield Problem(path, line, "error", "language-header", f"Language is {declared!r} but the folder is {language.code!r}")
    plural_forms = fields.get("Plural-Forms")
    expected = int(language.plural_forms.split(";")[0].split("=")[1])
    declared_count = _nplurals(plural_forms)
    if plural_forms is None:
        yield Problem(path, line, "error", "plural-forms", f"header has no Plural-Forms (CLDR: {language.plural_forms})")
    elif declared_count is None:
        yield Problem(path, line, "error", "plural-forms", f"unreadable Plural-Forms {plural_forms!r}")
    elif declared_count != expected:
        yield Problem(
            path, line, "error", "plural-forms",
            f"Plural-Forms says nplurals={declared_count} but {language.english_name} has {expected} (CLDR: {language.plural_forms})",
        )  # fmt: skip
    count = declared_count or expected
    for entry in catalog.entries:
        if entry.msgid_plural is not None and len(entry.msgstr_plural) != count:
            yield Problem(
                path, entry.line, "error", "plural-forms",
                f"{len(entry.msgstr_plural)} plural forms (msgstr[N]) where Plural-Forms has nplurals={count}",
            )  # fmt: skip


def _nplurals(plural_forms: str | None) -> int | None:
    if not plural_forms:
        return None
    match = re.search(r"nplurals\s*=\s*(\d+)", plural_forms)
    return int(match.group(1)) if match else None


_FILE_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _file_problems(path: Path, text: str) -> Iterator[Problem]:
    """Characters no catalog should contain anywhere (NUL and other C0/C1 controls, CR)."""
    for match in _FILE_CONTROL_RE.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        number = text.count("\n", 0, match.start()) + 1
        column = match.start() - start + 1
        char = match.group()
        if char == "\r" and text[match.end() : match.end() + 1] in ("\n", ""):
            yield Problem(path, number, "warning", "line-ending", "CRLF line ending; save with LF (Unix) line endings")
        else:
            yield Problem(path, number, "error", "control-char-file", f"control character U+{ord(char):04X} at column {column}")


# -- content ---------------------------------------------------------------------------------

ContentCheck = Callable[[Entry, str, "CheckContext"], Iterable[tuple[Severity, str, str]]]


@dataclass(slots=True)
class CheckContext:
    markdown: MarkdownIt
    references: dict[str, object]
    #: Markup of source texts, parsed once for all languages.
    source_markup: dict[str, InlineMarkup] = field(default_factory=dict)

    def markup_of_source(self, text: str) -> InlineMarkup:
        if text not in self.source_markup:
            self.source_markup[text] = inline_markup(self.markdown, text, self.references)
        return self.source_markup[text]


def _check_markup(entry: Entry, text: str, context: CheckContext) -> Iterator[tuple[Severity, str, str]]:
    source = context.markup_of_source(entry.msgid)
    translated = inline_markup(context.markdown, text, context.references)
    if sorted(source.links) != sorted(translated.links):
        yield "error", "links", f"links {sorted(translated.links)} differ from the source's {sorted(source.links)}"
    if sorted(source.images) != sorted(translated.images):
        yield "error", "images", f"images {sorted(translated.images)} differ from the source's {sorted(source.images)}"
    for name in ("emphasis", "strong", "code"):
        if getattr(source, name) != getattr(translated, name):
            yield "error", "markup", f"{getattr(translated, name)} {name} where the source has {getattr(source, name)}"
    if translated.html and not source.html:
        yield "error", "html", "raw HTML in the translation; the source has none"
    elif translated.html != source.html:
        yield "error", "html", f"{translated.html} raw HTML tags where the source has {source.html}"


def _check_placeholders(entry: Entry, text: str, context: CheckContext) -> Iterator[tuple[Severity, str, str]]:
    expected = sorted(set(placeholders(entry.msgid) + placeholders(entry.msgid_plural or "")))
    found = sorted(set(placeholders(text)))
    if found != expected:
        yield "error", "placeholders", f"placeholders {found} differ from the source's {expected}"


def _check_edges(entry: Entry, text: str, context: CheckContext) -> Iterator[tuple[Severity, str, str]]:
    for side, source_edge, text_edge in (("start", entry.msgid[:1], text[:1]), ("end", entry.msgid[-1:], text[-1:])):
        if (source_edge == "\n") != (text_edge == "\n"):
            yield "error", "newline", f"the source {'does' if source_edge == chr(10) else 'does not'} {side} with a newline; the translation must match"
        elif (source_edge in " \t") != (text_edge in " \t") and "\n" not in (source_edge, text_edge):
            yield "warning", "whitespace", f"space at the {side} differs from the source"


_INVISIBLE_RE = re.compile(
    "[" + "".join(sorted(_BIDI | _ZERO_WIDTH | _JOINERS)) + "\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def _check_invisible(entry: Entry, text: str, context: CheckContext) -> Iterator[tuple[Severity, str, str]]:
    for match in _INVISIBLE_RE.finditer(text):
        char, index = match.group(), match.start()
        if char in entry.msgid:
            continue
        name = unicodedata.name(char, f"U+{ord(char):04X}")
        if char in _BIDI:
            yield "warning", "invisible", f"bidirectional control {name} at character {index + 1}"
        elif char in _ZERO_WIDTH:
            yield "warning", "invisible", f"zero-width character {name} at character {index + 1}"
        elif char in _JOINERS:
            if not _between_letters(text, index):
                yield "warning", "invisible", f"{name} at character {index + 1} does not join two letters"
        else:
            yield "error", "control-char", f"control character U+{ord(char):04X} at character {index + 1}"


def _between_letters(text: str, index: int) -> bool:
    """ZWNJ/ZWJ are spelling in Persian, Indic scripts…: fine between two non-ASCII letters or marks."""
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return all(ch and ord(ch) > 0x7F and unicodedata.category(ch)[0] in "LM" for ch in (before, after))


CONTENT_CHECKS: list[ContentCheck] = [_check_markup, _check_placeholders, _check_edges, _check_invisible]


def noqa_codes(entry: Entry) -> set[str]:
    """Warning codes a translator silenced on this entry (``# noqa: whitespace, invisible``)."""
    codes: set[str] = set()
    for comment in entry.translator_comments:
        match = NOQA_RE.match(comment)
        if match:
            codes |= {code.strip() for code in match.group(1).split(",") if code.strip()}
    return codes


# -- the checker -----------------------------------------------------------------------------


class CatalogChecker:
    """Checks catalog files; one instance serves a whole run."""

    def __init__(self, markdown: MarkdownIt, size_cap: int = DEFAULT_SIZE_CAP, checks: list[ContentCheck] | None = None) -> None:
        self.markdown = markdown
        self.size_cap = size_cap
        self.checks = checks if checks is not None else CONTENT_CHECKS
        self._contexts: dict[int, CheckContext] = {}

    def check_file(
        self,
        path: Path,
        shown: Path | None = None,
        language: Language | None = None,
        template: Catalog | None = None,
        references: dict[str, object] | None = None,
    ) -> CatalogReport:
        """Everything wrong with one catalog file (``shown`` is the path printed in problems)."""
        shown = shown or path
        report = CatalogReport(shown)
        try:
            data = path.read_bytes()
        except OSError as error:
            report.problems.append(Problem(shown, 1, "error", "syntax", f"cannot read: {error.strerror}"))
            return report
        if len(data) > self.size_cap:
            report.problems.append(Problem(shown, 1, "error", "size", f"{len(data)} bytes, over the {self.size_cap}-byte cap"))
            return report
        try:
            text = decode_po_bytes(data, shown)
            report.problems += _file_problems(shown, text)
            catalog = parse_po(text, shown)
        except PoSyntaxError as error:
            report.problems.append(Problem(shown, error.line or 1, "error", error.code, error.message))
            return report
        report.catalog = catalog
        report.problems += _structure_problems(shown, catalog, language)
        from openletter.checks.credits import Credits  # credits reports Problems: imported late

        credits = Credits()
        credits.add(catalog, shown)
        report.problems += credits.problems
        if template is not None:
            self._content(report, catalog, template, references or {})
        return report

    def _content(self, report: CatalogReport, catalog: Catalog, template: Catalog, references: dict[str, object]) -> None:
        wanted = {entry.key for entry in template.entries}
        context = self._contexts.get(id(references))
        if context is None or context.references is not references:
            context = self._contexts[id(references)] = CheckContext(self.markdown, references)
        for entry in catalog.entries:
            if entry.key not in wanted:
                report.problems.append(
                    Problem(report.path, entry.line, "warning", "stale", "msgid is not in the template; run 'invoke update'")
                )
            silenced = noqa_codes(entry)
            for text in entry.translations if entry.translated else []:
                for check in self.checks:
                    for severity, code, message in check(entry, text, context):
                        if severity == "warning" and code in silenced:
                            continue
                        report.problems.append(Problem(report.path, entry.line, severity, code, message))
                        if severity == "error":
                            report.rejected.add(entry.key)


def check_folders(locale_dir: Path, shown: Callable[[Path], Path], source: Language) -> tuple[list[Language], list[Problem]]:
    """Languages from ``locale/`` folder names, and the problems with names that are not languages."""
    languages: list[Language] = []
    problems: list[Problem] = []
    if not locale_dir.is_dir():
        return languages, problems
    folders = [f for f in sorted(locale_dir.iterdir()) if f.is_dir() and not f.name.startswith(".")]
    by_locale: dict[str, list[Path]] = {}
    for folder in folders:
        canonical = _canonical(folder.name)
        if canonical:
            by_locale.setdefault(canonical, []).append(folder)
    for canonical, group in by_locale.items():
        if len(group) > 1:
            names = ", ".join(str(shown(folder)) for folder in group)
            problems.append(Problem(shown(group[-1]), None, "error", "same-locale", f"{names} name the same locale ({canonical})"))
    for folder in folders:
        try:
            language = Language.parse(folder.name)
        except LanguageError as error:
            problems.append(Problem(shown(folder), None, "error", "locale-folder", error.message))
            continue
        if language == source:
            problems.append(Problem(shown(folder), None, "error", "locale-folder", "folder for the source language; its text is content/ itself"))
            continue
        languages.append(language)
    return languages, problems


def _canonical(name: str) -> str | None:
    from babel import Locale

    try:
        return str(Locale.parse(name))
    except Exception:  # Babel raises ValueError, TypeError or UnknownLocaleError for bad names
        return None


# -- a whole project ---------------------------------------------------------------------------


@dataclass(slots=True)
class ProjectReport:
    """Every catalog of every language, checked."""

    languages: list[Language] = field(default_factory=list)
    folder_problems: list[Problem] = field(default_factory=list)
    catalogs: dict[tuple[Language, str], CatalogReport] = field(default_factory=dict)

    def problems(self) -> list[Problem]:
        found = list(self.folder_problems)
        for report in self.catalogs.values():
            found += report.problems
        return sorted(found, key=lambda p: (str(p.path), p.line or 0, p.code))

    def broken(self) -> dict[Language, list[Problem]]:
        """Languages with a structural error in any of their catalogs."""
        broken: dict[Language, list[Problem]] = {}
        for (language, _domain), report in self.catalogs.items():
            if report.structural_errors:
                broken.setdefault(language, []).extend(report.structural_errors)
        return broken


def check_project(
    project: Project,
    markdown: MarkdownIt,
    references: dict[str, dict[str, object]],
    size_cap: int = DEFAULT_SIZE_CAP,
    cache: ContentCache | None = None,
) -> ProjectReport:
    """Check folder names, then each language's catalog of each domain against its template.

    With a ``cache``, a catalog whose bytes, template and references are unchanged since a
    previous check gets that check's report back instead of being parsed and checked again.
    """
    checker = CatalogChecker(markdown, size_cap)
    cache = cache or ContentCache(None)
    report = ProjectReport()
    report.languages, report.folder_problems = check_folders(project.locale_dir, project.relative, project.source_language)
    templates: dict[str, Catalog | None] = {}
    template_keys: dict[str, str] = {}
    domains = project.domains()  # a glob of content/: once, not once per language
    for domain in domains:
        path = project.template_path(domain)
        template_keys[domain] = ContentCache.key(
            path.read_bytes() if path.exists() else b"", repr(sorted(references.get(domain, {}).items())), str(size_cap)
        )
        template_report = checker.check_file(path, project.relative(path)) if path.exists() else None
        templates[domain] = template_report.catalog if template_report else None
        if template_report and template_report.catalog is None:
            report.folder_problems += template_report.problems
    for language in report.languages:
        for domain in domains:
            path = project.catalog_path(language, domain)
            shown = project.relative(path)
            if not path.exists():
                missing = CatalogReport(shown)
                missing.problems.append(Problem(shown, None, "error", "missing", "catalog missing; run 'invoke update'"))
                report.catalogs[(language, domain)] = missing
                continue
            key = ContentCache.key(path.read_bytes(), str(shown), language.code, template_keys[domain])
            catalog_report = cache.load("catalog-report", key)
            if not isinstance(catalog_report, CatalogReport):
                catalog_report = checker.check_file(path, shown, language, templates[domain], references.get(domain, {}))
                _compile(catalog_report, domain)
                cache.store("catalog-report", key, catalog_report)
            report.catalogs[(language, domain)] = catalog_report
    return report


def _compile(report: CatalogReport, domain: str) -> None:
    """Attach the usable entries (what the build compiles) to a report about to be cached."""
    if report.usable:
        try:
            report.compile(domain)
        except OpenletterError:
            pass  # the build compiles it again and reports the error where it stops
