"""``openletter`` command line (the same commands as ``invoke``, for CI and editors)."""

from __future__ import annotations

import argparse
from pathlib import Path

from openletter.commands import actions as commands


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="openletter", description=__doc__)
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"), help="Pelican settings file")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("extract", help="write locale/*.pot from content/ and the theme")
    sub.add_parser("update", help="merge the templates into every locale/<ll>/LC_MESSAGES/*.po")
    add = sub.add_parser("add-language", help="create the catalogs of a new language")
    add.add_argument("code", help="CLDR code in canonical form, e.g. de, pt_BR, zh_Hans")
    check = sub.add_parser("check", help="check every catalog: path:line: severity: code: message")
    check.add_argument("--format", choices=("text", "json"), default="text")
    stats = sub.add_parser("stats", help="translated/fuzzy/untranslated units and words per language")
    stats.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    build = sub.add_parser("build", help="build every language into output/")
    build.add_argument("--output", type=Path, default=None)
    build.add_argument("--skip-broken", action="store_true", default=None, help="leave out languages whose catalogs are broken")
    build.add_argument("--pseudo", action="store_true", help="also build the pseudo-locale at /en-xa/ (never published)")
    args = parser.parse_args(argv)
    if args.command == "extract":
        return commands.extract(args.settings)
    if args.command == "update":
        return commands.update(args.settings)
    if args.command == "add-language":
        return commands.add_language(args.settings, args.code)
    if args.command == "stats":
        return commands.stats(args.settings, args.format)
    if args.command == "check":
        return commands.check(args.settings, args.format)
    return commands.build_site(args.settings, args.output, skip_broken=args.skip_broken, pseudo=args.pseudo)


if __name__ == "__main__":
    raise SystemExit(main())
