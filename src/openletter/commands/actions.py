"""The user-facing commands behind ``invoke`` and ``openletter``: print, never trace back.

Each returns an exit status.  A user error (bad catalog, bad code, bad
setting) is printed as ``path:line: error: message`` on stderr with status 1;
only a bug in openletter itself shows a traceback.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from babel import Locale

from openletter.cache import Cache
from openletter.checks import formats
from openletter.content.segments import new_markdown
from openletter.errors import ErrorList, OpenletterError, SettingsError
from openletter.languages import Language
from openletter.loading import LoadedCatalogs, load_documents
from openletter.maintenance import Catalogs, Written
from openletter.project import Project
from openletter.settings import OPTIONS_KEY, Options, load_settings
from openletter.signatures.check import check_signatures


def report_error(error: OpenletterError, stream: TextIO) -> None:
    for line in error.lines():
        print(line, file=stream)


class BuildFailed(OpenletterError):
    """A build whose errors were reported already (with what happened to the site)."""

    def __init__(self) -> None:
        super().__init__("build failed")

    def lines(self) -> list[str]:
        return []


def _each(error: OpenletterError) -> list[OpenletterError]:
    """``error``, or each error of a list."""
    return list(error.errors) if isinstance(error, ErrorList) else [error]


def guarded(action: Callable[[], None], stream: TextIO | None = None) -> int:
    """Run ``action``; turn user errors into messages and status 1."""
    try:
        action()
    except OpenletterError as error:
        report_error(error, stream or sys.stderr)
        return 1
    return 0


def _options(config: Path) -> Options:
    options: Options = load_settings(config)[OPTIONS_KEY]
    return options


def _repository_url(config: Path) -> str:
    """``OPENLETTER_REPOSITORY_URL`` (checked, '' when unset): where a SARIF viewer links the tool to."""
    return str(load_settings(config).get("OPENLETTER_REPOSITORY_URL", "") or "")


def _catalogs(config: Path) -> Catalogs:
    options = _options(config)
    return Catalogs(Project.from_options(options), cache=Cache(options.cache_path))


def _load(config: Path) -> LoadedCatalogs:
    """Every catalog of the project, checked (through the build cache, as a build checks them)."""
    options = _options(config)
    project = Project.from_options(options)
    markdown = new_markdown()
    return LoadedCatalogs.load(project, load_documents(project, markdown), markdown, options.max_catalog_bytes, Cache(options.cache_path))


def _print_written(written: Written, project: Project, out: TextIO) -> None:
    for path in written.changed:
        line = f"wrote {project.relative(path)}"
        report = written.reports.get(path)
        if report:
            line += f" ({report.kept} kept, {report.fuzzy} fuzzy, {report.new} new, {report.obsoleted} obsolete)"
        print(line, file=out)
    print(f"{len(written.changed)} file(s) written, {len(written.unchanged)} unchanged", file=out)


def extract(config: Path, out: TextIO = sys.stdout) -> int:
    def action() -> None:
        catalogs = _catalogs(config)
        _print_written(catalogs.extract(), catalogs.project, out)

    return guarded(action)


def update(config: Path, out: TextIO = sys.stdout) -> int:
    def action() -> None:
        catalogs = _catalogs(config)
        _print_written(catalogs.update(), catalogs.project, out)

    return guarded(action)


def add_language(config: Path, code: str, out: TextIO = sys.stdout) -> int:
    """Create a language's catalogs from a code as typed (``pt-BR``), say where, and what next."""

    def action() -> None:
        language = Language.from_input(code)
        catalogs = _catalogs(config)
        _print_written(catalogs.add_language(language), catalogs.project, out)
        folder = catalogs.project.relative(catalogs.project.locale_dir / language.code)
        print(f"created {folder}/: {language.english_name}, CLDR locale {language.code}, published at /{language.slug}/", file=out)
        note = _shorter_code_note(code, language, catalogs.project)
        if note:
            print(note, file=out)
        print(
            "next steps:\n"
            "  1. translate the files above with Poedit, Lokalize, Weblate or a text editor (see CONTRIBUTING.md)\n"
            "  2. invoke check        # path:line problems, if any\n"
            f"  3. invoke preview      # then open http://127.0.0.1:8000/{language.slug}/: it reloads after each save\n"
            "  4. commit both files; a native speaker's review sets X-Review-State: reviewed",
            file=out,
        )

    return guarded(action)


