"""Translator credits: only names translators chose to publish, and never an address."""

from __future__ import annotations

from pathlib import Path

from openletter.checks.checker import CatalogChecker
from openletter.checks.credits import CREDITS_HEADER, Credits
from openletter.content.segments import new_markdown
from openletter.po.pofile import parse_po

PATH = Path("locale/fa/LC_MESSAGES/letter.po")


def catalog(credits: str):  # type: ignore[no-untyped-def]
    return parse_po(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Last-Translator: Someone <someone@example.org>\\n"\n"{CREDITS_HEADER}: {credits}\\n"\n',
        PATH,
    )


def test_names_are_split_on_semicolons_and_tidied() -> None:
    credits = Credits()
    credits.add(catalog("Ana  Souza ;João Lima; ;"), PATH)
    assert credits.names == ["Ana Souza", "João Lima"] and credits.problems == []


def test_a_name_in_two_catalogs_is_credited_once_in_order() -> None:
    credits = Credits()
    credits.add(catalog("Ana; Li"), PATH)
    credits.add(catalog("Li; Omid"), PATH)
    assert credits.names == ["Ana", "Li", "Omid"]


def test_no_header_means_no_credits_even_with_a_last_translator() -> None:
    credits = Credits()
    credits.add(parse_po('msgid ""\nmsgstr ""\n"Last-Translator: Ana <ana@example.org>\\n"\n', PATH), PATH)
    assert credits.names == [] and credits.problems == []


def test_addresses_urls_markup_and_controls_are_refused_with_the_header_line() -> None:
    credits = Credits()
    credits.add(catalog("Ana; ana@example.org; https://ana.example; <b>Bold</b>; Bad\u0007Bell; " + "x" * 81), PATH)
    assert credits.names == ["Ana"]
    assert [(problem.path, problem.line, problem.severity, problem.code) for problem in credits.problems] == [(PATH, 5, "warning", "credits")] * 5  # the field's own line
    assert "ana@example.org" in credits.problems[0].message


def test_joiners_in_persian_names_are_kept() -> None:
    credits = Credits()
    credits.add(catalog("محمد\u200cرضا"), PATH)
    assert credits.names == ["محمد\u200cرضا"]


def test_check_reports_refused_credits(tmp_path: Path) -> None:
    path = tmp_path / "letter.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fa\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n'
        f'"{CREDITS_HEADER}: Omid; omid@example.org\\n"\n',
        encoding="utf-8",
    )
    report = CatalogChecker(new_markdown(), size_cap=1_000_000).check_file(path)
    assert [(problem.code, problem.line) for problem in report.problems if problem.code == "credits"] == [("credits", 6)]
    assert report.usable  # a warning: the catalog is still used
