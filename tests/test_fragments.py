"""{% cache %} blocks: rendered once per distinct key, never shared between blocks or templates."""

from __future__ import annotations

from typing import Any

from jinja2 import DictLoader, Environment, pass_context

from openletter.pelican_plugin.fragments import FragmentCache

ROWS = """{% for row in rows %}
{% cache lang, row.count %}<td>{{ count(lang, row.count) }}</td>{% endcache %}
{% cache row.count %}<i>{{ count("other block", row.count) }}</i>{% endcache %}
{% endfor %}"""


def environment(store: dict[Any, Any] | None, calls: list[tuple[object, ...]]) -> Environment:
    env = Environment(
        loader=DictLoader({"rows.html": ROWS, "same.html": ROWS}), extensions=[FragmentCache], autoescape=True, trim_blocks=True
    )
    env.fragment_cache = store  # type: ignore[attr-defined]
    env.globals["count"] = lambda *key: calls.append(key) or "-".join(map(str, key))
    return env


def test_a_block_is_rendered_once_per_distinct_key_and_per_block() -> None:
    calls: list[tuple[object, ...]] = []
    env = environment({}, calls)
    rows = [{"count": 3}, {"count": 3}, {"count": 5}]
    first = env.get_template("rows.html").render(rows=rows, lang="de")
    assert first.count("<td>de-3</td>") == 2 and "<td>de-5</td>" in first and first.count("<i>other block-3</i>") == 2
    assert calls == [("de", 3), ("other block", 3), ("de", 5), ("other block", 5)]
    assert env.get_template("rows.html").render(rows=rows, lang="de") == first and len(calls) == 4
    env.get_template("rows.html").render(rows=rows, lang="fr")
    assert calls[4:] == [("fr", 3), ("fr", 5)]  # the second block's key has no language: shared
    env.get_template("same.html").render(rows=rows, lang="de")
    assert len(calls) == 10  # another template: its own entries


def test_an_undefined_or_unhashable_key_or_no_store_renders_every_time() -> None:
    calls: list[tuple[object, ...]] = []
    rows = [{"count": [1]}, {"count": [1]}]
    environment({}, calls).get_template("rows.html").render(rows=rows)  # lang undefined, count a list
    assert len(calls) == 4
    calls.clear()
    environment(None, calls).get_template("rows.html").render(rows=[{"count": 1}, {"count": 1}], lang="de")
    assert len(calls) == 4


def test_a_block_that_translates_is_keyed_by_the_page_language_it_does_not_name() -> None:
    env = Environment(loader=DictLoader({"t.html": "{% cache n %}{{ _('hello') }} {{ n }}{% endcache %}"}), extensions=["jinja2.ext.i18n", FragmentCache])
    words = {"de": "hallo", "fr": "bonjour"}
    env.install_gettext_callables(  # type: ignore[attr-defined]
        pass_context(lambda context, message: words[context["lang"]]), lambda s, p, n: s, newstyle=True
    )
    template = env.get_template("t.html")
    env.fragment_cache = {}  # type: ignore[attr-defined]
    assert template.render(n=1, lang="de") == "hallo 1"
    assert template.render(n=1, lang="fr") == "bonjour 1"  # no way to know the page's language: not cached
    assert env.fragment_cache == {}  # type: ignore[attr-defined]
    env.fragment_cache = {}  # type: ignore[attr-defined]
    env.fragment_language = lambda context: context["lang"]  # type: ignore[attr-defined]
    assert [template.render(n=1, lang=lang) for lang in ("de", "fr", "de")] == ["hallo 1", "bonjour 1", "hallo 1"]
    assert len(env.fragment_cache) == 2  # type: ignore[attr-defined]
