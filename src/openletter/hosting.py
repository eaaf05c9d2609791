"""What the host serves outside the site's own folder: ``/robots.txt`` and GitHub Pages' ``CNAME``.

Crawlers read ``robots.txt`` at the root of a host only (RFC 9309), so a site published under a
sub-path (``https://user.github.io/letter/``) has a ``robots.txt`` nobody reads, and its
``Sitemap:`` line with it.  GitHub Pages serves a custom domain only when the published branch
holds a ``CNAME`` file naming it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from openletter.errors import Problem
from openletter.settings import BASE_SETTINGS_FILE, Options

#: GitHub's own hosts of Pages sites: no CNAME for them.
GITHUB_PAGES_SUFFIX = ".github.io"


def sub_path(site_url: str) -> str:
    """The path of an absolute ``site_url`` below its host (``/letter``), empty at the host's root."""
    return urlsplit(site_url).path.rstrip("/") if "://" in site_url else ""


def robots_warning(options: Options) -> Problem | None:
    """A warning, on the line that sets ``SITEURL``, when the site's ``robots.txt`` is not at the host's root."""
    site_url = options.absolute_site_url
    if not sub_path(site_url):
        return None
    parts = urlsplit(site_url)
    root = f"{parts.scheme}://{parts.netloc}"
    path, line = options.file.line_of("SITEURL")
    return Problem(
        path or Path(BASE_SETTINGS_FILE), line, "warning", "robots",
        f"SITEURL {site_url!r} is below the host's root: crawlers read only {root}/robots.txt, not the "
        f"{site_url}/robots.txt this site has, so submit {site_url}/sitemap.xml in the search engines' "
        f"consoles (Google Search Console, Bing Webmaster Tools) or add 'Sitemap: {site_url}/sitemap.xml' "
        f"to {root}/robots.txt",
    )  # fmt: skip


def custom_domain(site_url: str) -> str | None:
    """The host GitHub Pages must be told of in ``CNAME``: that of a ``site_url`` at the root of a
    host other than ``*.github.io`` (a project site below a custom domain's path gets that domain
    from its owner's user site, and a CNAME of its own would claim the whole domain)."""
    if "://" not in site_url or sub_path(site_url):
        return None
    host = (urlsplit(site_url).hostname or "").rstrip(".").lower()
    if not host or host == GITHUB_PAGES_SUFFIX[1:] or host.endswith(GITHUB_PAGES_SUFFIX):
        return None
    return host
