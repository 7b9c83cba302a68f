"""Helpers shared by the bench/ scripts (standard library only)."""
import os
import re
import statistics
import subprocess
import sys
import time

# A run slower than this is not repeated (see timed()).
SLOW_SECONDS = float(os.environ.get("BENCH_SLOW_SECONDS", "10"))
# Runs per measurement; the reported value is the median.
REPS = int(os.environ.get("REPS", "3"))


class Timeout(Exception):
    def __init__(self, seconds):
        super().__init__(f"timed out after {seconds:g} s")
        self.seconds = seconds


def die(msg):
    sys.stderr.write(f"bench: error: {msg}\n")
    sys.exit(1)


def progress(msg):
    """Progress goes to stderr so stdout stays the report."""
    sys.stderr.write(f"  .. {msg}\n")
    sys.stderr.flush()


def run(cmd, **kw):
    """Run cmd, failing the bench with its stderr when it fails."""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, **kw)
    if p.returncode != 0:
        die(f"command failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr}")
    return p


_TIMING_LINE = re.compile(r"^\s*([0-9.]+)\s+\(\s*[0-9.]+%\)\s+(\S.*?)\s*$")


def parse_mlir_timing(stderr):
    """{name: wall seconds} from the report of --mlir-timing (top level)."""
    out = {}
    for line in stderr.splitlines():
        m = _TIMING_LINE.match(line)
        if m:
            out[m.group(2)] = out.get(m.group(2), 0.0) + float(m.group(1))
    return out


def timed(cmd, reps=None, timeout=None):
    """Time cmd `reps` times (wall clock of the whole process, startup
    included) and return (median seconds, runs, median --mlir-timing
    breakdown or {}). A run slower than SLOW_SECONDS is not repeated.
    Raises Timeout if a run takes longer than `timeout` seconds."""
    reps = REPS if reps is None else reps
    walls, reports = [], []
    for _ in range(max(1, reps)):
        t0 = time.perf_counter()
        try:
            p = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Timeout(timeout)
        wall = time.perf_counter() - t0
        if p.returncode != 0:
            die(f"command failed ({p.returncode}): {' '.join(cmd)}\n"
                f"{p.stderr[-4000:]}")
        walls.append(wall)
        reports.append(parse_mlir_timing(p.stderr))
        if wall > SLOW_SECONDS:
            break
    keys = set().union(*reports)
    breakdown = {k: statistics.median(r.get(k, 0.0) for r in reports)
                 for k in keys}
    return statistics.median(walls), len(walls), breakdown


def fmt_s(x):
    if x is None:
        return "-"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 0.1:
        return f"{x:.2f}"
    return f"{x:.3f}"


def fmt_ratio(x):
    if x is None:
        return "-"
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def fmt_mb(nbytes):
    if nbytes is None:
        return "-"
    return f"{nbytes / 1e6:.1f}" if nbytes >= 1e5 else f"{nbytes / 1e6:.2f}"


def table(headers, rows, align=None):
    """A markdown table; align is a string of 'l'/'r' per column."""
    align = align or "l" + "r" * (len(headers) - 1)
    cells = [[str(c) for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells])
              for i, h in enumerate(headers)]

    def line(cs):
        out = []
        for i, c in enumerate(cs):
            out.append(c.ljust(widths[i]) if align[i] == "l"
                       else c.rjust(widths[i]))
        return "| " + " | ".join(out) + " |"

    sep = []
    for i in range(len(headers)):
        w = max(3, widths[i])
        sep.append(":" + "-" * (w - 1) if align[i] == "l"
                   else "-" * (w - 1) + ":")
    return "\n".join([line(headers), "| " + " | ".join(sep) + " |"] +
                     [line(r) for r in cells])


def geomean(xs):
    xs = [x for x in xs if x is not None and x > 0]
    if not xs:
        return None
    return statistics.geometric_mean(xs)
