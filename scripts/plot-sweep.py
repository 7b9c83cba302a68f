#!/usr/bin/python3
"""Draws the figures of a cnn-sweep CSV (Debian's python3-matplotlib).

    cnn-sweep mobilenet_v1 densenet121 --csv=sweep.csv
    /usr/bin/python3 scripts/plot-sweep.py sweep.csv -o figures

Writes, as PNG and SVG (--formats):

  <model>-traffic     DRAM traffic against SRAM size (log axis) for each
                      strategy of the model, with the floor (every weight
                      once, the input read and the output written once);
  merged-models       the traffic of every model after merging (strategy
                      --strategy, default `merging`) on one chart, when the
                      CSV has several models;
  <model>-energy      energy per inference at each SRAM size, one stacked bar
                      per strategy: MACs, weight traffic, feature-map traffic.

Points where a layer does not fit the SRAM (status `infeasible`) are left
out. The files are the same for the same CSV (no dates, fixed SVG ids).
"""

import argparse
import csv
import os
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FixedLocator, NullLocator  # noqa: E402

# Fixed ids and no dates in SVG output: the same CSV gives the same files.
matplotlib.rcParams["svg.hashsalt"] = "cnn-sweep"
matplotlib.rcParams["font.size"] = 9

STRATEGY_STYLE = {
    "tiling": ("tab:red", "o", "tiling alone"),
    "tiling+compression": ("tab:orange", "v", "tiling, compressed weights"),
    "merging": ("tab:blue", "s", "merging"),
    "merging+compression": ("tab:green", "D", "merging, compressed weights"),
}
ENERGY_PARTS = [("mac_energy_uj", "MACs", "#8c8c8c"),
                ("weight_energy_uj", "weight traffic", "#4c72b0"),
                ("fm_energy_uj", "feature-map traffic", "#dd8452")]


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
                "fm_energy_uj"}
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


def plot_traffic(rows, model, out_dir, formats, written):
    mine = [r for r in rows if r["model"] == model]
    sizes = sorted({r["sram_bytes"] for r in mine})
    fig, ax = plt.subplots(figsize=(6, 4))
    for strategy in ordered(r["strategy"] for r in mine):
        pts = [(r["sram_bytes"], int(r["total_bytes"]) / 1e6) for r in mine
               if r["strategy"] == strategy and r["status"] == "ok"]
        if not pts:
            continue
        color, marker, label = STRATEGY_STYLE.get(
            strategy, ("black", "x", strategy))
        ax.plot(*zip(*pts), color=color, marker=marker, label=label)
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
    save(fig, out_dir, f"{file_stem(model)}-traffic", formats, written)


def plot_models(rows, strategy, out_dir, formats, written):
    mine = [r for r in rows if r["strategy"] == strategy]
    if len(ordered(r["model"] for r in mine)) < 2:
        return
    sizes = sorted({r["sram_bytes"] for r in mine})
    fig, ax = plt.subplots(figsize=(6, 4))
    for model in ordered(r["model"] for r in mine):
        pts = [(r["sram_bytes"], int(r["total_bytes"]) / 1e6) for r in mine
               if r["model"] == model and r["status"] == "ok"]
        if pts:
            ax.plot(*zip(*pts), marker="o", label=model)
    sram_axis(ax, sizes)
    ax.set_ylabel("DRAM traffic per inference (MB)")
    ax.set_ylim(bottom=0)
    ax.set_title(f"DRAM traffic after {strategy}")
    ax.legend(fontsize=8)
    save(fig, out_dir, "merged-models" if strategy == "merging"
         else f"{strategy.replace('+', '-')}-models", formats, written)


def plot_energy(rows, model, out_dir, formats, written):
    mine = [r for r in rows if r["model"] == model]
    sizes = sorted({r["sram_bytes"] for r in mine})
    strategies = ordered(r["strategy"] for r in mine)
    width = 0.8 / len(strategies)
    fig, ax = plt.subplots(figsize=(7, 4))
    hatches = ["", "//", "xx", ".."]
    for si, strategy in enumerate(strategies):
        by_size = {r["sram_bytes"]: r for r in mine
                   if r["strategy"] == strategy and r["status"] == "ok"}
        xs = [i + (si - (len(strategies) - 1) / 2) * width
              for i, s in enumerate(sizes) if s in by_size]
        bottom = [0.0] * len(xs)
        for key, label, color in ENERGY_PARTS:
            vals = [float(by_size[s][key]) for s in sizes if s in by_size]
            ax.bar(xs, vals, width, bottom=bottom, color=color,
                   hatch=hatches[si % len(hatches)], edgecolor="white",
                   linewidth=0.5,
                   label=label if si == 0 else None)
            bottom = [b + v for b, v in zip(bottom, vals)]
    # One legend entry per strategy for its hatch.
    for si, strategy in enumerate(strategies):
        ax.bar([0], [0], 0, color="white", edgecolor="black",
               hatch=hatches[si % len(hatches)],
               label=STRATEGY_STYLE.get(strategy, (0, 0, strategy))[2])
    ax.set_xticks(range(len(sizes)), [size_label(s) for s in sizes],
                  rotation=45, ha="right")
    ax.set_xlabel("SRAM size")
    ax.set_ylabel("energy per inference (uJ)")
    pj = ""
    if mine:
        pj = f" ({mine[0].get('pj_per_mac', '?')} pJ/MAC, " \
             f"{mine[0].get('pj_per_bit', '?')} pJ/DRAM bit)"
    ax.set_title(f"{model}: energy per inference{pj}")
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
    for model in models:
        plot_traffic(rows, model, args.output_dir, formats, written)
        plot_energy(rows, model, args.output_dir, formats, written)
    plot_models(rows, args.strategy, args.output_dir, formats, written)
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
