"""Runs one command; prints its wall time (s), peak memory of its whole process tree (MB) and the largest
single process's peak (MB) to stderr.

The tree's peak is sampled every 20 ms from /proc: the resident sets of the command and of every process
it started (a build's worker processes), summed -- what the machine had to hold at once. The single
figure is getrusage's largest resident set of any waited-for child, the figure /usr/bin/time reports.
"""

import os
import resource
import subprocess
import sys
import time


def tree_rss_kb(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return total


started = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
peak_tree = 0
while process.poll() is None:
    peak_tree = max(peak_tree, tree_rss_kb(process.pid))
    time.sleep(0.02)
stderr = process.stderr.read()
wall = time.perf_counter() - started
if process.returncode != 0:
    sys.stderr.write(stderr)
    sys.exit(process.returncode)
peak_single = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{wall:.3f} {max(peak_tree / 1024, peak_single):.1f} {peak_single:.1f}", file=sys.stderr)
