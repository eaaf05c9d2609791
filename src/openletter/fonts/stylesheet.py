"""The generated stylesheets: where a page's goes, its CSS, and reading back the faces one declares."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from openletter.errors import OpenletterError
from openletter.fonts.constants import FONTS_DIR
from openletter.fonts.families import FAMILIES, family_for, stack_for
from openletter.fonts.report import FontFile


def relative_to_site(page_path: Path, site_root: Path) -> Path:
    """``page_path`` relative to ``site_root``; an error (with the path) if it is outside."""
    try:
        return Path(os.path.abspath(page_path)).relative_to(os.path.abspath(site_root))
    except ValueError:
        raise OpenletterError(f"page is not under the site root {site_root}", path=page_path) from None


def stylesheet_for(page_path: Path, site_root: Path) -> str:
    """Site-relative URL path of the font stylesheet for a page: named after the page's folder
    (``de/index.html`` -> ``theme/fonts/de.css``, ``index.html`` -> ``theme/fonts/index.css``,
    ``de/about/index.html`` -> ``theme/fonts/de-about.css``, ``a/b.html`` -> ``theme/fonts/a-b.css``)."""
    parts = list(relative_to_site(page_path, site_root).parts)
    if parts and parts[-1] == "index.html":
        parts.pop()
    elif parts:
        parts[-1] = Path(parts[-1]).stem
    stem = "-".join(parts) or "index"
    return f"{FONTS_DIR}/{stem}.css"


def stylesheet_href(page_path: Path, site_root: Path) -> str:
    """The href a page uses to link its font stylesheet (relative, so the site works anywhere)."""
    target = Path(os.path.abspath(site_root)) / stylesheet_for(page_path, site_root)
    return Path(os.path.relpath(target, Path(os.path.abspath(page_path)).parent)).as_posix()


#: The shared stylesheets' names begin with this, which no page's name does (see check_stylesheet_names).
SHARED_PREFIX = "_shared-"


def shared_stylesheet_for(group: str) -> str:
    """Site-relative URL path of the stylesheet a group's pages share: the faces and ``:lang()``
    rules of text in other languages than each page's (``theme/fonts/_shared-translators.css``)."""
    return f"{FONTS_DIR}/{SHARED_PREFIX}{group or 'pages'}.css"


#: The stylesheet of a language's notice (see FontBuilder.build's ``scripted``) is ``_notice-<lang>.css``.
NOTICE_PREFIX = "_notice-"


def notice_stylesheet_for(lang: str) -> str:
    """Site-relative URL path of the stylesheet theme/js/notice.js links when it shows a notice in ``lang``."""
    return f"{FONTS_DIR}/{NOTICE_PREFIX}{lang}.css"


_SHARED_LINK = re.compile(re.escape(SHARED_PREFIX) + r"(?P<group>[\w-]+)\.css")


def linked_groups(pages: Iterable[Path]) -> dict[Path, str]:
    """The group of each built page, read from the shared stylesheet its head links (a page
    linking none is in the unnamed group): for fonts made again for a site already built."""
    groups = {}
    for page in pages:
        with open(page, encoding="utf-8", errors="replace") as handle:
            head = handle.read(8192).partition("</head>")[0]
        found = _SHARED_LINK.search(head)
        groups[page] = "" if found is None or found["group"] == "pages" else found["group"]
    return groups


def check_stylesheet_names(pages: Iterable[Path], site_root: Path) -> None:
    """Refuse two pages whose stylesheet names collide (``index/index.html`` and ``index.html``),
    and a page whose name would be a shared stylesheet's (``_shared-pages/index.html``)."""
    owners: dict[str, Path] = {}
    for page in sorted(pages):
        name = stylesheet_for(page, site_root)
        if name.startswith((f"{FONTS_DIR}/{SHARED_PREFIX}", f"{FONTS_DIR}/{NOTICE_PREFIX}")):
            raise OpenletterError(f"the page's font stylesheet {name} would be a shared one; rename its folder", path=page)
        if name in owners:
            raise OpenletterError(f"two pages would share the font stylesheet {name}: {owners[name]}", path=page)
        owners[name] = page


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unicode_range(codepoints: Iterable[int]) -> str:
    """``U+41-5A,U+E9``: the code points as CSS writes a range list."""
    runs: list[list[int]] = []
    for codepoint in sorted(codepoints):
        if runs and runs[-1][1] == codepoint - 1:
            runs[-1][1] = codepoint
        else:
            runs.append([codepoint, codepoint])
    return ",".join(f"U+{first:X}" if first == last else f"U+{first:X}-{last:X}" for first, last in runs)


