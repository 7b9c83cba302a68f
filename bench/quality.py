#!/usr/bin/python3
"""Schedule quality: DRAM traffic with merging against the floor and against
tiling alone, per network and SRAM size, from the CSV of cnn-sweep.

    quality.py --build-dir=build --models-dir=models [--no-hd]
    quality.py --csv-in=sweep.csv            (tables of an existing CSV)

Runs `cnn-sweep <models> --sram=65536,262144,1048576
--strategies=tiling,merging,merging+strips --csv=<file>` on the bundled
models (default
resolution) and, unless --no-hd, on the zoo networks at 1920x1080 that
cnn-zoo can build at that size, then prints, per network and SRAM size,

  merged/floor   total_bytes(merging) / floor_bytes   (>= 1; 1 is optimal)
  merged/tiling  total_bytes(merging) / total_bytes(tiling)  (<= 1)
  strips/floor   total_bytes(merging+strips) / floor_bytes

where total_bytes is the modeled DRAM traffic (weights + feature maps) and
floor_bytes the traffic of an unbounded SRAM (every weight and the network's
input and output moved once).
"""
import argparse
import csv
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as B  # noqa: E402

SRAMS = [65536, 262144, 1048576]
HD = "1920x1080"
NEEDED = ["model", "sram_bytes", "strategy", "status", "total_bytes",
          "floor_bytes", "groups", "layers"]


def kib(b):
    if b >= 1048576 and b % 1048576 == 0:
        return f"{b // 1048576} MiB"
    if b >= 1024 and b % 1024 == 0:
        return f"{b // 1024} KiB"
    return f"{b} B"


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if rows:
        missing = [c for c in NEEDED if c not in rows[0]]
        if missing:
            B.die(f"{path}: missing columns {', '.join(missing)}")
    return rows


def tables(title, rows):
    data, models = {}, []
    srams = sorted({int(r["sram_bytes"]) for r in rows})
    for r in rows:
        m = r["model"].split("@")[0]
        if m not in models:
            models.append(m)
        data[(m, int(r["sram_bytes"]), r["strategy"])] = r
    notes = []

    def val(r, key):
        return int(r[key]) if r and r.get("status") == "ok" else None

    ratios = {}  # (model, sram) -> (merged/floor, merged/tiling, groups)
    for m in models:
        for s in srams:
            merged = data.get((m, s, "merging"))
            tiling = data.get((m, s, "tiling"))
            mt, tt = val(merged, "total_bytes"), val(tiling, "total_bytes")
            fl = val(merged, "floor_bytes") or val(tiling, "floor_bytes")
            for r, strat in ((merged, "merging"), (tiling, "tiling")):
                if r and r["status"] != "ok":
                    notes.append(f"{m} at {kib(s)} with {strat}: "
                                 f"{r['status']}"
                                 + (f" ({r['message']})" if r.get("message")
                                    else ""))
            groups = (f"{merged['groups']}/{merged['layers']}"
                      if merged and merged["status"] == "ok" else None)
            ratios[(m, s)] = (mt / fl if mt and fl else None,
                              mt / tt if mt and tt else None, groups,
                              merged is not None, tiling is not None)

    def cell(x, present):
        return B.fmt_ratio(x) if x else ("infeasible" if present else "-")

    print(f"#### {title}\n")
    print("Traffic with merging / floor (1.00 = the floor):\n")
    out = []
    for m in models:
        out.append([m] + [cell(ratios[(m, s)][0], ratios[(m, s)][3])
                          for s in srams])
    out.append(["geometric mean"] + [
        B.fmt_ratio(B.geomean([ratios[(m, s)][0] for m in models]))
        for s in srams])
    print(B.table(["network"] + [kib(s) for s in srams], out))
    print("\nTraffic with merging / traffic of tiling alone (fusion groups / "
          "layers of the merged schedule):\n")
    out = []
    for m in models:
        row = [m]
        for s in srams:
            rf, rt, groups, pm, pt = ratios[(m, s)]
            c = cell(rt, pm and pt)
            row.append(f"{c} ({groups})" if groups else c)
        out.append(row)
    out.append(["geometric mean"] + [
        B.fmt_ratio(B.geomean([ratios[(m, s)][1] for m in models]))
        for s in srams])
    print(B.table(["network"] + [kib(s) for s in srams], out))
    strips = {}
    for m in models:
        for s in srams:
            r = data.get((m, s, "merging+strips"))
            floor = val(r, "floor_bytes")
            strips[(m, s)] = (val(r, "total_bytes") / floor
                              if val(r, "total_bytes") and floor else None,
                              r is not None)
    if any(present for _, present in strips.values()):
        print("\nTraffic with merging in width strips / floor "
              "(--merge-layers=width-strips):\n")
        out = [[m] + [cell(*strips[(m, s)]) for s in srams] for m in models]
        out.append(["geometric mean"] + [
            B.fmt_ratio(B.geomean([strips[(m, s)][0] for m in models]))
            for s in srams])
        print(B.table(["network"] + [kib(s) for s in srams], out))
    if notes:
        print("\nGeometric means are over the feasible networks. Infeasible "
              "points:\n")
        for n in notes:
            print(f"- {n}")
    print()


