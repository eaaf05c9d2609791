"""Content scale: a source 100 times the letter (~1,400 units), ONE language, in a temporary project.

    python bench/bench_content_scale.py                 # 100 copies, 5 repeats (builds: 3)
    python bench/bench_content_scale.py --copies 50 --repeats 3 --profile

The source is ``## Copy N`` + the letter's body, 100 times, with one word of every paragraph
replaced per copy so that no two units are identical (gettext would merge identical ones).
One language (``de``) is fully pseudo-translated.  Then about 5% of the units are edited:
light edits (one word changed, added or dropped), full rewrites in place, insertions,
deletions and moves to a distant copy.  Measured, with a baseline in the same run:

- extract (``Catalogs.extract``, template changed)  vs ``pybabel extract`` with openletter's own
  Babel extractor (the same units);
- update of the catalog (``Catalogs.update``)         vs GNU ``msgmerge`` on the same old .po and new .pot,
  and the *fuzzy quality* of both outputs, parsed with ``openletter.pofile.read_po``: per kind of
  edit, how many units kept their own old translation as fuzzy, got another unit's translation,
  became untranslated, and whether deleted units' translations were kept as obsolete;
- check (``commands.check``)                         vs ``msgfmt --check`` on the same files;
- build (``openletter.commands.build``, fresh process)        vs native Pelican on the same 2 pages (as bench_build.py).

Times are medians of wall time.  ``--profile [extract update check]`` prints where a step spends its time
(cProfile); it is printed anyway when the update misses its 1 s target.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import re
import shutil
import statistics
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import bench_build  # noqa: E402  (puts src/ on sys.path too)
from benchlib import machine, run, timed  # noqa: E402

REPO = bench_build.REPO
LANGUAGE = "de"
ENVIRON = {"SOURCE_DATE_EPOCH": "1795000000"}

#: Words swapped in: per copy (so that units differ) and by light edits.
VOCABULARY = """
about above across actual almost already always amazing another anyone around basic better
bigger broad careful certain clear common complete current daily direct early easily entire
equal exact famous final former future general global greater honest huge human ideal
important large later likely local longer major modern narrow natural nearly normal obvious
open overall plain popular possible private proper public quick rapid rare real recent
regular related remote serious several short simple single small social special steady
strange strong sudden total typical unique urgent usual various visible whole wider worthy
""".split()

#: Full rewrites: new text in place of an old paragraph (nothing in common but the topic).
REWRITES = [
    "A moratorium enforced by governments would freeze research exactly where openness matters most.",
    "History shows that bans on tools rarely stop them; they only move the work elsewhere.",
    "We ask lawmakers to fund safety research instead of halting the research itself.",
    "Public benchmarks, audits and shared evaluations do more for safety than any pause could.",
    "Small labs and universities would suffer first, while the largest firms simply wait it out.",
    "Translation, medicine and education already benefit from these models every single day.",
    "Fear is an understandable reaction, yet it is a poor basis for binding international law.",
    "Instead of stopping, let us publish, measure, discuss and correct course in the open.",
]

#: Insertions: brand-new paragraphs.
INSERTS = [
    "Signatories write in their own name; affiliations are listed for identification only.",
    "Comments and corrections are welcome through the project's public issue tracker.",
    "This section was added after readers asked how the letter relates to existing regulation.",
    "Several readers pointed out that open source models change the economics of any ban.",
    "Nothing in this letter argues against careful testing before a model is deployed.",
    "The authors have no financial stake in any company that trains language models.",
    "We will keep this page updated as the debate and the proposed legislation evolve.",
    "Teachers told us that their students use these tools to learn faster, not to cheat.",
]

_WORD_RE = re.compile(r"(?<![\w’'-])[A-Za-z]{4,}(?![\w’'-])")


# -- the synthetic source ------------------------------------------------------------------------


def split_letter(text: str) -> tuple[str, list[str]]:
    """(metadata block, body blocks) of a Pelican-style Markdown file."""
    metadata, _, body = text.partition("\n\n")
    return metadata, [block.strip() for block in re.split(r"\n\s*\n", body) if block.strip()]


def replace_word(text: str, rng: random.Random, taken: set[str]) -> str:
    """``text`` with one plain word replaced by a vocabulary word, giving a text not in ``taken``."""
    words = list(_WORD_RE.finditer(text))
    for _ in range(1000):
        match = rng.choice(words)
        word = rng.choice(VOCABULARY)
        if word.lower() == match.group(0).lower():
            continue
        new = text[: match.start()] + word + text[match.end() :]
        if new not in taken:
            return new
    raise RuntimeError(f"no unique variant of {text[:40]!r}")


def light_edit(text: str, rng: random.Random, taken: set[str]) -> str:
    """What an author does in passing: change, add or drop one word."""
    words = list(_WORD_RE.finditer(text))
    for _ in range(1000):
        how = rng.choice(("change", "add", "drop"))
        match = rng.choice(words)
        if how == "change":
            return replace_word(text, rng, taken)
        if how == "add":
            new = text[: match.start()] + rng.choice(("really", "clearly", "also", "still")) + " " + text[match.start() :]
        else:
            new = (text[: match.start()] + text[match.end() :]).replace("  ", " ")
        if new not in taken and new.strip() == new:
            return new
    raise RuntimeError("no light edit")


def make_copies(blocks: list[str], copies: int, rng: random.Random) -> list[list[str]]:
    """``copies`` copies of the body, every block with one word replaced so that no text repeats."""
    taken: set[str] = set(blocks)
    result = []
    for _ in range(copies):
        copy = []
        for block in blocks:
            text = replace_word(block, rng, taken)
            taken.add(text)
            copy.append(text)
        result.append(copy)
    return result


def render(metadata: str, copies: list[list[str]]) -> str:
    parts = [metadata, ""]
    for number, blocks in enumerate(copies, start=1):
        parts += [f"## Copy {number}", ""]
        for block in blocks:
            parts += [block, ""]
    return "\n".join(parts)


@dataclass
class Edit:
    kind: str  # light, rewrite, insert, delete, move
    old: str | None  # the old unit text (None for an insertion)
    new: str | None  # the new unit text (None for a deletion)


def edit_copies(copies: list[list[str]], fraction: float, rng: random.Random) -> tuple[list[list[str]], list[Edit]]:
    """Edit about ``fraction`` of the body units: ~57% light edits, the rest split between
    rewrites, insertions, deletions and moves (moves go at least a fifth of the document away)."""
    total = sum(len(copy) for copy in copies)
    count = max(5, round(total * fraction))
    plan = {"rewrite": max(1, count * 8 // 70), "insert": max(1, count * 8 // 70), "delete": max(1, count * 8 // 70),
            "move": max(1, count * 6 // 70)}  # fmt: skip
    plan = {"light": count - sum(plan.values()), **plan}
    new = [list(copy) for copy in copies]
    taken = {text for copy in copies for text in copy}
    slots = rng.sample([(c, i) for c, copy in enumerate(copies) for i in range(len(copy))], count - plan["insert"])
    edits: list[Edit] = []
    marks: dict[tuple[int, int], str] = {}
    kinds = [kind for kind in ("light", "rewrite", "delete", "move") for _ in range(plan[kind])]
    for (c, i), kind in zip(slots, kinds):
        old = copies[c][i]
        if kind == "light":
            text = light_edit(old, rng, taken)
            taken.add(text)
            new[c][i] = text
            edits.append(Edit("light", old, text))
        elif kind == "rewrite":
            text = REWRITES[len([e for e in edits if e.kind == "rewrite"]) % len(REWRITES)]
            text = text if text not in taken else replace_word(text, rng, taken)
            taken.add(text)
            new[c][i] = text
            edits.append(Edit("rewrite", old, text))
        else:
            marks[(c, i)] = kind  # removed below, after every index is resolved
            edits.append(Edit(kind, old, old if kind == "move" else None))
    moved = [copies[c][i] for (c, i), kind in sorted(marks.items()) if kind == "move"]
    new = [[text for i, text in enumerate(copy) if (c, i) not in marks] for c, copy in enumerate(new)]
    far = len(copies) // 5
    for text in moved:
        source = next(c for c, copy in enumerate(copies) if text in copy)
        target = rng.choice([c for c in range(len(new)) if abs(c - source) >= far] or [len(new) - 1 - source])
        new[target].insert(rng.randrange(len(new[target]) + 1), text)
    for k in range(plan["insert"]):
        text = INSERTS[k % len(INSERTS)]
        text = text if text not in taken else replace_word(text, rng, taken)
        taken.add(text)
        target = rng.randrange(len(new))
        new[target].insert(rng.randrange(len(new[target]) + 1), text)
        edits.append(Edit("insert", None, text))
    return new, edits


# -- the temporary project -----------------------------------------------------------------------


def make_project(root: Path, source: str) -> Path:
    """A project with ``source`` as content/letter.md and no languages yet."""
    shutil.copytree(REPO / "theme", root / "theme")
    (root / "content").mkdir(parents=True)
    shutil.copytree(REPO / "content" / "extra", root / "content" / "extra")
    (root / "content" / "letter.md").write_text(source, encoding="utf-8")
    (root / "locale").mkdir()
    for name in ("letter.cfg", "theme.cfg"):
        shutil.copy(REPO / "locale" / name, root / "locale" / name)
    shutil.copy(REPO / "pelicanconf.py", root / "pelicanconf.py")
    with (root / "pelicanconf.py").open("a", encoding="utf-8") as handle:
        handle.write(f"OPENLETTER_NODE_MODULES = {str(REPO / 'node_modules')!r}\n")  # the webfonts' packages
    return root / "pelicanconf.py"


def catalogs_of(config: Path):
    from openletter.maintenance import Catalogs
    from openletter.project import Project
    from openletter.settings import OPTIONS_KEY, load_settings

    return Catalogs(Project.from_options(load_settings(config)[OPTIONS_KEY]), environ=ENVIRON)


def pseudo_translate_language(catalogs, code: str) -> None:
    from openletter.po.pofile import read_po
    from openletter.pseudo import pseudo_translate

    catalogs.add_language(code)
    for domain in catalogs.project.domains():
        path = catalogs.project.catalog_path(catalogs.project.languages()[0], domain)
        path.write_bytes(catalogs.writer.dump_bytes(pseudo_translate(read_po(path))))


# -- fuzzy quality -------------------------------------------------------------------------------


def quality(path: Path, edits: list[Edit], old_translation: dict[str, str], new_units: list[str]) -> dict[str, Counter]:
    """Per kind of edit, what became of it in the merged catalog at ``path``: the new unit
    (``new:``) and the old unit's translation (``old:``)."""
    from openletter.po.pofile import read_po

    catalog = read_po(path)
    active = {entry.msgid: entry for entry in catalog.entries}
    obsolete = {entry.msgid: entry for entry in catalog.obsolete}
    sources = Counter(entry.msgstr for entry in catalog.entries if entry.fuzzy)
    result: dict[str, Counter] = {}
    edited = set()
    for edit in edits:
        tally = result.setdefault(edit.kind, Counter())
        own = False
        if edit.new is not None:
            edited.add(edit.new)
            entry = active.get(edit.new)
            if entry is None or not entry.msgstr:
                tally["new: untranslated"] += 1
            elif edit.old is not None and entry.msgstr == old_translation[edit.old]:
                own = True
                tally["new: fuzzy, own old" if entry.fuzzy else "new: kept"] += 1
            else:
                tally["new: fuzzy, other old" if entry.fuzzy else "new: WRONG, not fuzzy"] += 1
        if edit.kind in ("light", "rewrite", "delete") and not own:
            old = obsolete.get(edit.old)
            if old is not None and old.msgstr == old_translation[edit.old]:
                tally["old: kept as #~"] += 1
            elif sources[old_translation[edit.old]]:
                tally["old: fuzzy for another"] += 1
            else:
                tally["old: LOST"] += 1
    unchanged = result.setdefault("unchanged", Counter())
    for text in new_units:
        if text in edited:
            continue
        entry = active.get(text)
        ok = entry is not None and not entry.fuzzy and entry.msgstr == old_translation.get(text)
        unchanged["kept" if ok else "DAMAGED"] += 1
    totals = result.setdefault("whole file", Counter())
    for entry in catalog.entries:
        totals["fuzzy" if entry.fuzzy else "translated" if entry.msgstr else "untranslated"] += 1
    totals["obsolete"] = len(catalog.obsolete)
    return result


