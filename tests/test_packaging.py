"""The package metadata setuptools reads without deprecation warnings."""

from __future__ import annotations

import re
import tomllib

from conftest import REPO


def test_the_license_is_an_spdx_expression_for_a_setuptools_that_reads_it() -> None:
    """A ``license = { text = … }`` table makes setuptools >= 77 warn (twice) on every build; the
    SPDX string form needs 77 or later, so the build requirement says so."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"
    (setuptools,) = [requirement for requirement in pyproject["build-system"]["requires"] if requirement.startswith("setuptools")]
    minimum = re.fullmatch(r"setuptools>=(\d+)(?:\.\d+)*", setuptools)
    assert minimum and int(minimum.group(1)) >= 77
