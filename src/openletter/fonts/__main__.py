"""``python -m openletter.fonts SITE_ROOT [CACHE_DIR]``: subset a built site's fonts, print the report."""

from __future__ import annotations

import sys
from pathlib import Path

from openletter.cache import Cache
from openletter.errors import OpenletterError
from openletter.fonts.builder import FontBuilder
from openletter.fonts.notices import notices
from openletter.fonts.stylesheet import linked_groups
from openletter.fonts.text import pages_from_site


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not 1 <= len(args) <= 2:
        print("usage: python -m openletter.fonts SITE_ROOT [CACHE_DIR]", file=sys.stderr)
        return 2
    site_root = Path(args[0])
    try:
        builder = FontBuilder(Path("node_modules"), Cache(Path(args[1]) if len(args) > 1 else None))
        pages = pages_from_site(site_root)
        report = builder.build(site_root, pages, linked_groups(pages), notices(site_root))
    except OpenletterError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(report.summary(site_root))
    for page, char in report.missing:
        print(f"{page}: no font for U+{ord(char):04X} {char!r}", file=sys.stderr)
    return 1 if report.missing or report.over_budget() else 0


if __name__ == "__main__":
    raise SystemExit(main())
