"""Pelican glue: receivers connected once, no state shared between runs, and plain `pelican`
makes the very site `invoke build` makes."""

from __future__ import annotations

import subprocess
import sys
import weakref
from pathlib import Path

from conftest import SiteCopy
from pelican import Pelican, signals

from openletter import pelican_plugin
from openletter.commands.build import build
from openletter.po.pofile import read_po
from openletter.po.powriter import PoWriter
from openletter.settings import load_settings


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def pelican(project: SiteCopy, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pelican", *args], cwd=project.root, capture_output=True, text=True, timeout=300)


def test_register_twice_connects_each_receiver_once() -> None:
    pelican_plugin.register()
    pelican_plugin.register()
    for signal, receiver in [
        (signals.initialized, pelican_plugin.on_initialized),
        (signals.get_generators, pelican_plugin.on_get_generators),
        (signals.readers_init, pelican_plugin.on_readers_init),
        (signals.generator_init, pelican_plugin.on_generator_init),
        (signals.page_generator_finalized, pelican_plugin.on_page_generator_finalized),
        (signals.get_writer, pelican_plugin.on_get_writer),
        (signals.finalized, pelican_plugin.on_finalized),
    ]:
        live = [ref() if isinstance(ref, weakref.ref) else ref for ref in signal.receivers.values()]
        assert live.count(receiver) == 1


def test_two_projects_built_in_one_process_do_not_share_languages(tmp_path: Path) -> None:
    first, second = SiteCopy(tmp_path / "one"), SiteCopy(tmp_path / "two")
    first.add_pseudo_language("eo")
    second.add_pseudo_language("ar")
    build(first.config, first.root / "output")
    build(second.config, second.root / "output")
    assert sorted(p.name for p in (first.root / "output").iterdir() if (p / "index.html").exists() and p.name != "translate") == ["en", "eo"]
    assert sorted(p.name for p in (second.root / "output").iterdir() if (p / "index.html").exists() and p.name != "translate") == ["ar", "en"]
    assert "eo" not in (second.root / "output" / "ar" / "index.html").read_text(encoding="utf-8").split('hreflang="')[1][:3]


def test_plain_pelican_makes_the_same_site_as_invoke_build_byte_for_byte(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    project.add_pseudo_language("ar")
    result = pelican(project, "content", "-s", "pelicanconf.py", "-o", "plain-output")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "6 pages" in result.stdout.replace("\n", " ")  # two documents in three languages
    build(project.config, project.root / "built")
    plain, built = tree(project.root / "plain-output"), tree(project.root / "built")
    assert plain == built
    # The webfonts and the guard ran in the Pelican run: the stylesheets every page links exist.
    assert {"theme/fonts/eo.css", "theme/fonts/eo-about.css", "theme/fonts/index.css", "eo/about/index.html"} <= set(plain)


def test_plain_pelican_stops_on_a_broken_catalog_naming_its_line(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    path = project.po("eo", "about")
    path.write_text(path.read_text(encoding="utf-8") + 'msgid "unterminated\n', encoding="utf-8")
    result = pelican(project, "content", "-s", "pelicanconf.py", "-o", "plain-output")
    assert result.returncode == 1
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert f"locale/eo/LC_MESSAGES/about.po:{line}" in result.stdout.replace("\n", "") + result.stderr.replace("\n", "")
    assert not (project.root / "plain-output" / "eo").exists()


def test_repeated_runs_in_one_process_pick_up_an_edited_catalog(project: SiteCopy) -> None:
    """What `pelican --autoreload` (invoke regenerate) does: many runs, one settings object."""
    project.add_pseudo_language("eo")
    settings = load_settings(project.config, {"OUTPUT_PATH": str(project.root / "out")})
    Pelican(settings).run()
    page = project.root / "out" / "eo" / "index.html"
    assert "EDITED TITLE" not in page.read_text(encoding="utf-8")
    catalog = read_po(project.po("eo"))
    catalog.entries[0].msgstr = "EDITED TITLE"
    project.po("eo").write_bytes(PoWriter().dump_bytes(catalog))
    Pelican(settings).run()
    assert "<h1>EDITED TITLE</h1>" in page.read_text(encoding="utf-8")