@functools.lru_cache(maxsize=16384)  # every page lists the same few stacks for its languages
def font_list(lang: str, present: frozenset[str], name: str = "css_name") -> str:
    """The ``font-family`` value for text in ``lang`` in faces of one kind (``name``: a page's own
    faces, ``css_name``, or a notice's, ``notice_name``): those declared, in the language's order,
    then the installed fonts of the same designs, then ``serif``."""
    names = [getattr(family, name) for family in stack_for(lang) if family.key in present]
    return ", ".join([*map(_css_string, names), *_installed(lang)])


def _installed(lang: str) -> list[str]:
    """The tail of every list: installed fonts of the language's design and of Latin's, then ``serif``."""
    return [*map(_css_string, dict.fromkeys(family.design for family in (family_for(lang), FAMILIES[0]))), "serif"]


@functools.lru_cache(maxsize=16384)
def shared_font_list(lang: str, present: frozenset[str]) -> str:
    """The ``font-family`` value for text in ``lang`` on another language's page: the shared face of
    its family, then every shared face (``--ol-site``, in FAMILIES order), then installed fonts.
    The same order as :func:`~openletter.fonts.families.stack_for`, in a few bytes per language."""
    first = family_for(lang)
    head = [_css_string(first.site_name)] if first.key in present else []
    return ", ".join([*head, "var(--ol-site)", *_installed(lang)])


def _font_faces(files: Iterable[FontFile]) -> list[str]:
    out = []
    for file in files:
        out += [
            "@font-face {",
            f"  font-family: {_css_string(file.family)};",
            "  font-style: normal;",
            f"  font-weight: {file.weight};",
            "  font-display: swap;",
            f'  src: url("{file.path.name}") format("woff2");',
            f"  unicode-range: {unicode_range(file.codepoints)};",
            "}",
        ]
    return out


def _by_specificity(tags: Iterable[str]) -> list[str]:
    """Shorter tags first, so that ``:lang(zh-Hant)``, coming later, wins over ``:lang(zh)``."""
    return sorted(set(tags), key=lambda tag: (tag.count("-"), tag.lower()))


def _licenses(files: Iterable[FontFile]) -> str:
    packages = sorted({file.package for file in files})
    return "   Noto fonts, SIL Open Font License 1.1: " + (", ".join(f"{name}-LICENSE.txt" for name in packages) or "none here") + "."


def render_css(page: Path, site_root: Path, root_lang: str, langs: Iterable[str], files: list[FontFile], shared: Iterable[FontFile] = ()) -> str:
    """A page's own stylesheet, linked after its group's shared one: an ``@font-face`` per own
    file (with its ``unicode-range``) and the ``--ol-font`` list of the page's language.

    A language more specific than the page's (``zh-Hant`` text on a ``zh`` page) gets its shared
    list again here (``shared``: the group's shared files), or the page's ``:lang(zh)`` rule,
    coming later, would win for it."""
    own_keys = frozenset(family.key for family in FAMILIES if family.css_name in {file.family for file in files})
    out = [
        f"/* Generated by openletter.fonts for {relative_to_site(page, site_root).as_posix()} (lang {root_lang}). Do not edit.",
        _licenses(files),
        "   Contract: --ol-font is the font-family list for the element's language; the theme",
        "   must not set font-family on text except to var(--ol-font). */",
        *_font_faces(files),
        f":root, :lang({root_lang}) {{ --ol-font: {font_list(root_lang, own_keys)}; }}",
    ]
    narrower = [lang for lang in _by_specificity(langs) if lang.lower().startswith(root_lang.lower() + "-")]
    present = _present(shared)
    out += [f":lang({lang}) {{ --ol-font: {shared_font_list(lang, present)}; }}" for lang in narrower]
    return "\n".join(out) + "\n"


