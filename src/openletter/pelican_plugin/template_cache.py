"""Compiled theme templates kept between builds (Jinja2's own bytecode cache).

Compiling the theme's templates from source is a fixed ~50 ms of every build, as much as
rendering a dozen pages.  Jinja2 keys its cache by template name and source checksum only, not by
the environment options that change the compiled code (delimiters, whitespace control,
autoescape, extensions, new-style gettext), so those pick the cache's folder here: a change of
options never loads code compiled under other ones.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache

from openletter.cache import ContentCache

#: Environment attributes the compiled code depends on (besides the template source).
COMPILE_OPTIONS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
    "autoescape", "newstyle_gettext",
)  # fmt: skip


def bytecode_cache(environment: Environment, root: Path | None) -> FileSystemBytecodeCache | None:
    """A bytecode cache under ``root/jinja/<options>`` for ``environment``, or None when there is
    no cache folder or autoescape is a function (its compiled code cannot be keyed by a value)."""
    if root is None or not isinstance(environment.autoescape, bool):
        return None
    options = [repr(getattr(environment, name, None)) for name in COMPILE_OPTIONS]
    key = ContentCache.key(jinja2.__version__, *options, *sorted(environment.extensions))
    directory = root / "jinja" / key[:16]
    directory.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(directory), "%s.cache")
