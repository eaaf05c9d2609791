"""What the theme's templates get from openletter: gettext in the page's language, the lists of
languages rendered once per run, ``{% cache %}`` fragments, and compiled templates kept on disk.

The language travels in the render context (``page.language``), so one Jinja2 environment renders
every language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import CodeType
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, pass_context
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup

from openletter.cache import Cache
from openletter.languages import Language
from openletter.pelican_plugin.fragments import FragmentCache
from openletter.pelican_plugin.run import Run
from openletter.site.signing import sign_url, signing_enabled

#: Environment attributes the compiled code depends on besides the template source: Jinja2 keys
#: its bytecode cache by name and source only, so these pick the cache's folder.
COMPILE_OPTIONS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
    "autoescape", "newstyle_gettext",
)  # fmt: skip


def install(run: Run, environment: Environment) -> None:
    """Prepare a generator's environment for openletter's theme."""
    site = run.site

    def language_of(context: Context) -> Language:
        """The page's language, carried by the render context."""
        language = getattr(context.get("page"), "language", None)
        return language if isinstance(language, Language) else site.source

    @pass_context
    def gettext(context: Context, message: str) -> Markup:
        return site.ui(language_of(context)).gettext(message)

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, number: int) -> Markup:
        return site.ui(language_of(context)).ngettext(singular, plural, number)

    if "jinja2.ext.InternationalizationExtension" not in environment.extensions:
        environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    # A string in another page's language (the chooser's, the notices'), escaped for HTML or as
    # plain text for a script; N_ only marks a string for extraction.
    environment.globals.update(
        in_language=lambda language, message: site.ui(language).gettext(message),
        text_in=lambda language, message: site.ui(language).text(message),
        N_=lambda message: message,
        many_languages=run.many_languages,
        # Where the letter links its sign page ('' when the site has none: openletter.site.signing).
        sign_url=lambda language: sign_url(language) if signing_enabled(run.options) else "",
        signatories=run.signatories,
    )
    environment.filters["render_links"] = link_filter(run)
    if FragmentCache.identifier not in environment.extensions:
        environment.add_extension(FragmentCache)
    environment.fragment_cache = run.fragments  # type: ignore[attr-defined]
    environment.fragment_language = language_of  # type: ignore[attr-defined]
    if environment.bytecode_cache is None:
        environment.bytecode_cache = bytecode_cache(environment, run.cache)


def bytecode_cache(environment: Environment, cache: Cache) -> FileSystemBytecodeCache | None:
    """Compiled templates kept in the build cache, in a folder per set of compile options; none
    without a cache folder or when autoescape is a function (its code cannot be keyed by a value)."""
    if not isinstance(environment.autoescape, bool):
        return None
    options = [repr(getattr(environment, name, None)) for name in COMPILE_OPTIONS]
    folder = cache.folder("jinja", *options, *sorted(environment.extensions))
    return MovableBytecodeCache(str(folder), "%s.cache") if folder is not None else None


class MovableBytecodeCache(FileSystemBytecodeCache):
    """Compiled templates keyed by name and source instead of absolute path (Jinja2's key), so a
    copy of the project in another folder — another clone, a worktree, every test's project —
    reuses them.  Loaded code gets the template's own file name back, so that an error in a
    template names the file of this project."""

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        checksum = self.get_source_checksum(source)
        bucket = Bucket(environment, self.get_cache_key(f"{name}\0{checksum}"), checksum)
        self.load_bytecode(bucket)
        if bucket.code is not None and filename and bucket.code.co_filename != filename:
            bucket.code = relocated(bucket.code, filename)
        return bucket


def relocated(code: CodeType, filename: str) -> CodeType:
    """``code`` and the code of every function inside it, as if compiled from ``filename``."""
    constants = tuple(relocated(value, filename) if isinstance(value, CodeType) else value for value in code.co_consts)
    return code.replace(co_filename=filename, co_consts=constants)


def link_filter(run: Run) -> Callable[..., Markup]:
    """The ``render_links`` filter: ``{{ alternates|render_links("links/menu-item.html") }}`` renders
    that template once per language per run (see :mod:`openletter.site.links`), not once per page."""
    templates: dict[str, Any] = {}  # get_template would stat the file on every call

    @pass_context
    def render_links(context: Context, links: Sequence[Any], template_name: str) -> Markup:
        template = templates.get(template_name)
        if template is None:
            template = templates[template_name] = context.environment.get_template(template_name)
        return run.link_renderer.render(template, links, context.get("SITEURL", ""))

    return render_links
