"""Settings to folders, and language folders checked once."""

from __future__ import annotations

import pytest

from conftest import SiteCopy
from openletter.commands.build import load_settings
from openletter.errors import ErrorList, LanguageError, SettingsError
from openletter.project import Project


def test_languages_are_the_locale_folders(project: SiteCopy) -> None:
    for name in ("pt_BR", "de", ".git-keep"):
        (project.root / "locale" / name).mkdir()
    assert [language.code for language in project.project.languages()] == ["de", "pt_BR"]


def test_a_source_language_folder_is_refused(project: SiteCopy) -> None:
    (project.root / "locale" / "en").mkdir()
    with pytest.raises(LanguageError, match="source language"):
        project.project.languages()


def test_several_bad_folders_are_reported_together(project: SiteCopy) -> None:
    for name in ("EN_us", "../", "zz"):
        (project.root / "locale" / name).mkdir(exist_ok=True)
    with pytest.raises(ErrorList) as raised:
        project.project.languages()
    assert len(raised.value.errors) == 2


@pytest.mark.parametrize(
    ("setting", "fragment"),
    [
        ('PATH = "missing"', "PATH: 'missing' is not a folder"),
        ('THEME = "nowhere"', "THEME: 'nowhere' is not a folder"),
        ("OPENLETTER_BUGS_ADDRESS = 3", "OPENLETTER_BUGS_ADDRESS: must be a string"),
    ],
)
def test_bad_settings_name_the_setting_and_its_line(project: SiteCopy, setting: str, fragment: str) -> None:
    with project.config.open("a", encoding="utf-8") as handle:
        handle.write(setting + "\n")
    line = len(project.config.read_text(encoding="utf-8").splitlines())
    with pytest.raises(SettingsError, match=fragment) as raised:
        Project.from_settings(load_settings(project.config), project.config)
    assert (raised.value.path, raised.value.line) == (project.config, line)
