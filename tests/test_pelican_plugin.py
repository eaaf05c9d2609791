"""Pelican glue: receivers connected once, no state shared between runs, plain `pelican` works too."""

from __future__ import annotations

import subprocess
import weakref
import sys

from pelican import signals

from conftest import SiteCopy
from openletter import pelican_plugin
from openletter.commands.build import build


def test_register_twice_connects_each_receiver_once() -> None:
    pelican_plugin.register()
    pelican_plugin.register()
    for signal, receiver in [
        (signals.initialized, pelican_plugin.on_initialized),
        (signals.get_generators, pelican_plugin.on_get_generators),
        (signals.readers_init, pelican_plugin.on_readers_init),
        (signals.generator_init, pelican_plugin.on_generator_init),
        (signals.page_generator_finalized, pelican_plugin.on_pages_finalized),
    ]:
        live = [ref() if isinstance(ref, weakref.ref) else ref for ref in signal.receivers.values()]
        assert live.count(receiver) == 1


def test_two_projects_built_in_one_process_do_not_share_languages(tmp_path) -> None:
    first, second = SiteCopy(tmp_path / "one"), SiteCopy(tmp_path / "two")
    first.add_pseudo_language("eo")
    second.add_pseudo_language("ar")
    build(first.config, first.root / "output")
    build(second.config, second.root / "output")
    assert sorted(p.name for p in (first.root / "output").iterdir() if (p / "index.html").exists() and p.name != "translate") == ["en", "eo"]
    assert sorted(p.name for p in (second.root / "output").iterdir() if (p / "index.html").exists() and p.name != "translate") == ["ar", "en"]
    assert "eo" not in (second.root / "output" / "ar" / "index.html").read_text(encoding="utf-8").split('hreflang="')[1][:3]


def test_plain_pelican_command_builds_every_language_in_one_run(project: SiteCopy) -> None:
    project.add_pseudo_language("eo")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "plain-output"],
        cwd=project.root, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr + result.stdout
    assert "2 pages" in result.stdout.replace("\n", " ")
    html = (project.root / "plain-output" / "eo" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="eo" dir="ltr">' in html and "‹" in html


def test_repeated_runs_in_one_process_pick_up_an_edited_catalog(project: SiteCopy) -> None:
    """What `pelican --autoreload` (invoke regenerate) does: many runs, one settings object."""
    from pelican import Pelican

    from openletter.commands.build import load_settings
    from openletter.gettext.pofile import read_po
    from openletter.gettext.powriter import PoWriter

    project.add_pseudo_language("eo")
    settings = load_settings(project.config, {"OUTPUT_PATH": str(project.root / "out")})
    Pelican(settings).run()
    page = project.root / "out" / "eo" / "index.html"
    assert "EDITED TITLE" not in page.read_text(encoding="utf-8")
    catalog = read_po(project.po("eo"))
    catalog.entries[0].msgstr = "EDITED TITLE"
    project.po("eo").write_bytes(PoWriter().dump_bytes(catalog) + b"\n")  # size changes too
    Pelican(settings).run()
    assert "<h1>EDITED TITLE</h1>" in page.read_text(encoding="utf-8")
