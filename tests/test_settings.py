"""The settings table: every setting checked once, a bad value named with its file and line."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from contextlib import redirect_stderr

import pytest
from conftest import REPO, SiteCopy

from openletter.commands import actions
from openletter.errors import ErrorList, SettingsError
from openletter.settings import _BY_NAME, SETTINGS, SettingsFile, load_settings

#: A bad value for every setting, and what the error says of it.
BAD_VALUES = {
    "OPENLETTER_HOME": ('"../letter"', "must name a content file"),
    "OPENLETTER_LOCALE_PATH": ("3", "must be a string"),
    "OPENLETTER_BUGS_ADDRESS": ('"bugs@example.org\\nLanguage: xx"', "must not contain control characters"),
    "OPENLETTER_NODE_MODULES": ("None", "must be a string"),
    "OPENLETTER_CACHE_PATH": ("False", "must be a string"),
    "OPENLETTER_PUBLISH_THRESHOLD": ('"50"', "must be a percentage from 0 to 100"),
    "OPENLETTER_HELP_URL": ('"javascript:alert(1)"', "must be an http(s) address or a path on the site"),
    "OPENLETTER_TRANSLATOR_PAGES": ('"false"', "must be True or False"),
    "OPENLETTER_REPOSITORY_URL": ('"forge.example/letter"', "must be an absolute http(s) address"),
    "OPENLETTER_SUGGESTIONS_EMAIL": ('"Ana <reviews@example.org>"', "must be one e-mail address (name@example.org) or empty"),
    "OPENLETTER_SIGNATURES_CONTACT": ('"http://forms.example/remove"', "must be one e-mail address (name@example.org), an https:// address of a form, or empty"),
    "OPENLETTER_SIGNATURES_REMOVAL_DAYS": ("0", "must be a whole number of days from 1 to 366"),
    "OPENLETTER_PSEUDO_LOCALE": ("1", "must be True or False"),
    "OPENLETTER_SKIP_BROKEN": ('"yes"', "must be True or False"),
    "OPENLETTER_MAX_CATALOG_BYTES": ('"x"', "must be a whole number of bytes above 0"),
    "OPENLETTER_PDF": ('"always"', "must be True or False"),
    "OPENLETTER_PDF_PAPERS": ('["A4", "B5"]', "unknown paper size 'B5': use 'A4', 'A5', 'Letter'"),
    "OPENLETTER_CHROMIUM": ("None", "must be a string"),
    "OPENLETTER_SIGNERS_SHOWN": ("-1", "must be a whole number, 0 or more"),
    "OPENLETTER_NOTABLE_SIGNERS": ('["k7q2m9x0"]', "'k7q2m9x0' is not a record id"),
    "OPENLETTER_SIGNERS_PER_PAGE": ("5", "must be a whole number from 10 to 5000"),
    "OPENLETTER_DEPLOY": ('"ftp:server"', "unknown deploy target 'ftp:server': use 'gh-pages', 'git:<branch>' or 'rsync:<destination>'"),
}


def append(project: SiteCopy, text: str) -> int:
    """Append ``text`` to the project's pelicanconf.py; the line number of its last line."""
    with project.config.open("a", encoding="utf-8") as handle:
        handle.write(text + "\n")
    return len(project.config.read_text(encoding="utf-8").splitlines())


def test_every_setting_has_a_bad_value_case() -> None:
    assert set(BAD_VALUES) == {setting.name for setting in SETTINGS}


@pytest.mark.parametrize("name", sorted(BAD_VALUES))
def test_a_bad_value_is_an_error_on_its_line_exit_1_no_traceback(project: SiteCopy, name: str) -> None:
    value, fragment = BAD_VALUES[name]
    line = append(project, f"{name} = {value}")
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        status = actions.build_site(project.config, project.root / "output")
    assert status == 1
    assert stderr.getvalue().startswith(f"{project.config}:{line}: error: {name}: {fragment}")
    assert "Traceback" not in stderr.getvalue()
    assert not (project.root / "output").exists()


