#!/usr/bin/python3
"""Draws the figures of a cnn-sweep CSV (Debian's python3-matplotlib).

    cnn-sweep mobilenet_v1 densenet121 --csv=sweep.csv
    /usr/bin/python3 scripts/plot-sweep.py sweep.csv -o figures

Writes, as PNG and SVG (--formats):

  <model>-traffic     DRAM traffic against SRAM size (log axis) for each
                      strategy of the model, with the floor (every weight
                      once, the input read and the output written once);
  <model>-latency     estimated latency per inference (the CSV's latency_ms)
                      against SRAM size for each strategy of the model; a
                      filled marker is a compute-bound point, a hollow one a
                      DMA-bound point (column `bound`); the title names the
                      model and the target with its fields;
  merged-models       the traffic of every model after merging (strategy
                      --strategy, default `merging`) on one chart, when the
                      CSV has several models;
  <model>-energy      energy per inference at each SRAM size, one stacked bar
                      per strategy: MACs, weight traffic, feature-map traffic.

Points where a layer does not fit the SRAM (status `infeasible`) are left
out. The files are the same for the same CSV (no dates, fixed SVG ids).

A sweep over target fields (cnn-sweep --vary=FIELD=v1,v2,...): a field is
varied when rows of one model, strategy and SRAM size differ in it (one of
target, dram_bytes_per_cycle, macs_per_cycle, clock_mhz, dma_align_bytes,
dma_overlap, pj_per_mac, pj_per_bit). Every chart then draws one line (one
bar series in the energy chart) per strategy -- per model in merged-models
-- and value of the varied fields, with the strategy's colour and marker, a
line style per value and a legend such as `merging, dram_bytes_per_cycle=4`.
Values that give the same points in a chart share one line: `merging,
dram_bytes_per_cycle=4/8`, or `merging (same for every
dram_bytes_per_cycle)` when all do (the traffic of a bandwidth sweep). The
traffic chart's floor is the first row's. Rows that repeat a model,
strategy, SRAM size and all of those columns (a varied field the CSV has no
column for, such as fm_percent) are drawn once, the first, with a warning.

--print-points prints, after the files, every point of the line charts
(traffic, latency, merged-models), one per line, as `<chart>: <legend>:
<sram_bytes> <value>`: the value as %g, MB of traffic or ms of latency
followed by the marker drawn, `filled` or `hollow`; for checking a chart
against the CSV.
"""

import argparse
import csv
import os
import re
import sys
from math import prod

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.ticker import FixedLocator, NullLocator  # noqa: E402

# Fixed ids and no dates in SVG output: the same CSV gives the same files.
matplotlib.rcParams["svg.hashsalt"] = "cnn-sweep"
matplotlib.rcParams["font.size"] = 9

STRATEGY_STYLE = {
    "tiling": ("tab:red", "o", "tiling alone"),
    "tiling+compression": ("tab:orange", "v", "tiling, compressed weights"),
    "merging": ("tab:blue", "s", "merging"),
    "merging+compression": ("tab:green", "D", "merging, compressed weights"),
    "merging+strips": ("tab:purple", "^", "merging, width strips"),
}
ENERGY_PARTS = [("mac_energy_uj", "MACs", "#8c8c8c"),
                ("weight_energy_uj", "weight traffic", "#4c72b0"),
                ("fm_energy_uj", "feature-map traffic", "#dd8452")]
# The columns of the target a point was planned for; --vary sweeps them.
TARGET_COLUMNS = ["target", "dram_bytes_per_cycle", "macs_per_cycle",
                  "clock_mhz", "dma_align_bytes", "dma_overlap", "pj_per_mac",
                  "pj_per_bit"]
# One per value of the varied target fields, the first for a single value.
LINE_STYLES = ["-", "--", ":", "-.", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)),
               (0, (1, 3)), (0, (8, 2, 2, 2))]
HATCHES = ["", "//", "xx", "..", "\\\\", "++", "oo", "--"]


def size_label(b):
    if b >= 1 << 20 and b % (1 << 20) == 0:
        return f"{b >> 20} MiB"
    if b >= 1 << 10 and b % (1 << 10) == 0:
        return f"{b >> 10} KiB"
    return f"{b} B"


def read_rows(path):
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        need = {"model", "sram_bytes", "strategy", "status", "total_bytes",
                "floor_bytes", "mac_energy_uj", "weight_energy_uj",
                "fm_energy_uj", "latency_ms", "bound", *TARGET_COLUMNS}
        missing = need - set(reader.fieldnames or [])
        if missing:
            sys.exit(f"plot-sweep: {path} is not a cnn-sweep CSV "
                     f"(no column {', '.join(sorted(missing))})")
        rows = []
        for r in reader:
            r["sram_bytes"] = int(r["sram_bytes"])
            rows.append(r)
    return rows


