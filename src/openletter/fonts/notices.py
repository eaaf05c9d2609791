"""The language notices' words, which ``notice.js`` may show on any page: each language's notice
gets webfonts of its own (``theme/fonts/_notice-<tag>.css``)."""

from __future__ import annotations

import json
from pathlib import Path

from openletter.errors import OpenletterError

#: The language notices' words (the theme's ``notices.js``), which notice.js shows in the reader's
#: language on any page: ``window.openletterNotices = {tag: {"notice": …, "read": …, …}, …};``
NOTICES = "theme/js/notices.js"


def notices(output: Path) -> dict[str, str]:
    """The notices' text by language tag, for the fonts of every page (none if the theme has none)."""
    try:
        source = (output / NOTICES).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    _, _, value = source.partition("=")
    try:
        words = json.loads(value.strip().rstrip(";"))
    except ValueError as error:
        raise OpenletterError(f"not the notices the theme writes: {error}", path=output / NOTICES) from None
    return {tag: " ".join(str(text) for text in entry.values()) for tag, entry in words.items()}