def test_the_command_line_says_the_same_without_a_traceback(project: SiteCopy) -> None:
    line = append(project, 'OPENLETTER_MAX_CATALOG_BYTES = "x"')
    result = subprocess.run(
        [sys.executable, "-m", "openletter.commands.cli", "build"], cwd=project.root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert result.stderr == f"{project.config}:{line}: error: OPENLETTER_MAX_CATALOG_BYTES: must be a whole number of bytes above 0, got 'x'\n"


def test_every_bad_setting_is_reported_at_once(project: SiteCopy) -> None:
    first = append(project, "OPENLETTER_SKIP_BROKEN = 1")
    second = append(project, "OPENLETTER_PUBLISH_THRESHOLD = 101")
    with pytest.raises(ErrorList) as raised:
        load_settings(project.config)
    assert sorted((error.line, error.message.split(":")[0]) for error in raised.value.errors) == [
        (first, "OPENLETTER_SKIP_BROKEN"), (second, "OPENLETTER_PUBLISH_THRESHOLD"),
    ]


def test_a_missing_folder_is_reported_with_every_other_bad_setting_in_the_file_s_order(project: SiteCopy) -> None:
    """A bad ``PATH`` (checked before Pelican reads the file) does not hide the settings after it."""
    first = append(project, 'PATH = "missing"')
    second = append(project, "OPENLETTER_SKIP_BROKEN = 1")
    third = append(project, 'THEME = "nowhere"')
    result = subprocess.run(
        [sys.executable, "-m", "openletter.commands.cli", "build"], cwd=project.root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"{project.config}:{first}: error: PATH: 'missing' is not a folder\n"
        f"{project.config}:{second}: error: OPENLETTER_SKIP_BROKEN: must be True or False, got 1\n"
        f"{project.config}:{third}: error: THEME: 'nowhere' is not a folder with templates/\n"
    )
    assert not (project.root / "output").exists()


def test_an_unknown_openletter_setting_is_a_typo_with_a_suggestion(project: SiteCopy) -> None:
    line = append(project, "OPENLETTER_SKIP_BROKNE = True")
    with pytest.raises(SettingsError, match="OPENLETTER_SKIP_BROKNE: is not an openletter setting; did you mean OPENLETTER_SKIP_BROKEN") as raised:
        load_settings(project.config)
    assert raised.value.line == line


@pytest.mark.parametrize(
    ("setting", "fragment"),
    [
        ('PATH = "missing"', "PATH: 'missing' is not a folder"),
        ('THEME = "nowhere"', "THEME: 'nowhere' is not a folder with templates/"),
        ('DEFAULT_LANG = "english"', "DEFAULT_LANG: unknown language code 'english'"),
        ('OPENLETTER_HOME = "preface"', "OPENLETTER_HOME: names preface.md, which is not in"),
    ],
)
def test_pelican_settings_openletter_relies_on_are_checked_too(project: SiteCopy, setting: str, fragment: str) -> None:
    line = append(project, setting)
    with pytest.raises(SettingsError, match=re.escape(fragment)) as raised:
        load_settings(project.config)
    assert (raised.value.path, raised.value.line) == (project.config, line)


def test_a_settings_file_python_cannot_run_names_its_line(project: SiteCopy) -> None:
    line = append(project, "OPENLETTER_HOME = undefined_name")
    with pytest.raises(SettingsError, match="cannot load settings: NameError") as raised:
        load_settings(project.config)
    assert raised.value.line == line


def test_publishconf_errors_point_at_the_file_that_sets_the_value(project: SiteCopy) -> None:
    publishconf = project.root / "publishconf.py"
    publishconf.write_text((REPO / "publishconf.py").read_text(encoding="utf-8"), encoding="utf-8")
    line = append(project, "OPENLETTER_TRANSLATOR_PAGES = 0")
    with pytest.raises(SettingsError) as raised:
        load_settings(publishconf)
    assert (raised.value.path, raised.value.line) == (project.config, line)  # set in pelicanconf.py, read by publishconf.py
    assert SettingsFile(publishconf).line_of("SITEURL")[0] == publishconf


def test_defaults_are_filled_in_for_the_theme(project: SiteCopy) -> None:
    text = project.config.read_text(encoding="utf-8")
    project.config.write_text(re.sub(r"^OPENLETTER_HELP_URL = .*$", "", text, flags=re.MULTILINE), encoding="utf-8")
    settings = load_settings(project.config)
    assert settings["OPENLETTER_HELP_URL"] == "translate/"  # the table's default
    assert settings["OPENLETTER_MAX_CATALOG_BYTES"] == 1_000_000


@pytest.mark.parametrize("value", ["", "privacy@example.org", "https://forms.example/remove?letter=1"])
def test_a_signatures_contact_is_an_address_an_https_form_or_nothing(value: str) -> None:
    assert _BY_NAME["OPENLETTER_SIGNATURES_CONTACT"].kind.convert(value) == value


@pytest.mark.parametrize("value", ["mailto:privacy@example.org", "Ana <privacy@example.org>", "https://", "forms.example/remove", " privacy@example.org", 3])
def test_a_signatures_contact_that_no_reader_could_use_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match="e-mail address|must be a string"):
        _BY_NAME["OPENLETTER_SIGNATURES_CONTACT"].kind.convert(value)


@pytest.mark.parametrize("value", [1, 30, 366])
def test_removal_days_are_whole_days_within_a_year(value: int) -> None:
    assert _BY_NAME["OPENLETTER_SIGNATURES_REMOVAL_DAYS"].kind.convert(value) == value


@pytest.mark.parametrize("value", [0, 367, 7.5, True, "30"])
def test_removal_days_outside_a_year_or_not_whole_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="from 1 to 366"):
        _BY_NAME["OPENLETTER_SIGNATURES_REMOVAL_DAYS"].kind.convert(value)


def test_the_readme_documents_every_setting_as_the_table_says() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        row = next((line for line in readme.splitlines() if line.startswith(f"| `{setting.name}` |")), None)
        assert row is not None, f"{setting.name} is not in the README's settings table"
        assert f"`{setting.default!r}`" in row and setting.meaning in row, row


def test_the_settings_file_of_a_plain_pelican_run_is_found(project: SiteCopy) -> None:
    from pelican.settings import read_settings

    settings = read_settings(str(project.config))
    assert SettingsFile.of_pelican_run(settings).path == project.config.resolve()