def profile(action: Callable[[], object], before: Callable[[], object], limit: int = 12) -> str:
    """cProfile of one run of ``action``: the top functions by own time, then openletter's by cumulative time."""
    before()
    profiler = cProfile.Profile()
    profiler.enable()
    action()
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("tottime").print_stats(limit)
    stats.sort_stats("cumulative").print_stats("openletter", limit)
    skip = ("   Ordered", "   List reduced")
    return "\n".join(line for line in stream.getvalue().splitlines() if line.strip() and not line.startswith(skip))


# -- main ----------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--edit", type=float, default=0.05, help="fraction of units edited (default 0.05)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--build-repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", nargs="*", choices=("extract", "update", "check"), default=None,
                        help="print a cProfile of these steps (default with the flag alone: update)")
    args = parser.parse_args()
    for tool in ("msgmerge", "msgfmt"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found (GNU gettext: apt-get install gettext)")

    from openletter.settings import SETTINGS

    size_cap = next(setting.default for setting in SETTINGS if setting.name == "OPENLETTER_MAX_CATALOG_BYTES")
    from openletter.commands.actions import check
    from openletter.po.merge import merge
    from openletter.po.pofile import read_po

    rng = random.Random(args.seed)
    metadata, blocks = split_letter((REPO / "content" / "letter.md").read_text(encoding="utf-8"))
    old_copies = make_copies(blocks, args.copies, rng)
    new_copies, edits = edit_copies(old_copies, args.edit, rng)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as temp_name:
        temp = Path(temp_name)
        config = make_project(temp / "project", render(metadata, old_copies))
        catalogs = catalogs_of(config)
        catalogs.extract()
        pseudo_translate_language(catalogs, LANGUAGE)
        project = catalogs.project
        language = project.languages()[0]
        pot, po = project.template_path("letter"), project.catalog_path(language, "letter")
        theme_po = project.catalog_path(language, "theme")
        old_pot, old_po, old_theme_po = pot.read_bytes(), po.read_bytes(), theme_po.read_bytes()
        old_catalog = read_po(po)
        old_translation = {entry.msgid: entry.msgstr for entry in old_catalog.entries}
        old_units = len(old_catalog.entries)

        (project.content_dir / "letter.md").write_text(render(metadata, new_copies), encoding="utf-8")
        catalogs_of(config).extract()
        new_pot = pot.read_bytes()
        new_units = [entry.msgid for entry in read_po(pot).entries]
        old_po_file, new_pot_file, msgmerge_out = temp / "old.po", temp / "new.pot", temp / "msgmerge.po"
        old_po_file.write_bytes(old_po)
        new_pot_file.write_bytes(new_pot)
        msgmerge_cmd = ["msgmerge", "--quiet", "-o", str(msgmerge_out), str(old_po_file), str(new_pot_file)]
        babel_out = temp / "babel.pot"
        from babel.messages.frontend import CommandLineInterface

        babel = ["pybabel", "-q", "extract", "-F", str(project.mapping_path("letter")), "-o", str(babel_out),
                 "--omit-header", str(project.content_dir)]  # fmt: skip

        def restore() -> None:
            po.write_bytes(old_po)
            theme_po.write_bytes(old_theme_po)

        def cli(command: str) -> None:
            run([sys.executable, "-m", "openletter.commands.cli", "--settings", str(config), command], cwd=project.root)

        times: dict[str, list[float]] = {}
        steps = [  # (name, action, untimed preparation); one of each per repeat, interleaved
            ("extract", lambda: catalogs_of(config).extract(), lambda: pot.write_bytes(old_pot)),
            ("pybabel", lambda: CommandLineInterface().run(babel), None),
            ("update", lambda: catalogs_of(config).update(), restore),
            ("update-cli", lambda: cli("update"), restore),
            ("merge", lambda: merge(old_catalog, read_po(pot)), None),
            ("msgmerge", lambda: run(msgmerge_cmd), None),
            ("check", lambda: check(config, out=io.StringIO()), None),  # the catalogs as our update left them
            ("check-cli", lambda: cli("check"), None),
            ("msgfmt", lambda: [run(["msgfmt", "--check", "-o", os.devnull, str(path)]) for path in (po, theme_po)], None),
        ]
        for _ in range(args.repeats):
            for name, action, before in steps:
                times.setdefault(name, []).extend(timed(action, before=before, repeats=1))
        babel_units = len(read_po(babel_out).entries)
        ours_out = temp / "ours.po"
        shutil.copy(po, ours_out)
        report = io.StringIO()
        check(config, out=report)

        # build, fresh processes, interleaved with native Pelican on the same two pages
        saved_repo = bench_build.REPO
        bench_build.REPO = project.root  # make_native reads theme/, content/ and pelicanconf.py from here
        try:
            native_config = bench_build.make_native(temp / "native", [LANGUAGE])
        finally:
            bench_build.REPO = saved_repo
        builds: dict[str, list[dict[str, float]]] = {"ours": [], "native": []}
        for _ in range(args.build_repeats):
            builds["ours"].append(bench_build.measure("ours", config, temp / "ours-out"))
            builds["native"].append(bench_build.measure("native", native_config, temp / "native-out"))

        median = statistics.median
        build = {kind: {key: median(r[key] for r in runs) for key in runs[0]} for kind, runs in builds.items()}
        sizes = {"old .po": len(old_po), "new .pot": len(new_pot), "our .po": ours_out.stat().st_size,
                 "msgmerge .po": msgmerge_out.stat().st_size}  # fmt: skip
        edit_counts = Counter(edit.kind for edit in edits)
        print(machine())
        print(f"source: {args.copies} copies of the letter body, {old_units} units (incl. title, summary, headings) "
              f"-> {len(new_units)} after editing {len(edits)} ({len(edits) / old_units:.1%}): "
              + ", ".join(f"{n} {k}" for k, n in edit_counts.items()))  # fmt: skip
        print("files: " + ", ".join(f"{name} {size / 1000:.0f} kB" for name, size in sizes.items()))
        print(f"check said: {report.getvalue().strip().splitlines()[-1]} "
              f"(largest catalog {max(sizes.values()) / size_cap:.0%} of check's {size_cap:,}-byte size cap)")
        print()
        print(f"{'step':<8} | {'ours s':>7} | {'baseline':<38} {'s':>7} | {'ratio':>6}")
        median_of = {name: median(values) for name, values in times.items()}
        rows = [
            ("extract", "extract", f"pybabel extract, same extractor ({babel_units} u)", "pybabel"),
            ("update", "update", "msgmerge old.po new.pot", "msgmerge"),
            ("  cmd", "update-cli", "  (ours as a command, fresh process)", "msgmerge"),
            ("check", "check", "msgfmt --check (letter.po, theme.po)", "msgfmt"),
            ("  cmd", "check-cli", "  (ours as a command, fresh process)", "msgfmt"),
        ]
        for label, ours, text, base in rows:
            print(f"{label:<8} | {median_of[ours]:>7.3f} | {text:<38} {median_of[base]:>7.3f} | {median_of[ours] / median_of[base]:>6.2f}")
        o, n = build["ours"], build["native"]
        print(f"{'build':<8} | {o['wall']:>7.3f} | {'native Pelican, same 2 pages':<38} {n['wall']:>7.3f} | {o['wall'] / n['wall']:>6.2f}"
              f"   (peak RSS {o['rss_mb']:.0f} MB vs {n['rss_mb']:.0f} MB)")  # fmt: skip
        print(f"  update target < 1 s: {'met' if median_of['update'] < 1 else 'MISSED'}; "
              f"merge() alone (no I/O): {median_of['merge']:.3f} s")
        print()
        ours_quality = quality(ours_out, edits, old_translation, new_units)
        theirs_quality = quality(msgmerge_out, edits, old_translation, new_units)
        print(f"{'fuzzy quality':<12} | {'outcome':<22} | {'ours':>5} | {'msgmerge':>8}")
        for kind in ("light", "rewrite", "insert", "delete", "move", "unchanged", "whole file"):
            outcomes = sorted(set(ours_quality.get(kind, {})) | set(theirs_quality.get(kind, {})))
            for outcome in outcomes:
                print(f"{kind:<12} | {outcome:<22} | {ours_quality[kind][outcome]:>5} | {theirs_quality[kind][outcome]:>8}")
        steps = {"extract": (lambda: catalogs_of(config).extract(), lambda: pot.write_bytes(old_pot)),
                 "update": (lambda: catalogs_of(config).update(), restore),
                 "check": (lambda: check(config, out=io.StringIO()), lambda: None)}  # fmt: skip
        wanted = (args.profile or ["update"]) if args.profile is not None else []
        if median_of["update"] >= 1 and "update" not in wanted:
            wanted.append("update")  # missed its target: show where the time goes
        for step in wanted:
            pot.write_bytes(new_pot)
            print()
            print(f"profile of {step}:")
            print(profile(*steps[step]))


if __name__ == "__main__":
    main()
