"""Catalog maintenance at N languages: update and check of every catalog, against GNU gettext.

    python bench/bench_catalogs.py                      # N = 100, 5 repeats
    python bench/bench_catalogs.py --languages 200 --repeats 3

In a temporary copy of the project, N synthetic languages are written as in bench_build.py
(pseudo-translations of the real letter and theme catalogs, 2 catalogs per language).  Then a
few paragraphs of content/letter.md are edited (two light edits, a rewrite, a deletion, an
insertion) and the templates re-extracted, so that the update really has work to do.

(a) update: ``Catalogs(project).update()`` in this process (and ``openletter update`` in a fresh
    process, imports included) vs a bash loop of ``msgmerge --quiet -o out.po ll.po domain.pot``
    over the same 2N catalogs (the whole loop timed); every repeat starts from the same catalogs.
(b) check: ``commands.check`` (what ``invoke check`` runs) in this process and in a fresh process
    vs a bash loop of ``msgfmt --check -o /dev/null`` over the same files.  Target: under 2 s.

Medians of wall time; the two sides alternate within each repeat so that drift hits both alike.
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import bench_build  # noqa: E402  (puts src/ on sys.path too)
from bench_content_scale import INSERTS, REWRITES, light_edit, split_letter  # noqa: E402
from benchlib import machine, timed  # noqa: E402

ENVIRON = {"SOURCE_DATE_EPOCH": "1795000000"}

MSGMERGE_LOOP = """
set -e
cd "$1"
out="$2"
for po in */LC_MESSAGES/*.po; do
  name=${po##*/}
  msgmerge --quiet -o "$out/${po//\\//_}" "$po" "${name%.po}.pot"
done
"""

MSGFMT_LOOP = """
set -e
cd "$1"
for po in */LC_MESSAGES/*.po; do
  msgfmt --check -o /dev/null "$po"
done
"""


def edit_letter(path: Path, rng: random.Random) -> list[str]:
    """Edit a few paragraphs in place: what an author does between two releases."""
    metadata, blocks = split_letter(path.read_text(encoding="utf-8"))
    taken = set(blocks)
    done = []
    for index in (3, 7):
        blocks[index] = light_edit(blocks[index], rng, taken)
        done.append(f"light edit of paragraph {index + 1}")
    blocks[9] = REWRITES[0]
    done.append("rewrite of paragraph 10")
    del blocks[4]
    done.append("deletion of paragraph 5")
    blocks.insert(10, INSERTS[0])
    done.append("a new paragraph")
    path.write_text(metadata + "\n\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")
    return done


def catalogs_of(config: Path):
    from openletter.maintenance import Catalogs
    from openletter.project import Project
    from openletter.settings import OPTIONS_KEY, load_settings

    return Catalogs(Project.from_options(load_settings(config)[OPTIONS_KEY]), environ=ENVIRON)


def cli(config: Path, command: str) -> None:
    subprocess.run([sys.executable, "-m", "openletter.commands.cli", "--settings", str(config), command],
                   cwd=config.parent, check=True, stdout=subprocess.DEVNULL)  # fmt: skip


def bash(script: str, *args: str) -> None:
    subprocess.run(["bash", "-c", script, "bash", *args], check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--languages", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for tool in ("msgmerge", "msgfmt"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found (GNU gettext: apt-get install gettext)")

    from openletter.commands.actions import check
    from openletter.po.pofile import read_po

    with tempfile.TemporaryDirectory(prefix="bench-catalogs-") as temp_name:
        temp = Path(temp_name)
        codes = bench_build.language_codes(args.languages)
        config = bench_build.make_ours(temp / "project", codes)
        catalogs = catalogs_of(config)
        project = catalogs.project
        edits = edit_letter(project.content_dir / "letter.md", random.Random(args.seed))
        catalogs.extract()
        snapshot = temp / "snapshot"
        shutil.copytree(project.locale_dir, snapshot)
        paths = sorted(project.locale_dir.glob("*/LC_MESSAGES/*.po"))

        def restore() -> None:
            for path in paths:
                shutil.copyfile(snapshot / path.relative_to(project.locale_dir), path)

        merged = temp / "msgmerge-out"
        merged.mkdir()
        reports = []
        runs: dict[str, list[float]] = {"ours": [], "ours-cli": [], "msgmerge": []}
        for _ in range(args.repeats):  # interleaved
            runs["ours"] += timed(lambda: reports.append(catalogs_of(config).update()), before=restore, repeats=1)
            runs["ours-cli"] += timed(lambda: cli(config, "update"), before=restore, repeats=1)
            runs["msgmerge"] += timed(lambda: bash(MSGMERGE_LOOP, str(project.locale_dir), str(merged)), before=restore, repeats=1)
        restore()  # check the catalogs as our update leaves them
        catalogs_of(config).update()
        checks: dict[str, list[float]] = {"ours": [], "ours-cli": [], "msgfmt": []}
        for _ in range(args.repeats):
            checks["ours"] += timed(lambda: check(config, out=io.StringIO()), repeats=1)
            checks["ours-cli"] += timed(lambda: cli(config, "check"), repeats=1)
            checks["msgfmt"] += timed(lambda: bash(MSGFMT_LOOP, str(project.locale_dir)), repeats=1)
        said = io.StringIO()
        check(config, out=said)

        ours_total = Counter()
        for report in reports[-1].reports.values():
            ours_total.update({"kept": report.kept, "fuzzy": report.fuzzy, "new": report.new, "obsolete": report.obsoleted})
        theirs_total = Counter()
        for path in merged.glob("*.po"):
            catalog = read_po(path)
            theirs_total["obsolete"] += len(catalog.obsolete)
            for entry in catalog.entries:
                theirs_total["fuzzy" if entry.fuzzy else "kept" if all(entry.translations) else "new"] += 1
        median = statistics.median
        print(machine())
        print(f"{args.languages} languages, {len(paths)} catalogs; content/letter.md: {', '.join(edits)}")
        print(f"update results, all catalogs: ours {dict(ours_total)}; msgmerge {dict(theirs_total)}")
        print(f"check said: {said.getvalue().strip().splitlines()[-1]}")
        print()
        print(f"{'step':<7} | {'ours s':>7} | {'ours, fresh process s':>21} | {'baseline':<32} {'s':>7} | {'ratio':>5} | {'ratio, fresh':>12}")
        for name, results, base, label in (
            ("update", runs, "msgmerge", f"msgmerge loop, {len(paths)} files"),
            ("check", checks, "msgfmt", f"msgfmt --check loop, {len(paths)} files"),
        ):
            ours, fresh, baseline = median(results["ours"]), median(results["ours-cli"]), median(results[base])
            print(f"{name:<7} | {ours:>7.3f} | {fresh:>21.3f} | {label:<32} {baseline:>7.3f} | {ours / baseline:>5.2f} | {fresh / baseline:>12.2f}")
        check_time = median(checks["ours-cli"])
        print(f"  check target < 2 s for {args.languages} languages: {'met' if check_time < 2 else 'MISSED'} "
              f"({check_time:.2f} s as a command, {median(checks['ours']):.2f} s in process)")  # fmt: skip


if __name__ == "__main__":
    main()
