"""Compares cnn-sweep rows with what the passes report for the same points.

Usage: compare_report.py sweep.csv DIR
DIR holds `cnn-opt --cnn-traffic-report=format=json` reports named
<model>.<sram>.<raw|compressed>.json, planned with --tile-for-sram and
--merge-layers (compressed: after --annotate-weight-compression with the
sweep's ratio). The sweep plans on the fusion graph without touching IR;
the passes plan the IR: both must give the same bytes.
"""

import csv
import glob
import json
import os
import sys

rows = {}
with open(sys.argv[1], newline="") as f:
    for r in csv.DictReader(f):
        rows[(r["model"], int(r["sram_bytes"]), r["strategy"])] = r

checked, failed = 0, 0


def expect(key, field, want):
    global checked, failed
    got = int(rows[key][field])
    checked += 1
    if got != want:
        failed += 1
        print(f"FAIL {key} {field}: sweep {got}, passes {want}")


for path in sorted(glob.glob(os.path.join(sys.argv[2], "*.json"))):
    model, sram, kind = os.path.basename(path)[:-len(".json")].rsplit(".", 2)
    sram = int(sram)
    with open(path) as f:
        net = json.load(f)["networks"][0]
    total, alone = net["total"], net["total_without_merging"]
    if kind == "raw":
        expect((model, sram, "tiling"), "total_bytes", alone["total_bytes"])
        expect((model, sram, "tiling"), "weight_bytes",
               alone["read_weight_bytes"])
        expect((model, sram, "merging"), "total_bytes", total["total_bytes"])
        expect((model, sram, "merging"), "weight_bytes",
               total["read_weight_bytes"])
        expect((model, sram, "merging"), "groups", len(net["groups"]))
        expect((model, sram, "merging"), "macs", total["macs"])
        # The cycles on the (default) target: the plan's total, and with
        # every layer alone the sum of the layers' lines.
        lat = total["latency"]
        for field in ("compute_cycles", "dma_cycles", "cycles"):
            expect((model, sram, "merging"), field, lat[field])
            expect((model, sram, "tiling"), field,
                   sum(l["latency"][field] for l in net["layers"]))
    else:
        key = (model, sram, "merging+compression")
        expect(key, "total_bytes", total["total_bytes"])
        expect(key, "weight_bytes", total["read_weight_bytes"])
        expect(key, "floor_weight_bytes", total["stored_weight_bytes"])
        expect((model, sram, "tiling+compression"), "total_bytes",
               alone["total_bytes"])

print(f"checked {checked} numbers, {failed} differ")
sys.exit(1 if failed else 0)