def _present(shared: Iterable[FontFile]) -> frozenset[str]:
    """The families of the shared faces."""
    names = {file.family for file in shared}
    return frozenset(family.key for family in FAMILIES if family.site_name in names)


def render_notice_css(lang: str, files: list[FontFile]) -> str:
    """The stylesheet of one language's notice: its faces, and their list for the notice box and
    everything in it (more specific than the ``:lang()`` rules, which match inside it too)."""
    declared = {file.family for file in files}
    present = frozenset(family.key for family in FAMILIES if family.notice_name in declared)
    return "\n".join([
        f"/* Generated by openletter.fonts for the language notice in {lang} (theme/js/notice.js links it). Do not edit.",
        _licenses(files) + " */",
        *_font_faces(files),
        f"html .language-notice, html .language-notice * {{ --ol-font: {font_list(lang, present, 'notice_name')}; }}",
    ]) + "\n"  # fmt: skip


def render_shared_css(group: str, langs: Iterable[str], files: list[FontFile]) -> str:
    """A group's shared stylesheet: the shared faces, ``--ol-site`` (all of them, in fallback
    order), one ``:lang()`` rule per list for the languages its pages show, and the rule that sets
    text in ``--ol-font``.  Each page's own stylesheet, linked after it, overrides its language's."""
    present = _present(files)
    site = ", ".join(_css_string(family.site_name) for family in FAMILIES if family.key in present)
    out = [
        f"/* Generated by openletter.fonts for the pages of group {group or 'pages'!r}: text in other languages than each page's. Do not edit.",
        _licenses(files),
        "   Contract: --ol-font is the font-family list for the element's language; the theme",
        "   must not set font-family on text except to var(--ol-font). */",
        *_font_faces(files),
        f":root {{ --ol-site: {site or 'serif'}; }}",
    ]
    # Languages with the same list share a rule; rules go by specificity, as tags of one depth never overlap.
    tags = _by_specificity(langs)
    for depth in sorted({tag.count("-") for tag in tags}):
        rules: dict[str, list[str]] = {}
        for tag in tags:
            if tag.count("-") == depth:
                rules.setdefault(shared_font_list(tag, present), []).append(tag)
        out += [", ".join(f":lang({tag})" for tag in same) + f" {{ --ol-font: {value}; }}" for value, same in rules.items()]
    out.append(":root, :root body, [lang] { font-family: var(--ol-font); }")
    return "\n".join(out) + "\n"


_FACE = re.compile(r"@font-face\s*\{(?P<body>[^}]*)\}")
_WEIGHT = re.compile(r"font-weight:\s*(\d+)")
_URL = re.compile(r"url\(\s*[\"']?([^\"')]+)[\"']?\s*\)")


def declared_faces(stylesheet: Path) -> list[tuple[int, Path]]:
    """(weight, woff2 path) for every @font-face of a generated stylesheet."""
    try:
        css = stylesheet.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise OpenletterError(f"cannot read font stylesheet: {error}", path=stylesheet) from None
    faces = []
    for match in _FACE.finditer(css):
        weight = _WEIGHT.search(match["body"])
        for url in _URL.findall(match["body"]):
            faces.append((int(weight[1]) if weight else 400, stylesheet.parent / url))
    return faces


def remove_all_but(folder: Path, names: Mapping[str, object] | set[str]) -> None:
    """Every file in ``folder`` not named in ``names`` removed (what an earlier build left)."""
    if folder.is_dir():
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name not in names and not entry.is_dir(follow_symlinks=False):
                    os.unlink(entry.path)
