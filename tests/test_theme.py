"""What the theme gets: compiled templates come back from the cache only for the same source and
compile options."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader, select_autoescape

from openletter.cache import Cache
from openletter.pelican_plugin.theme import bytecode_cache

TEMPLATE = "{% if x %}\n  <b>{{ x }}</b>\n{% endif %}\n"


def environment(templates: Path, cache_root: Path | None, **options: object) -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates)), **options)  # type: ignore[arg-type]
    env.bytecode_cache = bytecode_cache(env, Cache(cache_root))
    return env


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text(TEMPLATE, encoding="utf-8")
    return folder


def test_a_second_environment_loads_the_compiled_template(templates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = environment(templates, cache, autoescape=True).get_template("page.html").render(x="<i>")
    assert first == "\n  <b>&lt;i&gt;</b>\n"
    compiled: list[str] = []
    original = Environment.compile
    monkeypatch.setattr(Environment, "compile", lambda self, *a, **k: compiled.append("x") or original(self, *a, **k))
    assert environment(templates, cache, autoescape=True).get_template("page.html").render(x="<i>") == first
    assert compiled == []
    (templates / "page.html").write_text(TEMPLATE.replace("<b>", "<em>").replace("</b>", "</em>"), encoding="utf-8")
    assert "<em>" in environment(templates, cache, autoescape=True).get_template("page.html").render(x="y")
    assert compiled == ["x"]  # the source changed


def test_other_compile_options_never_load_code_compiled_under_these(templates: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert environment(templates, cache, autoescape=True).get_template("page.html").render(x="<i>") == "\n  <b>&lt;i&gt;</b>\n"
    trimmed = environment(templates, cache, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    assert trimmed.get_template("page.html").render(x="<i>") == "  <b>&lt;i&gt;</b>\n"
    assert environment(templates, cache, autoescape=False).get_template("page.html").render(x="<i>") == "\n  <b><i></b>\n"
    assert len(list((cache / "jinja").iterdir())) == 3


def test_no_cache_without_a_folder_or_with_autoescape_by_name(templates: Path, tmp_path: Path) -> None:
    assert bytecode_cache(Environment(), Cache(None)) is None
    assert bytecode_cache(Environment(autoescape=select_autoescape()), Cache(tmp_path)) is None


def test_a_copy_in_another_folder_loads_the_compiled_template_and_its_errors_name_the_copy(
    templates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another clone or worktree of the project (every test's project too) reuses compiled code;
    a template error still names the template of this copy, not the one compiled first."""
    cache = tmp_path / "cache"
    failing = "{% macro boom() %}{{ 1 // 0 }}{% endmacro %}\n{{ boom() }}\n"
    (templates / "failing.html").write_text(failing, encoding="utf-8")
    environment(templates, cache, autoescape=True).get_template("page.html")
    with pytest.raises(ZeroDivisionError):
        environment(templates, cache, autoescape=True).get_template("failing.html").render()
    copy = tmp_path / "copy" / "templates"
    copy.mkdir(parents=True)
    for name in ("page.html", "failing.html"):
        (copy / name).write_bytes((templates / name).read_bytes())
    compiled: list[str] = []
    original = Environment.compile
    monkeypatch.setattr(Environment, "compile", lambda self, *a, **k: compiled.append("x") or original(self, *a, **k))
    env = environment(copy, cache, autoescape=True)
    assert env.get_template("page.html").render(x="<i>") == "\n  <b>&lt;i&gt;</b>\n"
    failing_template = env.get_template("failing.html")
    assert compiled == []
    assert failing_template.filename == str(copy / "failing.html")
    with pytest.raises(ZeroDivisionError) as raised:
        failing_template.render()
    frames = [(entry.path, entry.name) for entry in raised.traceback]
    assert (copy / "failing.html", "template") in {(Path(path), name) for path, name in frames}
    assert not any(Path(path) == templates / "failing.html" for path, _ in frames)