def sweep(sweep_bin, models, extra, tmp, tag):
    out = os.path.join(tmp, f"sweep-{tag}.csv")
    cmd = ([sweep_bin] + models +
           ["--sram=" + ",".join(str(s) for s in SRAMS),
            "--strategies=tiling,merging,merging+strips", f"--csv={out}",
            "--quiet"] + extra)
    B.progress(" ".join(os.path.basename(c) if c.endswith(".mlir") else c
                        for c in cmd))
    B.run(cmd)
    return read_csv(out)


def strips_time(sweep_bin, nets):
    """Planning the zoo at 1920x1080 with width strips against without:
    one cnn-sweep process per strategy, one job, 32 KiB to 4 MiB."""
    base = [sweep_bin] + nets + [f"--resolution={HD}", "--sram=32KiB..4MiB",
                                 "-j", "1", "--quiet", "--csv=" + os.devnull]
    B.progress("cnn-sweep at " + HD + ", merging and merging+strips, timed")
    whole, _, _ = B.timed(base + ["--strategies=merging"])
    strips, _, _ = B.timed(base + ["--strategies=merging+strips"])
    print(f"Planning the zoo at {HD} (`cnn-sweep <networks> "
          f"--resolution={HD} --sram=32KiB..4MiB -j 1`): merging "
          f"{B.fmt_s(whole)} s, merging in width strips {B.fmt_s(strips)} s: "
          f"ratio {B.fmt_ratio(strips / whole)} (target: at most 2).\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build-dir")
    p.add_argument("--models-dir")
    p.add_argument("--csv-in", help="print the tables of this CSV only")
    p.add_argument("--no-hd", action="store_true")
    a = p.parse_args()
    if a.csv_in:
        tables(a.csv_in, read_csv(a.csv_in))
        return
    if not a.build_dir or not a.models_dir:
        B.die("--build-dir and --models-dir are required without --csv-in")
    sweep_bin = os.path.join(a.build_dir, "bin", "cnn-sweep")
    cnn_zoo = os.path.join(a.build_dir, "bin", "cnn-zoo")
    if not os.access(sweep_bin, os.X_OK):
        B.die(f"{sweep_bin} not found (build the cnn-sweep tool first)")
    nets = B.run([cnn_zoo, "--list"]).stdout.split()
    print("Traffic from `cnn-sweep ... --sram=65536,262144,1048576 "
          "--strategies=tiling,merging,merging+strips --csv=...`: "
          "merged/floor = "
          "total_bytes(merging) / floor_bytes, merged/tiling = "
          "total_bytes(merging) / total_bytes(tiling).\n")
    with tempfile.TemporaryDirectory(prefix="cnn-bench-") as tmp:
        models = [os.path.join(a.models_dir, n + ".mlir") for n in nets]
        tables("Default resolution (models/*.mlir: 224x224, AlexNet 227x227)",
               sweep(sweep_bin, models, [], tmp, "default"))
        if not a.no_hd:
            ok, skipped = [], []
            for n in nets:
                p = subprocess.run([cnn_zoo, n, f"--resolution={HD}", "-o",
                                    os.devnull], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
                (ok if p.returncode == 0 else skipped).append(n)
            tables(f"{HD} (zoo networks, --resolution={HD})",
                   sweep(sweep_bin, ok, [f"--resolution={HD}"], tmp, "hd"))
            strips_time(sweep_bin, ok)
            if skipped:
                print(f"Not buildable at {HD} (fixed-size fully connected "
                      f"head): {', '.join(skipped)}.\n")


if __name__ == "__main__":
    main()
