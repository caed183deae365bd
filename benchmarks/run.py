"""Benchmark: deckgen's whole-process build times and peak memory against the floor.

Run from the checkout:   python benchmarks/run.py [--sizes 7,70,700] [--runs 3] [--json FILE]

For each size N it generates valid content with N models, then times, as whole processes over
several runs, ``deckgen build`` (all outputs, cold cache), ``--only slides`` and ``--only cards``,
and a rebuild after one model changed (warm cache). Beside them, in the same run, the floor:
WeasyPrint rendering deckgen's own HTML preview of the same cards once in one process, and, where
Debian's chromium is installed, Chromium's headless print of that HTML. Prints a table and writes
it as JSON (default: output/benchmark.json).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MEASURE = [sys.executable, str(HERE / "measure.py")]
WORDS = ("netwerk buurt vrijwilliger contact steun vertrouwen buddy groep ervaring coaching tijd "
         "kennis kans drempel gezin familie school activiteit organisatie respect").split()


def sentence(rng: random.Random, low: int = 3, high: int = 9) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize()


def generate(models: int, seed: int = 1, changed: int | None = None) -> str:
    """Content with ``models`` models; ``changed`` alters one model's strengths (for rebuilds)."""
    rng = random.Random(seed)
    lines = ["language: nl", "title: \"Benchmark: werkmodellen\"", "subtitle: Gegenereerde inhoud",
             "authors: [A. Auteur, B. Auteur]", "venue: Brussel", "date: 2024-05-17", "models:"]
    for number in range(1, models + 1):
        lines.append(f"  - name: \"Werkmodel {number}: {sentence(rng, 2, 4)}\"")
        lines.append("    summary: [" + ", ".join(f'"{sentence(rng)}"' for _ in range(2)) + "]")
        lines.append("    examples: [" + ", ".join(f'"{sentence(rng, 1, 3)}"' for _ in range(2)) + "]")
        for key in ("strengths", "weaknesses"):
            items = [sentence(rng) for _ in range(rng.randint(4, 7))]
            if key == "strengths" and number == changed:
                items[0] = "Gewijzigd: " + items[0]
            lines.append(f"    {key}: [" + ", ".join(f'"{item}"' for item in items) + "]")
        lines.append("    preconditions: [" + ", ".join(f'"{sentence(rng, 2, 5)}"' for _ in range(3)) + "]")
        lines.append(f"    questions: [\"{sentence(rng)}?\"]")
    lines.append("sources: [\"Bron, A. (2024). *Een titel*. Brussel.\"]")
    return "\n".join(lines) + "\n"


def measure(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, peak resident MB of the whole process tree (parent and workers together), and the
    largest single process's peak."""
    result = subprocess.run(MEASURE + command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{result.stderr}")
    wall, peak, single = result.stderr.strip().splitlines()[-1].split()
    return float(wall), float(peak), float(single)


def median_of(runs: int, command: list[str], cwd: Path, before=None) -> dict:
    walls, peaks, singles = [], [], []
    for _ in range(runs):
        if before:
            before()
        wall, peak, single = measure(command, cwd)
        walls.append(wall)
        peaks.append(peak)
        singles.append(single)
    return {"seconds": round(statistics.median(walls), 3), "peak_mb": round(max(peaks), 1),
            "largest_process_mb": round(max(singles), 1), "runs": runs}


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def bench_size(models: int, runs: int, work: Path) -> dict:
    folder = work / f"n{models}"
    folder.mkdir()
    content = folder / "bench.yaml"
    content.write_text(generate(models), encoding="utf-8")
    out = folder / "output"
    deckgen = [sys.executable, "-m", "deckgen", "build", str(content), "--out", str(out), "--quiet"]

    def cold():
        shutil.rmtree(out, ignore_errors=True)

    row = {"models": models}
    row["build_all_cold"] = median_of(runs, deckgen, folder, before=cold)
    row["only_slides"] = median_of(runs, deckgen + ["--only", "slides"], folder, before=cold)
    row["only_cards_cold"] = median_of(runs, deckgen + ["--only", "cards"], folder, before=cold)

    picks = random.Random(models)

    def touch_one_model():
        content.write_text(generate(models, changed=picks.randint(1, models)), encoding="utf-8")
        subprocess.run(deckgen, cwd=folder, check=True, capture_output=True)  # warm the cache
        content.write_text(generate(models, changed=picks.randint(1, models)), encoding="utf-8")

    row["rebuild_one_changed"] = median_of(runs, deckgen, folder, before=touch_one_model)

    html = out / "bench-cards.html"
    cold()
    subprocess.run(deckgen + ["--only", "cards"], cwd=folder, check=True, capture_output=True)
    floor = [sys.executable, "-c", f"import weasyprint; weasyprint.HTML(filename={str(html)!r}).write_pdf("
                                   f"{str(folder / 'floor.pdf')!r})"]
    row["floor_weasyprint"] = median_of(runs, floor, folder)
    if chromium():
        browser = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   f"--user-data-dir={folder / 'chromium-profile'}", "--no-pdf-header-footer",
                   f"--print-to-pdf={folder / 'chromium.pdf'}", html.as_uri()]
        row["floor_chromium"] = median_of(runs, browser, folder)
    return row


def table(rows: list[dict]) -> str:
    columns = ["build_all_cold", "only_slides", "only_cards_cold", "rebuild_one_changed",
               "floor_weasyprint", "floor_chromium"]
    header = "models | " + " | ".join(columns)
    lines = [header, "-" * len(header)]
    for row in rows:
        cells = [f"{row[c]['seconds']:.2f} s / {row[c]['peak_mb']:.0f} MB" if c in row else "n/a" for c in columns]
        lines.append(f"{row['models']:>6} | " + " | ".join(cells))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="7,70,700")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--runs-at", default="700:1",
                        help="fewer runs for big sizes, as SIZE:RUNS,... (default 700:1: a cold 700-model "
                             "build takes about a minute)")
    parser.add_argument("--json", type=Path, default=Path("output/benchmark.json"))
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as work:
        for size in (int(s) for s in args.sizes.split(",")):
            started = time.perf_counter()
            runs = dict(pair.split(":") for pair in args.runs_at.split(",") if pair).get(str(size), args.runs)
            rows.append(bench_size(size, int(runs), Path(work)))
            print(f"  {size} models measured in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(table(rows))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"cpus": os.cpu_count(), "python": sys.version.split()[0], "rows": rows},
                                    indent=2), encoding="utf-8")
    print(f"written: {args.json}")


if __name__ == "__main__":
    main()
