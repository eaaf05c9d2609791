"""The catalog commands: extract templates, update every language, add a language.

Every file is written atomically and only when its bytes change, in GNU
gettext's exact layout, so a second run with no source change touches nothing
and an edited paragraph changes exactly one entry in each file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from openletter.atomic import write_bytes_atomic, write_if_changed
from openletter.cache import Cache
from openletter.errors import LanguageError, OpenletterError
from openletter.extract import (
    content_template,
    creation_date,
    template_header,
    theme_template,
)
from openletter.languages import Language
from openletter.po.merge import MergeReport, merge
from openletter.po.pofile import Catalog, Entry, read_po
from openletter.po.powriter import PoWriter
from openletter.po.states import REVIEW_HEADER, UNREVIEWED, record_review_state
from openletter.project import THEME_DOMAIN, Project


@dataclass(slots=True)
class Written:
    """Which files a command wrote and which it left alone."""

    changed: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    reports: dict[Path, MergeReport] = field(default_factory=dict)

    def record(self, path: Path, changed: bool) -> None:
        (self.changed if changed else self.unchanged).append(path)


class Catalogs:
    """Reads and writes the project's templates and catalogs."""

    def __init__(
        self,
        project: Project,
        writer: PoWriter | None = None,
        environ: Mapping[str, str] | None = None,
        cache: Cache | None = None,
    ) -> None:
        self.project = project
        self.writer = writer or PoWriter()
        self.environ = os.environ if environ is None else environ
        self.cache = cache or Cache(None)

    # -- templates -------------------------------------------------------------------

    def build_template(self, domain: str, created: str) -> Catalog:
        header = template_header(domain, created, self.project.bugs_address)
        if domain == THEME_DOMAIN:
            return theme_template(
                self.project.theme_dir / "templates", self.project.mapping_path(domain), self.project.root, header, self.cache
            )
        path = self.project.content_dir / f"{domain}.md"
        return content_template([path], self.project.root, header)

    def extract(self) -> Written:
        """Write ``locale/<domain>.pot`` for every domain whose messages changed."""
        written = Written()
        for domain in self.project.domains():
            path = self.project.template_path(domain)
            previous = self._existing_creation_date(path)
            template = self.build_template(domain, previous or creation_date(self.environ))
            if previous is not None:
                if path.read_bytes() == self.writer.dump_bytes(template):
                    written.record(path, False)  # only the date would change: keep the file
                    continue
                template.set_header_field("POT-Creation-Date", creation_date(self.environ))
            written.record(path, write_if_changed(path, self.writer.dump_bytes(template)))
        return written

    def _existing_creation_date(self, path: Path) -> str | None:
        if not path.exists():
            return None
        return read_po(path).header_fields().get("POT-Creation-Date")

    def template(self, domain: str) -> Catalog:
        path = self.project.template_path(domain)
        if not path.exists():
            raise OpenletterError("template missing; run 'invoke extract' first", path=self.project.relative(path))
        return read_po(path)

    # -- catalogs --------------------------------------------------------------------

    def update(self, languages: list[Language] | None = None) -> Written:
        """Merge each template into each language's catalog; nothing translated is dropped."""
        written = Written()
        templates = {domain: self.template(domain) for domain in self.project.domains()}
        for language in languages if languages is not None else self.project.languages():
            for domain, template in templates.items():
                path = self.project.catalog_path(language, domain)
                catalog = read_po(path) if path.exists() else self.new_catalog(language, template)
                merged, report = merge(catalog, template)
                record_review_state(merged)  # a changed source unmarks its unit
                written.reports[path] = report
                written.record(path, write_if_changed(path, self.writer.dump_bytes(merged)))
        return written

    def new_catalog(self, language: Language, template: Catalog, now: datetime | None = None) -> Catalog:
        """An empty catalog for ``language`` with a complete header from CLDR."""
        moment = (now or datetime.now(tz=timezone.utc)).strftime("%Y-%m-%d %H:%M%z")
        fields = template.header_fields()
        header = Entry(
            msgid="",
            translator_comments=[
                f"{language.english_name} translation of the openletter catalog.",
                "This file is distributed under the same license as the openletter project.",
            ],
        )
        catalog = Catalog(header=header)
        for name, value in [
            ("Project-Id-Version", fields.get("Project-Id-Version", "openletter")),
            ("Report-Msgid-Bugs-To", fields.get("Report-Msgid-Bugs-To", "")),
            ("POT-Creation-Date", fields.get("POT-Creation-Date", moment)),
            ("PO-Revision-Date", moment),
            ("Last-Translator", ""),
            ("Language-Team", f"{language.english_name} <{self.project.bugs_address}>" if self.project.bugs_address else language.english_name),
            ("Language", language.code),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"),
            ("Plural-Forms", str(language.plural_forms)),
            (REVIEW_HEADER, UNREVIEWED),
        ]:
            catalog.set_header_field(name, value)
        return catalog

    def add_language(self, code: str | Language) -> Written:
        """Create every catalog of a new language; refuse bad codes before writing anything.

        ``code`` is taken as people type it (``pt-BR``, ``zh-hans``): the folder gets the canonical
        CLDR code (:meth:`Language.from_input`)."""
        language = code if isinstance(code, Language) else Language.from_input(code)
        if language == self.project.source_language:
            raise LanguageError(f"{language.code!r} is the source language; its text is the content itself", value=code)
        paths = {domain: self.project.catalog_path(language, domain) for domain in self.project.domains()}
        existing = [path for path in paths.values() if path.exists()]
        if existing:
            raise LanguageError(
                f"language {language.code!r} already exists; use 'invoke update'", path=self.project.relative(existing[0]), value=code
            )
        data = {}
        for domain, path in paths.items():
            template = self.template(domain)
            catalog, _ = merge(self.new_catalog(language, template), template)
            data[path] = self.writer.dump_bytes(catalog)
        written = Written()
        for path, payload in data.items():
            write_bytes_atomic(path, payload)
            written.record(path, True)
        return written
