"""Link lists: rendered once per build, joined per page, identical to rendering them on every page."""

from __future__ import annotations

from jinja2 import DictLoader, Environment
from markupsafe import Markup

from openletter.languages import Language
from openletter.site.links import LanguageLink, LinkCluster, LinkRenderer

ITEM = '<li><a href="{{ SITEURL }}/{{ link.url }}" hreflang="{{ link.language.tag }}"{% if link.current %} aria-current="page"{% endif %}>{{ count() }}</a></li>'
OTHERS_ONLY = '{% if not link.current %}<meta content="{{ link.language.og_locale }}">{% endif %}'


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return "x"


def environment(counter: Counter) -> Environment:
    env = Environment(loader=DictLoader({"item.html": ITEM, "others.html": OTHERS_ONLY}), autoescape=True)
    env.globals["count"] = counter
    return env


def cluster(*codes: str) -> LinkCluster:
    return LinkCluster([LanguageLink(Language.parse(code), f"{code.lower()}/", f"Title {code}") for code in codes])


def per_page(env: Environment, links: LinkCluster, name: str, site_url: str = "") -> str:
    """The reference: the template rendered for every link of the page, as a theme loop would."""
    template = env.get_template(name)
    return "\n".join(filter(None, (template.render(link=link, SITEURL=site_url).strip() for link in links)))


def test_marked_cluster_flags_only_the_current_language_and_keeps_the_key() -> None:
    links = cluster("en", "de", "ar")
    german = links.marked(Language("de"))
    assert [link.current for link in german] == [False, True, False]
    assert german.key is links.key and german.current_index == 1
    assert [link.current for link in links] == [False, False, False]  # the shared list is untouched
    assert german.marked(None).current_index is None and german.marked(None).key is links.key
    assert links.marked(Language("fr")) is links  # a draft's page is not in the cluster
    assert len(german) == 3 and german[2].language == Language("ar") and list(german)[1].current


def test_rendered_links_equal_rendering_them_on_every_page() -> None:
    counter = Counter()
    env = environment(counter)
    renderer = LinkRenderer()
    links = cluster("en", "de", "ar", "ja")
    template = env.get_template("item.html")
    for code in ("en", "de", "ar", "ja", "en"):
        page = links.marked(Language(code))
        assert renderer.render(template, page, "https://x.example") == per_page(env, page, "item.html", "https://x.example")
    rendered_by_us = counter.calls - 5 * 4  # minus the reference renders
    assert rendered_by_us == 4 + 4  # every item once as another page's link, once as its own page's
    assert isinstance(renderer.render(template, links, ""), Markup)


def test_an_item_that_renders_empty_leaves_no_blank_line() -> None:
    env = environment(Counter())
    links = cluster("en", "de", "ar")
    page = links.marked(Language("de"))
    html = LinkRenderer().render(env.get_template("others.html"), page, "")
    assert html == per_page(env, page, "others.html")
    assert html.count("<meta") == 2 and "\n\n" not in html and "de_DE" not in html


def test_new_links_or_a_cleared_renderer_are_rendered_again() -> None:
    counter = Counter()
    env = environment(counter)
    template = env.get_template("item.html")
    renderer = LinkRenderer()
    renderer.render(template, cluster("en", "de"), "")
    renderer.render(template, cluster("en", "de"), "")  # rebuilt links: a new key, not a stale hit
    assert counter.calls == 4
    links = cluster("en", "de")
    renderer.render(template, links, "")
    renderer.clear()
    renderer.render(template, links, "")
    assert counter.calls == 8
    renderer.render(template, links, "https://other.example")  # SITEURL is part of every item
    assert counter.calls == 10


def test_a_plain_list_is_rendered_every_time() -> None:
    counter = Counter()
    env = environment(counter)
    links = list(cluster("en", "de"))
    renderer = LinkRenderer()
    first = renderer.render(env.get_template("item.html"), links, "")
    assert renderer.render(env.get_template("item.html"), links, "") == first and counter.calls == 4


def test_groups_by_script_biggest_first_each_in_the_order_of_the_languages_own_names() -> None:
    links = cluster("uk", "de", "ar", "cs", "fa", "ru", "en", "th", "es")
    groups = links.groups()
    assert [script for script, _ in groups] == ["Latn", "Arab", "Cyrl", "Thai"]  # 4, 2, 2 (by code), 1
    assert [link.language.code for link in groups[0][1]] == ["cs", "de", "en", "es"]  # Čeština among the C's
    assert [link.language.code for link in groups[2][1]] == ["ru", "uk"]  # Русский, Українська


def test_a_pages_groups_mark_its_language_and_share_the_builds_clusters() -> None:
    links = cluster("de", "ar", "fa", "en")
    german = dict(links.marked(Language.parse("de")).groups())
    arabic = dict(links.marked(Language.parse("ar")).groups())
    assert [link.current for link in german["Latn"]] == [True, False]
    assert not any(link.current for link in german["Arab"])
    assert [link.current for link in arabic["Arab"]] == [True, False]
    assert german["Arab"].key is arabic["Arab"].key  # one cluster per group and build: its items render once