def _shorter_code_note(code: str, language: Language, project: Project) -> str | None:
    """A word when ``code`` names a region CLDR's shorter code already means (``ca-ES``: ``ca`` is
    Catalan as written in Spain) and no other variant of the language is in the project: the
    project names a language by its short code unless variants stand side by side (``pt_BR`` and
    ``pt_PT``).  The catalogs are made as asked all the same: a region typed on purpose is kept."""
    short = language.short_code
    if short is None or short == project.source_language.code:
        return None
    others = [other for other in project.discover_languages()[0] if other != language]
    if any(other.locale.language == language.locale.language for other in others):
        return None  # a variant beside another one: the region is what tells them apart
    english = Language(short).english_name
    region = Locale("en").territories.get(language.locale.territory, language.locale.territory)
    return (
        f"note: CLDR's '{short}' is {english} as written in {region} too. This project names a language by its short code "
        f"(de, fr) and adds a region only where variants stand side by side (pt_BR beside pt_PT).\n"
        f"  If this is to be the one {english} translation, '{short}' is the usual choice: delete "
        f"{project.relative(project.locale_dir / language.code)}/ and run 'invoke add-language {short}'; "
        f"keep {language.code} if another {english} variant is to come."
    )


def check(config: Path, output_format: str = "text", out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """``path:line: severity: code: message`` per problem and a summary (or JSON, or a CI service's
    format: see :mod:`openletter.checks.formats`); status 1 on any error."""
    status = 0

    def action() -> None:
        nonlocal status
        started = time.perf_counter()
        report = _load(config)
        signed = check_signatures(report.project)
        problems = report.problems() + sorted(signed.problems, key=lambda p: (str(p.path), p.line or 0, p.code))
        errors = sum(problem.severity == "error" for problem in problems)
        warnings = len(problems) - errors
        elapsed = time.perf_counter() - started
        catalogs = sum(len(reports) for reports in report.reports.values())
        summary_stream = out
        if output_format in formats.CI_FORMATS:
            if output_format == "sarif":
                out.write(formats.sarif(problems, _repository_url(config)))
            else:
                out.write(formats.github(problems) if output_format == "github" else formats.gitlab(problems))
            # The report is the output (a file for GitLab); the summary goes to the job's log.
            summary_stream = out if output_format == "github" else err
        if output_format == "json":
            summary: dict[str, float] = {"catalogs": catalogs, "signatures": signed.files, "errors": errors, "warnings": warnings}
            summary["seconds"] = round(elapsed, 3)
            json.dump({"problems": [p.as_dict() for p in problems], "summary": summary}, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            if output_format == "text":
                for problem in problems:
                    print(problem, file=out)
            print(
                f"{catalogs} catalog(s) of {len(report.languages)} translation(s)"
                f"{f' and {signed.files} signature(s)' if signed.files else ''} checked in {elapsed:.2f} s: "
                f"{errors} error(s), {warnings} warning(s)",
                file=summary_stream,
            )
        status = 1 if errors else 0

    return guarded(action) or status


def stats(config: Path, output_format: str = "text", out: TextIO = sys.stdout) -> int:
    """Per language and domain: translated, fuzzy, untranslated units and words; review state."""

    def action() -> None:
        from openletter.po.stats import render

        loaded = _load(config)
        for problem in loaded.problems():
            if problem.severity == "error":
                print(problem, file=sys.stderr)
        print(render(loaded.stats(), output_format), file=out)

    return guarded(action)


def publish(
    config: Path, output: Path, out: TextIO = sys.stdout, push: bool = True, remote: str | None = None, allow_dirty: bool = False
) -> int:
    """Build with the publish settings (checked, absolute URLs) and deploy; say what went where."""

    def action() -> None:
        from openletter.commands.publish import publish as run

        result, deployed = run(config, output, push_branch=push, remote=remote, allow_dirty=allow_dirty)
        for warning in result.warnings:
            print(warning, file=sys.stderr)
        print(f"built {result.languages} language(s) into {result.output}; {deployed.target}: {deployed.detail}", file=out)

    return guarded(action)


def build_site(
    config: Path,
    output: Path | None = None,
    out: TextIO = sys.stdout,
    skip_broken: bool | None = None,
    pseudo: bool = False,
    pdf: bool = False,
) -> int:
    def action() -> None:
        from openletter.commands.build import build  # Pelican and the site: not for check, stats or the catalogs' commands

        try:
            result = build(config, output, skip_broken=skip_broken, pseudo=pseudo, pdf=pdf)
        except OpenletterError as error:
            report_error(error, sys.stderr)
            if all(isinstance(each, SettingsError) for each in _each(error)):  # the build did not start
                raise BuildFailed() from None
            where = Path(output or load_settings(config)["OUTPUT_PATH"]).resolve()
            print(f"build failed: {where} was left as it was" if where.exists() else f"build failed: nothing was written to {where}", file=sys.stderr)
            if not skip_broken and any(str(each.path).endswith(".po") for each in _each(error)):
                print("to build the other languages, leaving out those with a broken catalog (their previous pages are kept): "
                      "invoke build --skip-broken", file=sys.stderr)  # fmt: skip
            raise BuildFailed() from None
        for warning in result.warnings:
            print(warning, file=sys.stderr)
        for language, problems in result.skipped.items():
            for problem in problems:
                print(problem, file=sys.stderr)
            print(f"left out {language.code}: its catalog is broken (previous page kept if there was one)", file=sys.stderr)
        print(
            f"built {result.languages} language(s) (the source and {result.languages - 1} translation(s)), {result.pages} page(s) into {result.output}",
            file=out,
        )

    return guarded(action)


def apply(
    config: Path, suggestion: Path, yes: bool = False, out: TextIO | None = None, err: TextIO | None = None, stdin: TextIO | None = None
) -> int:
    """Apply a suggestion file to its catalog: show each change as a word diff, ask, write; status 1
    when the file or any entry of it was refused, or in conflict with the catalog."""
    status = 0
    out, err, stdin = out or sys.stdout, err or sys.stderr, stdin or sys.stdin  # as they are now (pytest swaps them)

    def action() -> None:
        nonlocal status
        from openletter.checks.checker import CatalogChecker
        from openletter.loading import load_documents
        from openletter.suggestions import plan_suggestion

        options = _options(config)
        project = Project.from_options(options)
        markdown = new_markdown()
        references = {document.domain: document.body.references for document in load_documents(project, markdown)}
        plan = plan_suggestion(project, suggestion, CatalogChecker(markdown, options.max_catalog_bytes), references)
        for problem in plan.problems:
            print(problem, file=err)
        for line in plan.change_lines() + plan.notes:
            print(line, file=out)
        status = 1 if plan.problems else 0
        what = f"{len(plan.changes)} change(s) and {len(plan.marks)} review mark(s)"
        if not plan.changes and not plan.marks:
            print(f"nothing to apply to {plan.shown} ({plan.refused} refused, {plan.conflicts} in conflict)", file=out)
            return
        if not yes:
            print(f"apply {what} to {plan.shown}? [y/N] ", end="", file=out, flush=True)
            answer = stdin.readline().strip().lower()
            if not stdin.isatty():
                print(file=out)  # the answer typed ended the line; a piped one did not
            if answer not in ("y", "yes"):
                print(f"nothing written to {plan.shown}", file=out)
                status = 1
                return
        plan.write()
        print(f"applied {what} to {plan.shown} ({plan.refused} refused, {plan.conflicts} in conflict)", file=out)

    return guarded(action, err) or status
