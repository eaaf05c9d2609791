"""Shared fixtures: a throwaway copy of the project, and the GNU gettext oracles."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from filelock import FileLock

from openletter.cache import Cache
from openletter.errors import Problem
from openletter.exemplars import add_scripted_languages
from openletter.fonts import FontBuilder
from openletter.languages import Language
from openletter.maintenance import Catalogs
from openletter.po.pofile import read_po
from openletter.po.powriter import PoWriter
from openletter.project import Project
from openletter.pseudo import pseudo_translate
from openletter.settings import OPTIONS_KEY, Options, load_settings

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

#: Appended to the repository's own pelicanconf.py in every project copy.
TEST_SETTINGS = (
    'OPENLETTER_HELP_URL = "https://help.example/"\n'
    # One content-addressed cache for every test project: webfont subsets are costly to make cold.
    f"OPENLETTER_CACHE_PATH = {str(REPO / '.cache' / 'tests')!r}\n"
    f"OPENLETTER_NODE_MODULES = {str(REPO / 'node_modules')!r}\n"
)


#: Test files that read the same costly site run in one process (make test: ``--dist loadgroup``),
#: so that one builds it while the other process goes on with other files instead of waiting for it.
SITE_GROUPS = {
    "tests/test_many_languages.py": "many-languages",
    "tests/browser/test_many_languages.py": "many-languages",
    "tests/test_takeaway_pdf.py": "takeaway",
    "tests/test_takeaway_card.py": "takeaway",
    "tests/browser/test_takeaway.py": "takeaway",
}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test file is one unit of work for pytest-xdist (its module fixtures are made once),
    and the files of a :data:`SITE_GROUPS` group one unit together."""
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        item.add_marker(pytest.mark.xdist_group(SITE_GROUPS.get(path, path)))


def gettext_tool(*args: str, input_bytes: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(list(args), input=input_bytes, capture_output=True, check=False)


def msgcat_bytes(path: Path) -> bytes:
    """What GNU msgcat writes for ``path`` (the byte-exactness oracle)."""
    result = gettext_tool("msgcat", str(path))
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


class SiteCopy:
    """A copy of the repository's content and theme in ``tmp_path``, with a second document
    (``content/about.md``, at ``/<lang>/about/``) beside the letter."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for name in ("content", "theme"):
            shutil.copytree(REPO / name, root / name)
        shutil.copy(DATA / "content" / "about.md", root / "content" / "about.md")
        (root / "locale").mkdir()
        for name in ("letter.cfg", "theme.cfg"):
            shutil.copy(REPO / "locale" / name, root / "locale" / name)
        self.config = root / "pelicanconf.py"
        self.config.write_text((REPO / "pelicanconf.py").read_text(encoding="utf-8") + TEST_SETTINGS, encoding="utf-8")

    @property
    def options(self) -> Options:
        options: Options = load_settings(self.config)[OPTIONS_KEY]
        return options

    @property
    def project(self) -> Project:
        return Project.from_options(self.options)

    def catalogs(self, **environ: str) -> Catalogs:
        return Catalogs(self.project, environ={"SOURCE_DATE_EPOCH": "1700000000", **environ}, cache=Cache(self.options.cache_path))

    def po(self, code: str, domain: str = "letter") -> Path:
        return self.root / "locale" / code / "LC_MESSAGES" / f"{domain}.po"

    def write_content(self, body: str, title: str = "Test letter", extra: str = "") -> None:
        (self.root / "content" / "letter.md").write_text(
            f"Title: {title}\nDate: 2026-11-26\nSummary: A summary.\n{extra}\n{body}", encoding="utf-8"
        )

    def list_every_language(self) -> None:
        """List a language however little of it is translated (``OPENLETTER_PUBLISH_THRESHOLD = 0``),
        for a test of how a partial translation looks in the menus (below the default it is a draft)."""
        with self.config.open("a", encoding="utf-8") as handle:
            handle.write("OPENLETTER_PUBLISH_THRESHOLD = 0\n")

    def add_pseudo_language(self, code: str) -> None:
        """Add ``code`` with every letter and theme entry pseudo-translated."""
        catalogs = self.catalogs()
        catalogs.extract()
        catalogs.add_language(code)
        for domain in self.project.domains():
            path = self.po(code, domain)
            catalog = pseudo_translate(read_po(path))
            path.write_bytes(PoWriter().dump_bytes(catalog))


    def add_scripted_languages(self, count: int) -> list[Language]:
        """Add ``count`` real CLDR languages written in their own scripts (:mod:`openletter.exemplars`)."""
        node_modules = REPO / "node_modules"
        fonts = FontBuilder(node_modules, Cache(REPO / ".cache" / "tests"))
        return add_scripted_languages(self.catalogs(), count, node_modules, lambda exemplars: fonts.covers(exemplars.language.tag, exemplars.letters))


def shipped_copy(root: Path, languages: Collection[str] | None = None) -> SiteCopy:
    """The repository's own project (its content, every shipped catalog or only those of
    ``languages``, its exact settings) under ``root``, with the test settings (the shared cache and
    node_modules).  A test about a few languages builds in a fraction of the time of all 51."""
    copy = SiteCopy(root)
    (root / "content" / "about.md").unlink()  # the shipped content is the letter alone
    shutil.rmtree(root / "locale")
    shutil.copytree(REPO / "locale", root / "locale", ignore=None if languages is None else _other_languages(set(languages)))
    shutil.copy(REPO / "pelicanconf.py", copy.config)
    with copy.config.open("a", encoding="utf-8") as handle:
        handle.write(TEST_SETTINGS.split("\n", 1)[1])  # the shared cache and node_modules only
    return copy


def _other_languages(kept: set[str]) -> Callable[[str, list[str]], set[str]]:
    """A ``copytree`` filter leaving out the language folders of ``locale/`` not in ``kept``."""
    top = str(REPO / "locale")
    return lambda folder, names: {name for name in names if folder == top and (REPO / "locale" / name).is_dir() and name not in kept}


def build_shipped_site(root: Path, pseudo: bool = False) -> Path:
    """The repository's own site built under ``root`` (with the pseudo-locale, on request)."""
    from openletter.commands.build import build

    copy = shipped_copy(root)
    build(copy.config, root / "output", pseudo=pseudo)
    return root / "output"


