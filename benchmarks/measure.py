"""Runs one command and prints its wall time in seconds and its peak resident memory in MB to stderr.

The peak is the largest resident set of the process or any child it waited for (getrusage of the
children), the figure /usr/bin/time reports as "Maximum resident set size".
"""

import resource
import subprocess
import sys
import time

started = time.perf_counter()
completed = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - started
if completed.returncode != 0:
    sys.stderr.write(completed.stderr)
    sys.exit(completed.returncode)
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{wall:.3f} {peak_mb:.1f}", file=sys.stderr)
