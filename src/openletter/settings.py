"""Every ``OPENLETTER_*`` setting in one table, and the one place that reads and checks them.

Like Pelican's ``DEFAULT_CONFIG``: each setting has a default, a kind and a meaning (the README's
table is this table, a test holds them equal).  :func:`validate` checks every value once, before
anything is read or written, fills in the defaults (the theme reads some of them) and returns
:class:`Options`, the checked values that the rest of openletter receives.  A bad value is a
:class:`~openletter.errors.SettingsError` naming the settings file and the line that sets it;
all of them are reported together.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openletter.errors import ErrorList, LanguageError, OpenletterError, SettingsError, raise_all
from openletter.languages import Language
from openletter.record_names import ID_RE
from openletter.takeaway.papers import PAPERS, Paper

#: Where the checked :class:`Options` of a settings dict are kept (lowercase: not a template variable).
OPTIONS_KEY = "_openletter_options"
PREFIX = "OPENLETTER_"
#: The settings file publishconf.py reads its values from (the line of a name it does not set is there).
BASE_SETTINGS_FILE = "pelicanconf.py"


class Kind:
    """What a setting's value must be: ``convert`` returns the value to use or raises ValueError
    with the reason; ``describe`` is the README's word for it."""

    def __init__(self, describe: str, convert: Callable[[Any], Any]) -> None:
        self.describe = describe
        self.convert = convert


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be a string, got {type(value).__name__} {value!r}")
    if any(ord(character) < 0x20 or 0x7F <= ord(character) < 0xA0 for character in value):
        raise ValueError(f"must not contain control characters (a line break, say), got {value!r}")
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be True or False, got {value!r}")
    return value


def _percentage(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise ValueError(f"must be a percentage from 0 to 100, got {value!r}")
    return float(value)


def _positive_integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"must be a whole number of bytes above 0, got {value!r}")
    return value


def _url(value: Any) -> str:
    """An absolute http(s) URL, a site-relative path, or empty."""
    text = _text(value)
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", text)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        raise ValueError(f"must be an http(s) address or a path on the site, got {value!r}")
    if scheme and not text.lower().startswith(("http://", "https://")) or text.startswith("//"):
        raise ValueError(f"must be a whole http(s) address (https://…) or a path on the site, got {value!r}")
    return text


def _absolute_url(value: Any) -> str:
    text = _url(value)
    if text and "://" not in text:
        raise ValueError(f"must be an absolute http(s) address (https://…) or empty, got {value!r}")
    return text


DEPLOY_TARGETS = "'gh-pages', 'git:<branch>' or 'rsync:<destination>'"


#: One address, no display name: ``name@host`` (what a ``mailto:`` link can carry as it is).
_EMAIL_RE = re.compile(r"[^\s@<>()\[\],;:\\\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")


def _email(value: Any) -> str:
    text = _text(value)
    if text and not _EMAIL_RE.fullmatch(text):
        raise ValueError(f"must be one e-mail address (name@example.org) or empty, got {value!r}")
    return text


def _contact(value: Any) -> str:
    """Where a signer asks for removal: one e-mail address, an https address (a form), or empty."""
    text = _text(value)
    if not text or _EMAIL_RE.fullmatch(text):
        return text
    if re.fullmatch(r"https://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", text):
        return text
    raise ValueError(f"must be one e-mail address (name@example.org), an https:// address of a form, or empty, got {value!r}")


def _days(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 366:
        raise ValueError(f"must be a whole number of days from 1 to 366, got {value!r}")
    return value


def _deploy_target(value: Any) -> str:
    text = _text(value)
    if text and text != "gh-pages" and not re.fullmatch(r"git:[^\s:~^?*\[\\]+|rsync:\S.*", text):
        raise ValueError(f"unknown deploy target {value!r}: use {DEPLOY_TARGETS}")
    return text


def _document_name(value: Any) -> str:
    text = _text(value)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", text):
        raise ValueError(f"must name a content file without its .md (such as 'letter'), got {value!r}")
    return text


def _papers(value: Any) -> tuple[Paper, ...]:
    names = list(value) if isinstance(value, list | tuple) else None
    if not names or not all(isinstance(name, str) for name in names):
        raise ValueError(f"must be a list of paper sizes ({', '.join(map(repr, PAPERS))}), got {value!r}")
    unknown = [name for name in names if name not in PAPERS]
    if unknown:
        raise ValueError(f"unknown paper size {unknown[0]!r}: use {', '.join(map(repr, PAPERS))}")
    if len(set(names)) != len(names):
        raise ValueError(f"names a paper size twice: {value!r}")
    return tuple(PAPERS[name] for name in names)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"must be a whole number, 0 or more, got {value!r}")
    return value