def ordered(values):
    seen = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


def sram_axis(ax, sizes):
    ax.set_xscale("log", base=2)
    ax.xaxis.set_major_locator(FixedLocator(sizes))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticks(sizes, [size_label(s) for s in sizes], rotation=45,
                  ha="right")
    ax.set_xlabel("SRAM size")
    ax.grid(True, which="major", alpha=0.3)


def file_stem(model):
    """A model label as a file name: mobilenet_v2@1920x1080 ->
    mobilenet_v2_1920x1080."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", model)


def save(fig, out_dir, name, formats, written):
    fig.tight_layout()
    for fmt in formats:
        path = os.path.join(out_dir, f"{name}.{fmt}")
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(path, dpi=120, metadata=metadata)
        written.append(path)
    plt.close(fig)


def varied_fields(rows):
    """The target columns in which rows of one model, strategy and SRAM size
    differ (the fields a --vary sweep varied), in TARGET_COLUMNS order."""
    points = {}
    for r in rows:
        points.setdefault((r["model"], r["strategy"], r["sram_bytes"]),
                          []).append(r)
    return [f for f in TARGET_COLUMNS
            if any(len({r[f] for r in same}) > 1 for same in points.values())]


WARNED = set()


def series(rows, by, value):
    """The lines of a chart: one per value of column `by` (strategy or
    model) and value of the varied target fields, in CSV order. Values of
    the varied fields with the same points (SRAM size and value(row) of each
    feasible row) share a line. Returns (name, legend suffix, style index,
    [(sram_bytes, row)]) per line, the points feasible and by SRAM size."""
    lines = []
    for name in ordered(r[by] for r in rows):
        mine = [r for r in rows if r[by] == name]
        varied = varied_fields(mine)
        keys = ordered(tuple(r[f] for f in varied) for r in mine)
        table = {key: {} for key in keys}
        for r in mine:
            by_size = table[tuple(r[f] for f in varied)]
            if r["sram_bytes"] in by_size:
                if r["model"] not in WARNED:
                    WARNED.add(r["model"])
                    print(f"plot-sweep: warning: {r['model']}: several rows "
                          f"of strategy {r['strategy']} at "
                          f"{r['sram_bytes']} bytes with the same target "
                          "columns; drawing the first", file=sys.stderr)
                continue
            by_size[r["sram_bytes"]] = r
        groups = []  # [points, keys sharing them]
        for key in keys:
            pts = [(s, r) for s, r in sorted(table[key].items())
                   if r["status"] == "ok"]
            same = [g for g in groups
                    if [(s, value(r)) for s, r in g[0]]
                    == [(s, value(r)) for s, r in pts]]
            if same:
                same[0][1].append(key)
            else:
                groups.append([pts, [key]])
        for pts, shared in groups:
            if not varied:
                suffix = ""
            elif len(shared) == len(keys):
                suffix = f" (same for every {', '.join(varied)})"
            elif len(shared) == prod(len(ordered(k[i] for k in shared))
                                     for i in range(len(varied))):
                # Every combination of some values of each field: say
                # which values, field by field.
                suffix = ", " + ", ".join(
                    f"{f}=" + "/".join(ordered(k[i] for k in shared))
                    for i, f in enumerate(varied))
            else:
                suffix = ", " + "; ".join(
                    ", ".join(f"{f}={v}" for f, v in zip(varied, k))
                    for k in shared)
            lines.append((name, suffix, keys.index(shared[0]), pts))
    return lines


def strategy_style(strategy):
    return STRATEGY_STYLE.get(strategy, ("black", "x", strategy))


def traffic_mb(r):
    return int(r["total_bytes"]) / 1e6


def plot_traffic(rows, model, out_dir, formats, written, points):
    mine = [r for r in rows if r["model"] == model]
    sizes = sorted({r["sram_bytes"] for r in mine})
    name = f"{file_stem(model)}-traffic"
    fig, ax = plt.subplots(figsize=(6, 4))
    for strategy, suffix, style, pts in series(mine, "strategy", traffic_mb):
        if not pts:
            continue
        color, marker, label = strategy_style(strategy)
        xs = [s for s, _ in pts]
        ys = [traffic_mb(r) for _, r in pts]
        ax.plot(xs, ys, color=color, marker=marker,
                linestyle=LINE_STYLES[style % len(LINE_STYLES)],
                label=label + suffix)
        points += [f"{name}: {label}{suffix}: {x} {y:g}"
                   for x, y in zip(xs, ys)]
    floors = {}
    for r in mine:
        compressed = r["strategy"].endswith("+compression")
        floors.setdefault(compressed, int(r["floor_bytes"]) / 1e6)
    for compressed, floor in sorted(floors.items()):
        ax.axhline(floor, color="black", linestyle="--" if not compressed
                   else ":", linewidth=1,
                   label="floor" + (", compressed weights" if compressed
                                    else ""))
    sram_axis(ax, sizes)
    ax.set_ylabel("DRAM traffic per inference (MB)")
    ax.set_ylim(bottom=0)
    ax.set_title(f"{model}: DRAM traffic against SRAM size")
    ax.legend(fontsize=8)
    save(fig, out_dir, name, formats, written)


def target_note(rows, varied):
    """The target fields that bear on latency but were not varied."""
    r = rows[0]
    parts = []
    if "dram_bytes_per_cycle" not in varied:
        parts.append(f"DRAM {r['dram_bytes_per_cycle']} B/cycle")
    if "macs_per_cycle" not in varied:
        parts.append(f"{r['macs_per_cycle']} MACs/cycle")
    if "clock_mhz" not in varied:
        parts.append(f"{r['clock_mhz']} MHz")
    if "dma_align_bytes" not in varied:
        parts.append(f"{r['dma_align_bytes']}-byte bursts")
    if "dma_overlap" not in varied:
        parts.append("overlapped DMA" if r["dma_overlap"] == "true"
                     else "serial DMA")
    return ", ".join(parts)


def latency_ms(r):
    return float(r["latency_ms"])


def plot_latency(rows, model, out_dir, formats, written, points):
    mine = [r for r in rows if r["model"] == model]
    sizes = sorted({r["sram_bytes"] for r in mine})
    name = f"{file_stem(model)}-latency"
    lines = [line for line in series(
        mine, "strategy", lambda r: (latency_ms(r), r["bound"])) if line[3]]
    # Many lines (a --vary sweep): the legend goes right of the chart.
    outside = len(lines) > 4
    fig, ax = plt.subplots(figsize=(9, 4) if outside else (6, 4))
    handles = []
    for strategy, suffix, style, pts in lines:
        color, marker, label = strategy_style(strategy)
        linestyle = LINE_STYLES[style % len(LINE_STYLES)]
        ax.plot([s for s, _ in pts], [latency_ms(r) for _, r in pts],
                color=color, linestyle=linestyle)
        # The markers: filled where compute bounds the point, hollow where
        # DMA does. The printed points are read back from what is drawn.
        drawn = []
        for compute, face in ((True, color), (False, "white")):
            marked = [(s, latency_ms(r)) for s, r in pts
                      if (r["bound"] == "compute") == compute]
            if not marked:
                continue
            (markers,) = ax.plot(*zip(*marked), color=color,
                                 linestyle="none", marker=marker,
                                 markerfacecolor=face)
            fill = ("hollow" if to_rgba(markers.get_markerfacecolor())
                    == to_rgba("white") else "filled")
            drawn += [(x, y, fill) for x, y in zip(markers.get_xdata(),
                                                   markers.get_ydata())]
        handles.append(Line2D([], [], color=color, linestyle=linestyle,
                              marker=marker, label=label + suffix))
        points += [f"{name}: {label}{suffix}: {x} {y:g} {fill}"
                   for x, y, fill in sorted(drawn)]
    handles.append(Line2D([], [], color="dimgray", linestyle="none",
                          marker="o", label="filled: compute-bound"))
    handles.append(Line2D([], [], color="dimgray", linestyle="none",
                          marker="o", markerfacecolor="white",
                          label="hollow: DMA-bound"))
    sram_axis(ax, sizes)
    ax.set_ylabel("latency per inference (ms)")
    ax.set_ylim(bottom=0)
    targets = "/".join(ordered(r["target"] for r in mine))
    note = target_note(mine, varied_fields(mine)) if mine else ""
    ax.set_title(f"{model} on {targets}: latency against SRAM size",
                 pad=16 if note else 6)
    if note:
        # The target's fields under the title, small enough to fit.
        ax.text(0.5, 1.015, note, transform=ax.transAxes, ha="center",
                va="bottom", fontsize=8, color="dimgray")
    top = max((latency_ms(r) for _, _, _, pts in lines for _, r in pts),
              default=0)
    if top > 0:
        ax.set_ylim(top=top * 1.08)
    if outside:
        ax.legend(handles=handles, fontsize=8, loc="upper left",
                  bbox_to_anchor=(1.02, 1), borderaxespad=0)
    else:
        ax.legend(handles=handles, fontsize=8)
    save(fig, out_dir, name, formats, written)


def plot_models(rows, strategy, out_dir, formats, written, points):
    mine = [r for r in rows if r["strategy"] == strategy]
    if len(ordered(r["model"] for r in mine)) < 2:
        return
    sizes = sorted({r["sram_bytes"] for r in mine})
    name = ("merged-models" if strategy == "merging"
            else f"{strategy.replace('+', '-')}-models")
    fig, ax = plt.subplots(figsize=(6, 4))
    for model, suffix, style, pts in series(mine, "model", traffic_mb):
        if pts:
            xs = [s for s, _ in pts]
            ys = [traffic_mb(r) for _, r in pts]
            ax.plot(xs, ys, marker="o",
                    linestyle=LINE_STYLES[style % len(LINE_STYLES)],
                    label=model + suffix)
            points += [f"{name}: {model}{suffix}: {x} {y:g}"
                       for x, y in zip(xs, ys)]
    sram_axis(ax, sizes)
    ax.set_ylabel("DRAM traffic per inference (MB)")
    ax.set_ylim(bottom=0)
    ax.set_title(f"DRAM traffic after {strategy}")
    ax.legend(fontsize=8)
    save(fig, out_dir, name, formats, written)


def plot_energy(rows, model, out_dir, formats, written):
    mine = [r for r in rows if r["model"] == model]
    sizes = sorted({r["sram_bytes"] for r in mine})
    bars = series(mine, "strategy",
                  lambda r: tuple(r[key] for key, _, _ in ENERGY_PARTS))
    width = 0.8 / len(bars)
    # Varied target fields make long labels: the legend goes right of the
    # chart.
    outside = any(suffix for _, suffix, _, _ in bars)
    fig, ax = plt.subplots(figsize=(10, 4) if outside else (7, 4))
    for si, (strategy, suffix, style, pts) in enumerate(bars):
        by_size = dict(pts)
        xs = [i + (si - (len(bars) - 1) / 2) * width
              for i, s in enumerate(sizes) if s in by_size]
        bottom = [0.0] * len(xs)
        for key, label, color in ENERGY_PARTS:
            vals = [float(by_size[s][key]) for s in sizes if s in by_size]
            ax.bar(xs, vals, width, bottom=bottom, color=color,
                   hatch=HATCHES[si % len(HATCHES)], edgecolor="white",
                   linewidth=0.5,
                   label=label if si == 0 else None)
            bottom = [b + v for b, v in zip(bottom, vals)]
    # One legend entry per strategy (and varied target value) for its hatch.
    for si, (strategy, suffix, style, pts) in enumerate(bars):
        ax.bar([0], [0], 0, color="white", edgecolor="black",
               hatch=HATCHES[si % len(HATCHES)],
               label=STRATEGY_STYLE.get(strategy, (0, 0, strategy))[2]
               + suffix)
    ax.set_xticks(range(len(sizes)), [size_label(s) for s in sizes],
                  rotation=45, ha="right")
    ax.set_xlabel("SRAM size")
    ax.set_ylabel("energy per inference (uJ)")
    pj = ""
    if mine:
        varied = varied_fields(mine)
        parts = [f"{mine[0][key]} {unit}"
                 for key, unit in (("pj_per_mac", "pJ/MAC"),
                                   ("pj_per_bit", "pJ/DRAM bit"))
                 if key not in varied]
        if parts:
            pj = f" ({', '.join(parts)})"
    ax.set_title(f"{model}: energy per inference{pj}")
    if outside:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.02, 1),
                  borderaxespad=0)
    else:
        ax.legend(fontsize=7, ncol=2)
    ax.grid(True, axis="y", alpha=0.3)
    save(fig, out_dir, f"{file_stem(model)}-energy", formats, written)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("csv", help="a CSV written by cnn-sweep --csv")
    parser.add_argument("-o", "--output-dir", default=".",
                        help="directory of the figures (created)")
    parser.add_argument("--models", default="",
                        help="comma-separated models to draw (default: all)")
    parser.add_argument("--strategy", default="merging",
                        help="strategy of the merged-models chart")
    parser.add_argument("--formats", default="png,svg",
                        help="comma-separated formats (png, svg, pdf)")
    parser.add_argument("--print-points", action="store_true",
                        help="after the files, print every point of the "
                        "line charts")
    args = parser.parse_args()

    rows = read_rows(args.csv)
    models = ordered(r["model"] for r in rows)
    if args.models:
        wanted = args.models.split(",")
        unknown = [m for m in wanted if m not in models]
        if unknown:
            sys.exit(f"plot-sweep: no model {', '.join(unknown)} in "
                     f"{args.csv} (it has {', '.join(models)})")
        models = wanted
        rows = [r for r in rows if r["model"] in wanted]
    if not rows:
        sys.exit(f"plot-sweep: {args.csv} has no rows")
    os.makedirs(args.output_dir, exist_ok=True)
    formats = args.formats.split(",")
    written = []
    points = []
    for model in models:
        plot_traffic(rows, model, args.output_dir, formats, written, points)
        plot_latency(rows, model, args.output_dir, formats, written, points)
        plot_energy(rows, model, args.output_dir, formats, written)
    plot_models(rows, args.strategy, args.output_dir, formats, written,
                points)
    for path in written:
        print(path)
    if args.print_points:
        for point in points:
            print(point)


if __name__ == "__main__":
    main()

