"""``{% cache a, b %}…{% endcache %}``: a piece of a template rendered once per build for each
distinct value of the expressions it names (Jinja2's documented fragment-cache extension, keyed
by values instead of a name and a timeout).

The dashboards are N pages of N rows; most of a row is the same on every page (a language's link,
its catalogs) or the same for every row with the same counts (the percentage and the sentence
"x translated · y need review · z missing" in the page's language).  A block that names every value it reads
is rendered once per distinct key; the template's name and the block's line are part of the key,
so two blocks never share an entry, and a block that translates anything (``_``, ``gettext``,
``{% trans %}``…) is keyed by the page's language too, whether or not it names it.  A key with an
undefined part is not cached at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser
from jinja2.runtime import Context, Undefined
from markupsafe import Markup

#: What a template calls to translate (the i18n extension's ``{% trans %}`` compiles to these too).
GETTEXT_NAMES = frozenset({"_", "gettext", "ngettext", "pgettext", "npgettext"})


class FragmentCache(Extension):
    """The ``cache`` tag; its store is ``environment.fragment_cache`` (a dict; None caches nothing)."""

    tags = {"cache"}

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        #: ``fragment_language(context)``: the page's language, for blocks that translate.
        environment.extend(fragment_cache=None, fragment_language=None)

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        parts: list[nodes.Expr] = [nodes.Const(parser.name), nodes.Const(lineno), parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            parts.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        if any(name.name in GETTEXT_NAMES for node in body for name in node.find_all(nodes.Name)):
            parts.append(nodes.ContextReference())  # replaced by the page's language when rendered
        return nodes.CallBlock(self.call_method("_fragment", [nodes.Tuple(parts, "load")]), [], [], body).set_lineno(lineno)

    def _fragment(self, key: tuple[Any, ...], caller: Callable[[], str]) -> str | Markup:
        store: dict[tuple[Any, ...], Any] | None = self.environment.fragment_cache  # type: ignore[attr-defined]
        if store is None or any(isinstance(part, Undefined) for part in key):
            return caller()
        if isinstance(key[-1], Context):
            language_of = self.environment.fragment_language  # type: ignore[attr-defined]
            if language_of is None:
                return caller()
            key = (*key[:-1], language_of(key[-1]))
        try:
            return store[key]
        except KeyError:
            value = store[key] = caller()
            return value
        except TypeError:  # an unhashable part (a list): render it every time
            return caller()