def _page_size(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 10 <= value <= 5000:
        raise ValueError(f"must be a whole number from 10 to 5000 (names on a page), got {value!r}")
    return value


def _record_ids(value: Any) -> tuple[str, ...]:
    ids = list(value) if isinstance(value, list | tuple) else None
    if ids is None or not all(isinstance(name, str) for name in ids):
        raise ValueError(f"must be a list of record ids (the 8 letters ending a record's file name), got {value!r}")
    bad = [name for name in ids if not ID_RE.fullmatch(name)]
    if bad:
        raise ValueError(f"{bad[0]!r} is not a record id: 8 letters a-z or 2-7, as in signatures/2026/2026-12-03-k7q2m9xa.toml")
    if len(set(ids)) != len(ids):
        raise ValueError(f"names a record twice: {value!r}")
    return tuple(ids)


TEXT = Kind("text", _text)
BOOLEAN = Kind("True or False", _boolean)
PERCENTAGE = Kind("0 to 100", _percentage)
BYTES = Kind("bytes", _positive_integer)
FOLDER = Kind("folder", _text)
OPTIONAL_FOLDER = Kind("folder or empty", _text)
URL = Kind("URL or site path", _url)
ABSOLUTE_URL = Kind("http(s) URL or empty", _absolute_url)
DEPLOY = Kind("deploy target", _deploy_target)
EMAIL = Kind("e-mail address or empty", _email)
DOCUMENT = Kind("content file name", _document_name)
PAPER_LIST = Kind("paper sizes", _papers)
CONTACT = Kind("e-mail address, https URL or empty", _contact)
DAYS = Kind("1 to 366 days", _days)
COUNT = Kind("0 or more", _count)
PAGE_SIZE = Kind("10 to 5000", _page_size)
RECORD_IDS = Kind("record ids", _record_ids)


@dataclass(frozen=True, slots=True)
class Setting:
    """One ``OPENLETTER_*`` setting: its name, default, kind and meaning."""

    name: str
    default: Any
    kind: Kind
    meaning: str


#: Every setting openletter reads, in the order the README lists them.
SETTINGS: tuple[Setting, ...] = (
    Setting("OPENLETTER_HOME", "letter", DOCUMENT, "the content file whose pages are `/<lang>/` and the chooser at `/`; every other `content/<name>.md` is at `/<lang>/<name>/`"),
    Setting("OPENLETTER_LOCALE_PATH", "locale", FOLDER, "the templates (`<name>.pot`) and the catalogs (`<ll>/LC_MESSAGES/<name>.po`), relative to the settings file"),
    Setting("OPENLETTER_BUGS_ADDRESS", "", TEXT, "`Report-Msgid-Bugs-To` of the templates"),
    Setting("OPENLETTER_NODE_MODULES", "node_modules", FOLDER, "the npm packages `npm ci` installs from package-lock.json (the webfonts)"),
    Setting("OPENLETTER_CACHE_PATH", ".cache/openletter", OPTIONAL_FOLDER, "the build cache; empty turns it off (every build is then a first build)"),
    Setting("OPENLETTER_PUBLISH_THRESHOLD", 80, PERCENTAGE, "percent of a language's units that must be translated for it to be listed (menus, chooser, hreflang, sitemap, the language notice); below it the language is a `noindex` draft, built but not listed. 80: a reader of a listed language finds the letter in it with a paragraph or two in English at most, and a listed language stays listed while its translators catch up with an edit of the English; a translation just begun is a draft, seen by URL. 0 lists every language"),
    Setting("OPENLETTER_HELP_URL", "translate/", URL, "where \"Help improve this translation\" leads (a path on the site or an http(s) address; empty hides the link)"),
    Setting("OPENLETTER_TRANSLATOR_PAGES", True, BOOLEAN, "build the translators' pages: `translate/` dashboards, `<lang>/review/`, badges, catalog downloads"),
    Setting("OPENLETTER_REPOSITORY_URL", "", ABSOLUTE_URL, "the project's repository, linked from the dashboards; on GitHub, GitLab, Codeberg, Forgejo or Gitea (`…/tree/<branch>` names a branch other than `main`) the review pages also link each catalog's web editor and the forge's new-issue and new-file pages"),
    Setting("OPENLETTER_SUGGESTIONS_EMAIL", "", EMAIL, "where the review pages offer to send a suggestion by e-mail (`mailto:`); empty: no e-mail link"),
    Setting("OPENLETTER_SIGNATURES_CONTACT", "", CONTACT, "where a signer asks for their signature to be removed without a forge account (and may send it by e-mail): an e-mail address (a `mailto:` link) or the https address of a form, shown on every sign page; with `OPENLETTER_REPOSITORY_URL` or this set, each language has a sign page at `/<lang>/sign/`"),
    Setting("OPENLETTER_SIGNATURES_REMOVAL_DAYS", 30, DAYS, "within how many days a removal request is acted on, as the sign pages and signatures/README.md promise"),
    Setting("OPENLETTER_PSEUDO_LOCALE", False, BOOLEAN, "also build the pseudo-locale at `/en-xa/` and report English it shows (`invoke build --pseudo`); never published"),
    Setting("OPENLETTER_SKIP_BROKEN", False, BOOLEAN, "leave out a language whose catalog is broken instead of stopping the build (`--skip-broken`); its previous pages stay"),
    Setting("OPENLETTER_MAX_CATALOG_BYTES", 1_000_000, BYTES, "a larger catalog is refused before it is read"),
    Setting("OPENLETTER_PDF", False, BOOLEAN, "also make each language's letter as PDF and its share card (the `og:image`), both rendered by Chromium: 0.1–0.3 s a file whenever its language changed, so development builds leave them out; `invoke build --pdf` makes them, and publishconf.py turns this on"),
    Setting("OPENLETTER_PDF_PAPERS", ("A4", "Letter"), PAPER_LIST, f"the paper sizes of the PDFs, one file each: {', '.join(map(repr, PAPERS))}"),
    Setting("OPENLETTER_CHROMIUM", "/usr/bin/chromium-headless-shell", TEXT, "the Chromium that renders the PDFs and share cards (Debian's `chromium-headless-shell`, which `make system-packages` installs: the engine without the desktop browser, half the CPU of `chromium --headless`; `/usr/bin/chromium` works too)"),
    Setting("OPENLETTER_SIGNERS_SHOWN", 10, COUNT, "how many signatories each letter's page names under the count: the notable ones, then the most recent; 0 shows the count alone"),
    Setting("OPENLETTER_NOTABLE_SIGNERS", (), RECORD_IDS, "signatories named first under the count, by the id ending their record's file name (`k7q2m9xa` for `signatures/2026/2026-12-03-k7q2m9xa.toml`); an id no record has stops the build"),
    Setting("OPENLETTER_SIGNERS_PER_PAGE", 500, PAGE_SIZE, "names on each page of a language's list of signatories (`<lang>/signatures/`), about: a page is cut where the names say, so it holds half to twice as many; 500 names weigh ~40 kB of HTML (9 kB gzip); 100,000 signers make ~380 pages a language (by name and by country)"),
    Setting("OPENLETTER_DEPLOY", "", DEPLOY, f"where `invoke publish` puts the site: {DEPLOY_TARGETS} (publishconf.py reads it from the environment variable of the same name)"),
)  # fmt: skip
_BY_NAME = {setting.name: setting for setting in SETTINGS}


@dataclass(frozen=True, slots=True)
class SettingsFile:
    """The settings file a value came from, to point an error at the line that sets it."""

    path: Path | None

    def line_of(self, name: str) -> tuple[Path | None, int | None]:
        """The file and line of the last ``NAME =`` (the one Python keeps); a name publishconf.py
        takes from pelicanconf.py is found there."""
        if self.path is None:
            return None, None
        candidates = [self.path, self.path.with_name(BASE_SETTINGS_FILE)]
        pattern = re.compile(rf"^\s*{re.escape(name)}\s*[:=]")
        for path in dict.fromkeys(candidates):
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            found = [number for number, line in enumerate(lines, start=1) if pattern.match(line)]
            if found:
                return path, found[-1]
        return self.path, None

    def error(self, name: str, message: str, value: object = None) -> SettingsError:
        path, line = self.line_of(name)
        return SettingsError(f"{name}: {message}", path=path, line=line, value=value)

    @classmethod
    def of_pelican_run(cls, settings: Mapping[str, Any]) -> SettingsFile:
        """The file a plain ``pelican`` run read ``settings`` from.

        Pelican keeps no path in the settings, but it runs the file as a module registered in
        ``sys.modules`` (``pelican.settings.load_source``) and keeps the very objects the file
        made: the module holding most of the settings' lists and dicts is the file.  Failing
        that, ``pelicanconf.py`` in the current folder, where ``pelican`` looks by default."""
        shared = [(name, value) for name, value in settings.items() if name.isupper() and isinstance(value, list | dict)]
        best, most = None, 0
        for module in list(sys.modules.values()):
            path = getattr(module, "__file__", None)
            if path and path.endswith(".py"):
                count = sum(getattr(module, name, None) is value for name, value in shared)
                if count > most:  # Pelican's own modules share one global or two with it at most
                    best, most = path, count
        if best is not None and most >= 2:
            return cls(Path(best).resolve())
        default = Path.cwd() / BASE_SETTINGS_FILE
        return cls(default.resolve() if default.is_file() else None)


@dataclass(frozen=True, slots=True)
class Options:
    """The checked settings the code reads (the theme reads its own, such as ``OPENLETTER_HELP_URL``,
    from Pelican's settings, checked and filled in by :func:`validate` all the same)."""

    file: SettingsFile
    root: Path
    content_path: Path
    theme_path: Path
    source_language: Language
    site_url: str
    relative_urls: bool
    home: str
    locale_path: Path
    bugs_address: str
    node_modules: Path
    cache_path: Path | None
    publish_threshold: float
    translator_pages: bool
    pseudo_locale: bool
    skip_broken: bool
    max_catalog_bytes: int
    deploy: str
    repository_url: str = ""
    suggestions_email: str = ""
    pdf: bool = False
    papers: tuple[Paper, ...] = ()
    chromium: Path = Path("/usr/bin/chromium-headless-shell")
    signatures_contact: str = ""
    removal_days: int = 30
    signers_shown: int = 10
    notable_signers: tuple[str, ...] = ()
    signers_per_page: int = 500

    @property
    def absolute_site_url(self) -> str:
        """``SITEURL`` when it is an absolute address (a publish build), else empty."""
        return self.site_url if "://" in self.site_url else ""


def validate(settings: MutableMapping[str, Any], file: SettingsFile) -> Options:
    """Check every setting openletter reads, fill in the defaults, and keep the result in
    ``settings`` (under :data:`OPTIONS_KEY`); every bad value raises, all at once."""
    errors: list[OpenletterError] = []
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = settings.get(setting.name, setting.default)
        try:
            values[setting.name] = setting.kind.convert(raw)
        except ValueError as error:
            errors.append(file.error(setting.name, str(error), raw))
    for name in settings:
        if name.startswith(PREFIX) and name not in _BY_NAME:
            close = difflib.get_close_matches(name, _BY_NAME, n=1)
            hint = f"; did you mean {close[0]}?" if close else "; the README lists them"
            errors.append(file.error(name, f"is not an openletter setting{hint}", settings[name]))
    root = _root(file)
    try:
        folders = _check_folders(settings, file)
    except OpenletterError as error:
        errors += error.errors if isinstance(error, ErrorList) else [error]
        folders = {"PATH": root / "content", "THEME": root / "theme"}
    try:
        source = Language.parse(str(settings.get("DEFAULT_LANG", "en")))
    except LanguageError as error:
        errors.append(file.error("DEFAULT_LANG", error.message, settings.get("DEFAULT_LANG")))
        source = Language("en")
    site_url = settings.get("SITEURL", "")
    if not isinstance(site_url, str):
        errors.append(file.error("SITEURL", f"must be a string, got {site_url!r}", site_url))
        site_url = ""
    home = values.get("OPENLETTER_HOME")
    if home and folders["PATH"].is_dir() and not (folders["PATH"] / f"{home}.md").is_file():
        errors.append(file.error("OPENLETTER_HOME", f"names {home}.md, which is not in {folders['PATH']}", home))
    raise_all(sorted(errors, key=lambda error: (str(error.path), error.line or 0)))  # in the file's order
    for setting in SETTINGS:
        settings[setting.name] = values[setting.name]

    def under_root(name: str) -> Path:
        return (root / values[name]).resolve()

    options = Options(
        file=file,
        root=root,
        content_path=folders["PATH"],
        theme_path=folders["THEME"],
        source_language=source,
        site_url=site_url.rstrip("/"),
        relative_urls=bool(settings.get("RELATIVE_URLS", False)),
        home=values["OPENLETTER_HOME"],
        locale_path=under_root("OPENLETTER_LOCALE_PATH"),
        bugs_address=values["OPENLETTER_BUGS_ADDRESS"],
        node_modules=under_root("OPENLETTER_NODE_MODULES"),
        cache_path=under_root("OPENLETTER_CACHE_PATH") if values["OPENLETTER_CACHE_PATH"] else None,
        publish_threshold=values["OPENLETTER_PUBLISH_THRESHOLD"],
        translator_pages=values["OPENLETTER_TRANSLATOR_PAGES"],
        pseudo_locale=values["OPENLETTER_PSEUDO_LOCALE"],
        skip_broken=values["OPENLETTER_SKIP_BROKEN"],
        max_catalog_bytes=values["OPENLETTER_MAX_CATALOG_BYTES"],
        deploy=values["OPENLETTER_DEPLOY"],
        repository_url=values["OPENLETTER_REPOSITORY_URL"],
        suggestions_email=values["OPENLETTER_SUGGESTIONS_EMAIL"],
        pdf=values["OPENLETTER_PDF"],
        papers=values["OPENLETTER_PDF_PAPERS"],
        chromium=Path(values["OPENLETTER_CHROMIUM"]),
        signatures_contact=values["OPENLETTER_SIGNATURES_CONTACT"],
        removal_days=values["OPENLETTER_SIGNATURES_REMOVAL_DAYS"],
        signers_shown=values["OPENLETTER_SIGNERS_SHOWN"],
        notable_signers=values["OPENLETTER_NOTABLE_SIGNERS"],
        signers_per_page=values["OPENLETTER_SIGNERS_PER_PAGE"],
    )
    settings[OPTIONS_KEY] = options
    return options


def _check_folders(settings: Mapping[str, Any], file: SettingsFile) -> dict[str, Path]:
    """``PATH`` and ``THEME`` (relative to the settings file, as Pelican reads them) as folders."""
    root, folders, errors = _root(file), {}, []
    for name, default, needs in (("PATH", "content", None), ("THEME", "theme", "templates")):
        value = settings.get(name, default)
        folder = root / value if isinstance(value, str) else None
        if folder is None or not folder.is_dir() or (needs and not (folder / needs).is_dir()):
            what = f"is not a folder with {needs}/" if needs else "is not a folder"
            errors.append(file.error(name, f"{value!r} {what}", value))
        else:
            folders[name] = folder.resolve()
    raise_all(errors)
    return folders


def _root(file: SettingsFile) -> Path:
    """The project's folder: the settings file's (Pelican resolves PATH and THEME against it too)."""
    if file.path is not None:
        return file.path.parent.resolve()
    return Path.cwd().resolve()


def options_of(settings: MutableMapping[str, Any]) -> Options:
    """The checked options of a Pelican settings dict, checked now if nobody has yet (a plain
    ``pelican`` run: its settings file is found as :meth:`SettingsFile.of_pelican_run` says)."""
    options = settings.get(OPTIONS_KEY)
    if isinstance(options, Options):
        return options
    return validate(settings, SettingsFile.of_pelican_run(settings))


def load_settings(path: Path, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Pelican's settings from ``path`` (pelicanconf.py or publishconf.py), checked."""
    from pelican.settings import get_settings_from_file, read_settings

    path = Path(path).resolve()
    file = SettingsFile(path)
    if not path.is_file():
        raise SettingsError("settings file not found", path=path)
    # No .pyc for settings files: a cached one goes stale when an edit keeps size and mtime second.
    dont_write_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        # Pelican refuses a missing PATH without naming a line: the folders are checked first, and
        # when one is bad every other setting is checked too, so all the errors come at once.
        raw = {**get_settings_from_file(str(path)), **(overrides or {})}
        try:
            _check_folders(raw, file)
        except OpenletterError:
            validate(raw, file)  # raises the folders' errors with every other one
            raise
        settings = read_settings(str(path), override=dict(overrides or {}))
    except OpenletterError:
        raise
    except Exception as error:  # a settings file is Python: say what broke in it, and where
        raise SettingsError(f"cannot load settings: {type(error).__name__}: {error}", path=path, line=_error_line(error, path)) from None
    finally:
        sys.dont_write_bytecode = dont_write_bytecode
    validate(settings, file)
    return settings


def _error_line(error: Exception, path: Path) -> int | None:
    """The line of ``path`` an exception raised while executing it points at."""
    if isinstance(error, SyntaxError) and error.filename and Path(error.filename).resolve() == path:
        return error.lineno
    traceback = error.__traceback__
    line = None
    while traceback is not None:
        if os.path.abspath(traceback.tb_frame.f_code.co_filename) == str(path):
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line
