"""Growth: what each added language costs the full build, from N = 10 to N = 200, vs native Pelican.

    python bench/bench_growth.py                          # N = 10 50 100 150 200, 3 repeats
    python bench/bench_growth.py --sizes 10 100 200 300 --repeats 5

The 200 synthetic languages (bench_build.py's pseudo-translations) are written once; each N
builds the first N of them.  Every build runs in a fresh process (bench_build.py's child
measurement: wall, CPU, peak RSS of that process), ours and native Pelican interleaved.
Printed: medians per N, then the marginal cost between successive N, in milliseconds (and
MB of peak RSS) per added language, for both.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import bench_build  # noqa: E402  (puts src/ on sys.path too)
from benchlib import machine  # noqa: E402


def subset(full: Path, dest: Path, codes: list[str], keep: set[str]) -> Path:
    """A copy of the project at ``full`` with only the languages in ``keep`` (of all ``codes``)."""
    dropped = set(codes) - keep

    def ignore(folder: str, names: list[str]) -> list[str]:
        return [name for name in names if name in dropped or (name.startswith("letter-") and name[7:-3] in dropped)]

    shutil.copytree(full, dest, ignore=ignore)
    return dest / "pelicanconf.py"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 100, 150, 200])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as temp_name:
        temp = Path(temp_name)
        codes = bench_build.language_codes(sizes[-1])
        full_ours = bench_build.make_ours(temp / "full-ours", codes).parent
        full_native = bench_build.make_native(temp / "full-native", codes).parent
        print(machine())
        print(f"{'N':>4} | {'ours wall s':>11} {'cpu s':>6} {'MB':>5} | {'native wall s':>13} {'cpu s':>6} {'MB':>5} | {'ratio wall':>10}")
        medians: dict[int, dict[str, dict[str, float]]] = {}
        for size in sizes:
            keep = set(codes[:size])
            configs = {"ours": subset(full_ours, temp / f"ours-{size}", codes, keep),
                       "native": subset(full_native, temp / f"native-{size}", codes, keep)}  # fmt: skip
            runs: dict[str, list[dict[str, float]]] = {"ours": [], "native": []}
            for _ in range(args.repeats):  # interleaved, so drift hits both alike
                for kind in runs:
                    runs[kind].append(bench_build.measure(kind, configs[kind], temp / f"{kind}-out-{size}"))
            medians[size] = {kind: {key: statistics.median(r[key] for r in values) for key in values[0]} for kind, values in runs.items()}
            ours, native = medians[size]["ours"], medians[size]["native"]
            print(f"{size:>4} | {ours['wall']:>11.3f} {ours['cpu']:>6.2f} {ours['rss_mb']:>5.0f} | "
                  f"{native['wall']:>13.3f} {native['cpu']:>6.2f} {native['rss_mb']:>5.0f} | {ours['wall'] / native['wall']:>10.2f}",
                  flush=True)  # fmt: skip
            for kind in runs:
                shutil.rmtree(temp / f"{kind}-out-{size}", ignore_errors=True)
        print()
        print(f"{'N':>9} | {'ours ms/lang':>12} {'cpu ms/lang':>11} {'MB/lang':>7} | {'native ms/lang':>14} {'cpu ms/lang':>11} {'MB/lang':>7}")
        for low, high in zip(sizes, sizes[1:]):
            step = high - low
            cells = []
            for kind in ("ours", "native"):
                a, b = medians[low][kind], medians[high][kind]
                cells.append(f"{(b['wall'] - a['wall']) * 1000 / step:>{12 if kind == 'ours' else 14}.1f} "
                             f"{(b['cpu'] - a['cpu']) * 1000 / step:>11.1f} {(b['rss_mb'] - a['rss_mb']) / step:>7.2f}")  # fmt: skip
            print(f"{f'{low}->{high}':>9} | {cells[0]} | {cells[1]}")
        top = medians[sizes[-1]]
        print(f"peak RSS at N={sizes[-1]}: ours {top['ours']['rss_mb']:.0f} MB, native {top['native']['rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
