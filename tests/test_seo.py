"""What search engines and link previews read, in a publish build (absolute URLs)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SiteCopy

from openletter.commands.build import build

SITE = "https://letter.example"


@pytest.fixture
def published(project: SiteCopy) -> Path:
    project.add_pseudo_language("eo")
    project.catalogs().add_language("ar")
    project.list_every_language()  # ar is untranslated: listed only so
    output = project.root / "output"
    build(project.config, output, overrides={"SITEURL": SITE, "RELATIVE_URLS": False})
    return output


def test_every_page_has_absolute_canonical_hreflang_and_open_graph(published: Path) -> None:
    html = (published / "eo" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE}/eo/">' in html
    assert re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html) == [
        ("en", f"{SITE}/en/"), ("ar", f"{SITE}/ar/"), ("eo", f"{SITE}/eo/"), ("x-default", f"{SITE}/"),
    ]  # fmt: skip
    assert f'<meta property="og:url" content="{SITE}/eo/">' in html
    assert '<meta property="og:locale" content="eo">' in html
    assert re.findall(r'og:locale:alternate" content="([^"]+)"', html) == ["en_US", "ar_EG"]
    assert re.search(r'<meta property="og:title" content="‹[^"]+›">', html)
    assert re.search(r'<meta name="twitter:description" content="‹[^"]+›">', html)
    assert re.search(r'<meta name="description" content="‹[^"]+›">', html)


def test_sitemap_lists_every_language_with_alternates(published: Path) -> None:
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(published / "sitemap.xml").getroot()
    urls = root.findall("s:url", namespaces)
    assert [u.find("s:loc", namespaces).text for u in urls] == [
        f"{SITE}/en/", f"{SITE}/ar/", f"{SITE}/eo/", f"{SITE}/en/about/", f"{SITE}/ar/about/", f"{SITE}/eo/about/",
    ]  # fmt: skip
    for url in urls[:3]:  # the letter's cluster: x-default is the chooser
        links = {(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", namespaces)}
        assert links == {("en", f"{SITE}/en/"), ("ar", f"{SITE}/ar/"), ("eo", f"{SITE}/eo/"), ("x-default", f"{SITE}/")}
    for url in urls[3:]:  # the about page's own cluster: x-default is its source-language page
        links = {(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", namespaces)}
        assert links == {(code, f"{SITE}/{code}/about/") for code in ("en", "ar", "eo")} | {("x-default", f"{SITE}/en/about/")}


def test_robots_points_to_the_sitemap_and_the_favicon_is_published(published: Path) -> None:
    assert (published / "robots.txt").read_text(encoding="utf-8").splitlines() == [
        "User-agent: *", "Allow: /", f"Sitemap: {SITE}/sitemap.xml",
    ]  # fmt: skip
    assert (published / "favicon.svg").read_text(encoding="utf-8").startswith("<svg")


def test_a_site_below_the_host_root_is_warned_that_crawlers_miss_its_robots_txt(project: SiteCopy) -> None:
    site = "https://user.github.io/letter"
    result = build(project.config, project.root / "output", overrides={"SITEURL": site, "RELATIVE_URLS": False})
    (robots,) = [warning for warning in result.warnings if warning.code == "robots"]
    assert (robots.path, robots.severity) == (project.config, "warning")
    assert robots.line == project.config.read_text(encoding="utf-8").splitlines().index('SITEURL = ""') + 1
    assert robots.message.startswith(f"SITEURL '{site}' is below the host's root: crawlers read only https://user.github.io/robots.txt")
    assert f"submit {site}/sitemap.xml in the search engines' consoles" in robots.message
    assert f"add 'Sitemap: {site}/sitemap.xml' to https://user.github.io/robots.txt" in robots.message
    at_root = build(project.config, project.root / "output", overrides={"SITEURL": "https://user.github.io", "RELATIVE_URLS": False})
    assert not [warning for warning in at_root.warnings if warning.code == "robots"]
