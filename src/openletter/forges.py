"""Where a contribution goes without a toolchain: the web pages of the project's forge (GitHub,
GitLab, Forgejo/Gitea/Codeberg) and e-mail, as URLs made from ``OPENLETTER_REPOSITORY_URL`` and
``OPENLETTER_SUGGESTIONS_EMAIL``.

Every URL pattern is here and nowhere else.  Pages get finished links for what is known when the
site is built ("Edit on GitHub" for one catalog) and *templates* for what the reader writes in the
browser: ``https://github.com/o/r/issues/new?title={title}&body={body}``, whose ``{name}``
placeholders a script fills with ``encodeURIComponent(value)``.  :func:`fill` is the same fill in
Python (same escaping), so the tests check the URLs the browser will make.

The patterns, as the forges document or implement them:

* GitHub: ``/edit/<branch>/<path>`` (``#L<line>`` places the editor's cursor), ``/issues/new?title=&body=``,
  ``/new/<branch>?filename=<path>&value=<content>``, ``/blob/<branch>/<path>`` (a file shown);
* GitLab: ``/-/edit/<branch>/<path>`` (no line anchor in the editor),
  ``/-/issues/new?issue[title]=&issue[description]=``, ``/-/blob/<branch>/<path>``; its new-file page no longer takes a content
  parameter (gitlab-org/gitlab#532221), so there is no "new file" link;
* Forgejo and Gitea (Codeberg runs Forgejo): ``/_edit/<branch>/<path>``, ``/issues/new?title=&body=``,
  ``/_new/<branch>/?filename=<path>&value=<content>`` (go-gitea/gitea#16556), ``/src/branch/<branch>/<path>``.

Forges refuse or cut very long URLs (GitHub answers 414 past about 8 KB) and mail programs cut
``mailto:`` URLs past about 2,000 characters: :data:`FORGE_URL_LIMIT` and :data:`MAIL_URL_LIMIT`
are the lengths the page keeps under, sending a shorter message (download the file, attach it)
beyond them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, urlsplit

ForgeKind = Literal["github", "gitlab", "forgejo"]

#: Longest link to a forge page the page makes; beyond it the file is downloaded and attached.
FORGE_URL_LIMIT = 8000
#: Longest ``mailto:`` link (mail programs on Windows cut longer ones).
MAIL_URL_LIMIT = 2000
#: The branch edit links and new files name when the repository URL names none.
DEFAULT_BRANCH = "main"
#: Folder of the repository a suggestion file is proposed in (``openletter apply suggestions/<file>``).
SUGGESTIONS_FOLDER = "suggestions"

#: What ``encodeURIComponent`` leaves as it is, besides letters, digits and ``_.-~``.
_COMPONENT_SAFE = "!*'()"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_KNOWN_HOSTS: dict[str, tuple[ForgeKind, str]] = {
    "github.com": ("github", "GitHub"),
    "gitlab.com": ("gitlab", "GitLab"),
    "codeberg.org": ("forgejo", "Codeberg"),
    "gitea.com": ("forgejo", "Gitea"),
}
#: Self-hosted forges recognized by the first label of their host name (gitlab.example.org).
_HOST_PREFIXES: dict[str, tuple[ForgeKind, str]] = {
    "gitlab": ("gitlab", "GitLab"),
    "forgejo": ("forgejo", "Forgejo"),
    "gitea": ("forgejo", "Gitea"),
}
#: How each forge names a branch and folder in a browsing URL (``/tree/<branch>/<folder>``).
_TREE_MARKERS: dict[ForgeKind, str] = {"github": "tree", "gitlab": "-/tree", "forgejo": "src/branch"}


def component(value: str) -> str:
    """``value`` escaped as JavaScript's ``encodeURIComponent`` escapes it."""
    return quote(value, safe=_COMPONENT_SAFE)


def fill(template: str, **values: str) -> str:
    """``template`` with each ``{name}`` replaced by its escaped value (what the page's script does)."""
    return _PLACEHOLDER.sub(lambda match: component(values[match.group(1)]), template)


def _path(path: str) -> str:
    """A repository path in a URL: each segment escaped, the slashes kept."""
    return "/".join(component(part) for part in path.split("/"))


