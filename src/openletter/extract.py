"""Templates (``.pot``) from the content and from the theme's Jinja2 templates."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from babel.messages.catalog import PYTHON_FORMAT
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from jinja2 import TemplateSyntaxError

from openletter.cache import Cache, tree_inputs
from openletter.content.documents import read_document, read_document_text
from openletter.content.segments import Unit, new_markdown
from openletter.errors import OpenletterError
from openletter.po.pofile import Catalog, Entry

TRANSLATOR_COMMENT_TAGS = ("TRANSLATORS:",)


def template_header(domain: str, created: str, bugs_address: str) -> Entry:
    """The header every template starts with; the .po headers are made from it."""
    fields = [
        ("Project-Id-Version", f"openletter {domain}"),
        ("Report-Msgid-Bugs-To", bugs_address),
        ("POT-Creation-Date", created),
        ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
        ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
        ("Language-Team", "LANGUAGE <LL@li.org>"),
        ("Language", ""),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
    ]
    return Entry(
        msgid="",
        msgstr="".join(f"{name}: {value}\n" for name, value in fields),
        translator_comments=[
            f"Translation template for the openletter '{domain}' catalog.",
            "This file is distributed under the same license as the openletter project.",
            "",
        ],
        flags=["fuzzy"],
    )


def creation_date(environ: Mapping[str, str]) -> str:
    """``POT-Creation-Date``: from ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except ValueError:
            raise OpenletterError(f"SOURCE_DATE_EPOCH must be an integer, got {epoch!r}", value=epoch) from None
    else:
        moment = datetime.now(tz=timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M%z")


def entries_from_units(units: Iterable[Unit]) -> list[Entry]:
    """One entry per distinct text, in first-seen order; repeats add their comments and files."""
    entries: dict[str, Entry] = {}
    for unit in units:
        if not unit.text:
            continue
        entry = entries.get(unit.text)
        if entry is None:
            entry = entries[unit.text] = Entry(msgid=unit.text)
        for comment in (unit.comment, *unit.notes):
            if comment not in entry.extracted_comments:
                entry.extracted_comments.append(comment)
        reference = unit.path.as_posix()
        if reference not in entry.references:
            entry.references.append(reference)
    return list(entries.values())


def content_template(paths: Iterable[Path], root: Path, header: Entry) -> Catalog:
    """The template for content files (references are project-relative file names)."""
    markdown = new_markdown()
    units: list[Unit] = []
    for path in paths:
        units += read_document(path, markdown, reference_path=path.relative_to(root)).units
    return Catalog(header=header, entries=entries_from_units(units))


def theme_template(templates: Path, mapping: Path, root: Path, header: Entry, cache: Cache | None = None) -> Catalog:
    """The template for theme strings, found by Babel's Jinja2 extractor per ``mapping``.

    Parsing every template costs Jinja2 about 80 ms; the messages are kept in ``cache`` by the
    templates' and the mapping's bytes, so that ``invoke extract`` (run by ``add-language``, the
    pre-commit hook and every test project) parses them once per change.
    """
    try:
        mapping_bytes = mapping.read_bytes()
    except OSError as error:
        raise OpenletterError(f"cannot read mapping file: {error.strerror}", path=mapping) from None
    inputs = (templates.relative_to(root).as_posix(), mapping_bytes, *tree_inputs(templates))
    entries = (cache or Cache(None)).get("theme-messages", inputs, lambda: theme_entries(templates, mapping, root), valid=list)
    catalog = Catalog(header=header, entries=entries)
    if any(entry.msgid_plural is not None for entry in catalog.entries):
        catalog.set_header_field("Plural-Forms", "nplurals=INTEGER; plural=EXPRESSION;")
    return catalog


def theme_entries(templates: Path, mapping: Path, root: Path) -> list[Entry]:
    """The theme's messages, found by Babel's Jinja2 extractor per ``mapping``."""
    try:
        with mapping.open(encoding="utf-8") as handle:
            method_map, options_map = parse_mapping_cfg(handle, filename=str(mapping))
    except OSError as error:
        raise OpenletterError(f"cannot read mapping file: {error.strerror}", path=mapping) from None
    entries: dict[tuple[str | None, str], Entry] = {}
    current: list[str] = []  # the file Babel is reading, to name it in an error

    def reading(filename: str, method: str, options: dict[str, Any]) -> None:
        current[:] = [filename]

    results = extract_from_dir(
        templates,
        method_map,
        options_map,
        keywords=DEFAULT_KEYWORDS,
        callback=reading,
        comment_tags=TRANSLATOR_COMMENT_TAGS,
        strip_comment_tags=True,
    )
    for filename, _lineno, message, comments, context in _template_errors_named(results, templates, current, root):
        singular, plural = (message[0], message[1]) if isinstance(message, tuple) else (message, None)
        key = (context, singular)
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = Entry(msgid=singular, msgctxt=context, msgid_plural=plural)
            if plural is not None:
                entry.msgstr_plural = ["", ""]
        reference = (templates / filename).relative_to(root).as_posix()
        if reference not in entry.references:
            entry.references.append(reference)
        for comment in comments:
            if comment not in entry.extracted_comments:
                entry.extracted_comments.append(comment)
        if PYTHON_FORMAT.search(singular) or (plural and PYTHON_FORMAT.search(plural)):
            if "python-format" not in entry.flags:
                entry.flags.append("python-format")
    return list(entries.values())


def babel_extract(
    fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel extractor entry point (``openletter``): the same units ``invoke extract`` finds."""
    name = Path(getattr(fileobj, "name", "content.md"))
    text = fileobj.read().decode(options.get("encoding", "utf-8"))
    document = read_document_text(text, name, new_markdown())
    for entry_unit in document.units:
        yield entry_unit.line, None, entry_unit.text, [entry_unit.comment, *entry_unit.notes]


def _template_errors_named(
    results: Iterator[tuple[str, int, Any, list[str], str | None]], templates: Path, current: list[str], root: Path
) -> Iterator[tuple[str, int, Any, list[str], str | None]]:
    """Babel's results; a template Jinja2 cannot parse (the mapping sets ``silent = false``, so
    its strings are never silently left out) becomes ``path:line`` instead of a bare traceback."""
    try:
        yield from results
    except TemplateSyntaxError as error:
        path = (templates / current[0]).relative_to(root) if current else templates
        raise OpenletterError(f"cannot extract the theme's strings: {error.message}", path=path, line=error.lineno) from None
