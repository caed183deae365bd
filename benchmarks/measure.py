"""Runs one command; prints its wall time (s), peak memory of its whole process tree (MB), the largest
single process's peak (MB) and the tree's peak proportional set size (MB) to stderr.

The tree's peaks are sampled every 20 ms from /proc, over the command and every process it started (a
build's worker processes). The resident sets summed count a page shared by a forked worker and its parent
once per process, so they overstate what the machine held; the proportional set sizes (PSS, from
smaps_rollup: a shared page divided among its sharers) summed are what the machine had to hold at once.
The single figure is getrusage's largest resident set of any waited-for child, the figure /usr/bin/time
reports.
"""

import os
import resource
import subprocess
import sys
import time


def _field_kb(path: str, name: str) -> int:
    with open(path) as lines:
        for line in lines:
            if line.startswith(name):
                return int(line.split()[1])
    return 0


def tree_memory_kb(pid: int) -> tuple[int, int]:
    """The resident sets and the proportional set sizes of ``pid`` and all its descendants, each summed."""
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            rss += _field_kb(f"/proc/{current}/status", "VmRSS:")
            pss += _field_kb(f"/proc/{current}/smaps_rollup", "Pss:")
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return rss, pss


started = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
peak_tree = peak_pss = 0
while process.poll() is None:
    rss, pss = tree_memory_kb(process.pid)
    peak_tree, peak_pss = max(peak_tree, rss), max(peak_pss, pss)
    time.sleep(0.02)
stderr = process.stderr.read()
wall = time.perf_counter() - started
if process.returncode != 0:
    sys.stderr.write(stderr)
    sys.exit(process.returncode)
peak_single = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{wall:.3f} {max(peak_tree / 1024, peak_single):.1f} {peak_single:.1f} {peak_pss / 1024:.1f}", file=sys.stderr)