@dataclass(frozen=True, slots=True)
class Repository:
    """The project's repository on a forge, and the URLs of its web pages."""

    kind: ForgeKind
    #: What the link says: "GitHub", "GitLab", "Codeberg", "Forgejo", "Gitea".
    name: str
    #: ``https://host/owner/name`` (GitLab: with every subgroup), without a trailing slash.
    base: str
    branch: str = DEFAULT_BRANCH
    #: The project's folder inside the repository ('' at its root), without slashes around it.
    folder: str = ""

    def repository_path(self, path: str) -> str:
        """``path`` (relative to the project) as a path in the repository."""
        return f"{self.folder}/{path}" if self.folder else path

    def edit_url(self, path: str, line: int | None = None) -> str:
        """The forge's web editor for the project's file ``path``, at ``line`` where the editor takes one."""
        where = f"{component(self.branch)}/{_path(self.repository_path(path))}"
        if self.kind == "github":
            return f"{self.base}/edit/{where}" + (f"#L{line}" if line else "")
        if self.kind == "gitlab":
            return f"{self.base}/-/edit/{where}"
        return f"{self.base}/_edit/{where}"

    def new_issue_template(self) -> str:
        """The new-issue page, prefilled: placeholders ``{title}`` and ``{body}``."""
        if self.kind == "gitlab":
            return f"{self.base}/-/issues/new?issue%5Btitle%5D={{title}}&issue%5Bdescription%5D={{body}}"
        return f"{self.base}/issues/new?title={{title}}&body={{body}}"

    def new_file_template(self, path: str) -> str | None:
        """The new-file page for the project's file ``path``, prefilled: placeholder ``{value}``
        (None where the forge cannot prefill a new file: GitLab)."""
        return self._new_file(component(self.repository_path(path)))

    def new_file_under_template(self, folder: str) -> str | None:
        """The new-file page for a file under the project's ``folder`` whose rest the browser
        chooses (a signature's ``<yyyy>/<yyyy-mm-dd>-<id>.toml``): placeholders ``{path}`` (below
        ``folder``) and ``{value}``; None where the forge cannot prefill a new file (GitLab)."""
        return self._new_file(component(self.repository_path(folder) + "/") + "{path}")

    def _new_file(self, filename: str) -> str | None:
        if self.kind == "github":
            return f"{self.base}/new/{component(self.branch)}?filename={filename}&value={{value}}"
        if self.kind == "forgejo":
            return f"{self.base}/_new/{component(self.branch)}/?filename={filename}&value={{value}}"
        return None

    def file_url(self, path: str) -> str:
        """The forge's page showing the project's file ``path`` on the branch (a README renders there)."""
        where = f"{component(self.branch)}/{_path(self.repository_path(path))}"
        if self.kind == "github":
            return f"{self.base}/blob/{where}"
        if self.kind == "gitlab":
            return f"{self.base}/-/blob/{where}"
        return f"{self.base}/src/branch/{where}"


def parse_repository(url: str) -> Repository | None:
    """The repository ``url`` names, or None when its host is no forge we know (then only the
    repository link itself is shown).  A branch and folder may follow the forge's own way:
    ``https://github.com/o/r/tree/dev/site``, ``https://gitlab.com/g/sub/p/-/tree/dev``,
    ``https://codeberg.org/o/r/src/branch/dev``."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    known = _KNOWN_HOSTS.get(host) or _HOST_PREFIXES.get(host.split(".", 1)[0])
    if parts.scheme not in ("http", "https") or known is None:
        return None
    kind, name = known
    path = parts.path.strip("/").removesuffix(".git")
    branch, folder = DEFAULT_BRANCH, ""
    marker = f"/{_TREE_MARKERS[kind]}/"
    if marker in f"/{path}/":
        path, rest = f"/{path}/".split(marker, 1)
        path = path.strip("/")
        branch, _, folder = rest.strip("/").partition("/")
    elif kind == "gitlab" and "/-/" in f"/{path}/":
        path = f"/{path}/".split("/-/", 1)[0].strip("/")
    segments = [segment for segment in path.split("/") if segment]
    if kind != "gitlab":
        segments = segments[:2]
    if len(segments) < 2 or not branch:
        return None
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return Repository(kind, name, f"{parts.scheme}://{netloc}/{'/'.join(segments)}", branch, folder.strip("/"))


def mail_template(address: str) -> str:
    """A ``mailto:`` link to ``address``, prefilled: placeholders ``{title}`` (the subject) and ``{body}``."""
    return f"mailto:{quote(address, safe='@')}?subject={{title}}&body={{body}}"
