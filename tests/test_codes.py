"""Every code `check` reports has one meaning, written once (openletter.checks.codes), in the README too."""

from __future__ import annotations

import json

from conftest import REPO

from openletter.checks.codes import CODES
from openletter.checks.formats import sarif
from openletter.errors import Problem


def corpus_codes(folder: str) -> set[str]:
    cases = json.loads((REPO / "tests" / "data" / folder / "cases.json").read_text(encoding="utf-8"))
    return {expected[1] for case in cases.values() for expected in case["expect"]}


def test_every_code_the_bad_input_corpora_expect_has_a_meaning() -> None:
    assert corpus_codes("bad-po") | corpus_codes("bad-signatures") <= set(CODES)


def test_the_readme_names_every_code() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert [code for code in CODES if f"`{code}`" not in readme] == []


def test_sarif_rules_say_what_their_code_means() -> None:
    log = json.loads(sarif([Problem(REPO / "x.po", 3, "error", "html", "raw HTML")]))
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["shortDescription"]["text"] == CODES["html"] == "raw HTML the source does not have"