Built = TypeVar("Built")


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Built]) -> Built:
    """``make(folder)``, once per test run even when pytest-xdist runs the tests in several
    processes: the first process to ask makes it in the run's shared temporary folder, the
    others wait for it and read what it returned (pickled beside it).  For sites the tests only read."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # pytest-of-<user>/pytest-<n>/, shared by the run's workers
    folder = base / name
    made = base / f"{name}.pickle"
    with FileLock(base / f"{name}.lock"):
        if made.exists():
            value: Built = pickle.loads(made.read_bytes())
            return value
        folder.mkdir()
        value = make(folder)
        made.write_bytes(pickle.dumps(value))
        return value


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once for every test that only reads it."""
    return built_once(tmp_path_factory, "shipped", lambda folder: build_shipped_site(folder / "site"))


#: The address the takeaway site is built for, as a publish build sets ``SITEURL``.
TAKEAWAY_SITEURL = "https://letter.example"


@dataclass
class TakeawaySite:
    """The shipped site built as ``invoke publish`` builds it: absolute URLs, PDFs and share cards."""

    output: Path
    result: Any  # the build's BuildResult


@pytest.fixture(scope="session")
def takeaway_site(tmp_path_factory: pytest.TempPathFactory) -> TakeawaySite:
    """Its own build, not ``shipped_site``'s: development builds make no PDFs or cards (Chromium
    renders ~150 files cold, ~25 s; warm, from the shared cache, this build takes ~4 s)."""
    from openletter.commands.build import build

    def make(folder: Path) -> TakeawaySite:
        copy = shipped_copy(folder / "site")
        overrides = {"SITEURL": TAKEAWAY_SITEURL, "RELATIVE_URLS": False}
        return TakeawaySite(copy.root / "output", build(copy.config, copy.root / "output", overrides=overrides, pdf=True))

    return built_once(tmp_path_factory, "takeaway", make)


@pytest.fixture
def project(tmp_path: Path) -> SiteCopy:
    return SiteCopy(tmp_path / "site")


@dataclass
class ManyLanguages:
    """A built site of 150 real languages in every script a webfont covers, with its translators' pages."""

    project: SiteCopy
    languages: list[Language]
    output: Path
    warnings: list[Problem]


#: How many languages the big test site publishes: the most the theme is designed for.
MANY = 150


@pytest.fixture(scope="session")
def many_languages(tmp_path_factory: pytest.TempPathFactory) -> ManyLanguages:
    from openletter.commands.build import build

    def make(folder: Path) -> ManyLanguages:
        project = SiteCopy(folder / "site")
        (project.root / "content" / "about.md").unlink()
        languages = project.add_scripted_languages(MANY)
        result = build(project.config, project.root / "output")
        return ManyLanguages(project, languages, project.root / "output", list(result.warnings))

    return built_once(tmp_path_factory, "many-languages", make)
