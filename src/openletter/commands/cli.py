"""``openletter`` command line (the same commands as ``invoke``, for CI and editors).

Its help is plain text: argparse prints the strings below as they are, so they carry no
reStructuredText (the module docstrings do, for readers of the code).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from openletter.commands import actions as commands

DESCRIPTION = (
    "Publish one open letter in every language: the same commands as 'invoke', for CI and editors. "
    "Problems are printed as path:line: error: message, with exit status 1."
)

#: Each command's one-line help (in the command list) and description (in its own --help).
COMMANDS = {
    "extract": "Write locale/<name>.pot from content/ and the theme's templates (only when a message changed).",
    "update": "Merge the templates into every locale/<code>/LC_MESSAGES/*.po: an edited message becomes fuzzy, "
    "a removed one obsolete; no translation is lost.",
    "add-language": "Create the catalogs of a new language, with headers from CLDR (plural rule, language name).",
    "check": "Check every catalog and signatures/ record; one line per problem (path:line: severity: code: message), "
    "then a summary; --format json, or github, gitlab or sarif for CI annotations. Exit status 1 on any error.",
    "stats": "Per language and catalog: translated, fuzzy and untranslated units and words, and the review state.",
    "apply": "Apply a suggestion file (a PO file with X-Suggestion-For and Language headers) to its catalog: checks each "
    "suggested translation, reports conflicts with later edits, shows each change as a word diff, asks, then writes.",
    "build": "Build every language into the output folder with one Pelican run (swapped in only when it succeeds).",
}


def parser() -> argparse.ArgumentParser:
    """The command line, every command and option with a help text."""
    main_parser = argparse.ArgumentParser(prog="openletter", description=DESCRIPTION)
    main_parser.add_argument(
        "--settings", type=Path, default=Path("pelicanconf.py"), help="the Pelican settings file (default: pelicanconf.py)"
    )
    sub = main_parser.add_subparsers(
        dest="command", required=True, metavar="command", title="commands", help="one of these ('openletter <command> --help' for its options):"
    )
    for name, text in COMMANDS.items():
        sub.add_parser(name, help=text, description=text)
    add, check, stats, build = (sub.choices[name] for name in ("add-language", "check", "stats", "build"))
    add.add_argument(
        "code",
        help="the language: a CLDR or BCP 47 code in any case, with - or _ (de, pt-BR, pt_BR, zh-Hans); "
        "its catalogs go to locale/<CLDR code>/",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "github", "gitlab", "sarif"),
        default="text",
        help="text (default), json, github (workflow annotations), gitlab (Code Quality report) or sarif (2.1.0)",
    )
    stats.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="text (default), json or markdown")
    build.add_argument("--output", type=Path, default=None, help="the folder to build into (default: OUTPUT_PATH of the settings, output/)")
    build.add_argument(
        "--skip-broken", action="store_true", default=None, help="leave out languages whose catalogs are broken (their previous pages stay)"
    )
    build.add_argument("--pseudo", action="store_true", help="also build the pseudo-locale at /en-xa/ (never published)")
    build.add_argument("--pdf", action="store_true", help="also make each language's PDFs and share card (Chromium; publish builds always do)")
    apply = sub.choices["apply"]
    apply.add_argument("file", type=Path, help="the suggestion file (.po)")
    apply.add_argument("--yes", action="store_true", help="apply without asking")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
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
    if args.command == "apply":
        return commands.apply(args.settings, args.file, yes=args.yes)
    return commands.build_site(args.settings, args.output, skip_broken=args.skip_broken, pseudo=args.pseudo, pdf=args.pdf)


if __name__ == "__main__":
    raise SystemExit(main())
