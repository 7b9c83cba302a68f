"""Checks a cnn-sweep CSV (and optionally its JSON twin) against the facts
the cost model guarantees, independently of how the numbers were computed:

  * the columns are exactly the documented ones, in order;
  * total = weights + feature maps, floor = its two parts, energy = its
    three parts, and each part is the product of its byte or MAC count and
    the row's pJ figures;
  * per model and strategy, traffic never rises when the SRAM grows, and a
    point that is feasible stays feasible;
  * no plan moves less than the floor;
  * merging is never worse than tiling alone, and weights at their
    compressed size are never worse than raw weights;
  * the latency columns follow from the counts: compute cycles are the MACs
    over the MAC rate, DMA cycles the bytes over the DRAM rate, the estimate
    lies between the larger of the two and their sum (their sum when DMA
    does not overlap compute), the time is the estimate over the clock and
    the rate its inverse, and the bound is the larger part;
  * the JSON file holds the same rows as the CSV.

Usage: check_sweep.py sweep.csv [sweep.json]. Prints one line per violation
and exits 1 if there is any.
"""

import csv
import json
import sys

COLUMNS = ["model", "sram_bytes", "strategy", "status", "macs",
           "weight_bytes", "fm_bytes", "total_bytes", "floor_weight_bytes",
           "floor_fm_bytes", "floor_bytes", "groups", "layers",
           "mac_energy_uj", "weight_energy_uj", "fm_energy_uj", "energy_uj",
           "pj_per_mac", "pj_per_bit", "target", "dram_bytes_per_cycle",
           "macs_per_cycle", "clock_mhz", "dma_align_bytes", "dma_overlap",
           "compute_cycles", "dma_cycles", "cycles", "latency_ms",
           "inferences_per_s", "bound", "message"]
INTS = ["sram_bytes", "macs", "weight_bytes", "fm_bytes", "total_bytes",
        "floor_weight_bytes", "floor_fm_bytes", "floor_bytes", "groups",
        "layers", "macs_per_cycle", "dma_align_bytes", "compute_cycles",
        "dma_cycles", "cycles"]
FLOATS = ["mac_energy_uj", "weight_energy_uj", "fm_energy_uj", "energy_uj",
          "pj_per_mac", "pj_per_bit", "dram_bytes_per_cycle", "clock_mhz",
          "latency_ms", "inferences_per_s"]
# The columns that name the target of a point (beside its SRAM size).
TARGET = ["target", "dram_bytes_per_cycle", "macs_per_cycle", "clock_mhz",
          "dma_align_bytes", "dma_overlap", "pj_per_mac", "pj_per_bit"]
# (better, worse): the first strategy never moves more than the second at
# the same model and SRAM size.
NEVER_WORSE = [("merging", "tiling"),
               ("merging+compression", "tiling+compression"),
               ("tiling+compression", "tiling"),
               ("merging+compression", "merging")]

errors = []


def fail(msg):
    errors.append(msg)


def parse(row):
    out = dict(row)
    for k in INTS:
        out[k] = int(row[k]) if row[k] != "" else None
    for k in FLOATS:
        out[k] = float(row[k]) if row[k] != "" else None
    if row.get("dma_overlap") in ("true", "false"):
        out["dma_overlap"] = row["dma_overlap"] == "true"
    return out


def check_latency(r, where):
    """The latency columns of a feasible row against its counts."""
    compute, dma, cycles = r["compute_cycles"], r["dma_cycles"], r["cycles"]
    # Each unit (a layer alone or a group) takes whole cycles: up to one
    # more per layer than the exact quotient.
    slack = r["layers"]
    want = r["macs"] / r["macs_per_cycle"]
    if not want - 1e-6 <= compute <= want + slack:
        fail(f"{where}: {compute} compute cycles, {want:.1f} from the MACs")
    want = r["total_bytes"] / r["dram_bytes_per_cycle"]
    if not want - 1e-6 <= dma <= want + slack:
        fail(f"{where}: {dma} DMA cycles, {want:.1f} from the bytes")
    if cycles < max(compute, dma) - slack or cycles > compute + dma:
        fail(f"{where}: {cycles} cycles outside [max, sum] of "
             f"{compute} and {dma}")
    if not r["dma_overlap"] and abs(cycles - (compute + dma)) > slack:
        fail(f"{where}: {cycles} cycles without overlap, not {compute} + "
             f"{dma}")
    ms = cycles / (r["clock_mhz"] * 1e3)
    if abs(r["latency_ms"] - ms) > 0.00006:
        fail(f"{where}: latency {r['latency_ms']} ms, {ms:.6f} from the "
             f"cycles")
    if abs(r["inferences_per_s"] - 1e3 / ms) > max(0.006, 1e-6 / ms):
        fail(f"{where}: {r['inferences_per_s']} inferences/s, "
             f"{1e3 / ms:.3f} from the cycles")
    bound = "-" if compute == dma == 0 else \
        "compute" if compute >= dma else "dma"
    if r["bound"] != bound:
        fail(f"{where}: bound {r['bound']}, {bound} from the cycles")


def main():
    with open(sys.argv[1], newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != COLUMNS:
            fail(f"columns {header} are not {COLUMNS}")
            return
        rows = [parse(dict(zip(header, r))) for r in reader]
    if not rows:
        fail("no rows")
    points = {}
    for r in rows:
        config = tuple(r[k] for k in TARGET)
        key = (r["model"], r["strategy"], r["sram_bytes"], config)
        where = "%s %s at %d" % (r["model"], r["strategy"], r["sram_bytes"])
        if r["target"] != "default" or len(set(
                p[3] for p in points)) > 1:
            where += " on %s" % ",".join(str(r[k]) for k in TARGET)
        if key in points:
            fail(f"{where}: two rows")
        points[key] = r
        if r["status"] not in ("ok", "infeasible"):
            fail(f"{where}: status {r['status']!r}")
            continue
        if r["floor_weight_bytes"] + r["floor_fm_bytes"] != r["floor_bytes"]:
            fail(f"{where}: floor parts do not add up")
        if r["status"] == "infeasible":
            if not r["message"]:
                fail(f"{where}: infeasible without a message")
            continue
        if r["weight_bytes"] + r["fm_bytes"] != r["total_bytes"]:
            fail(f"{where}: traffic parts do not add up")
        if r["total_bytes"] < r["floor_bytes"]:
            fail(f"{where}: {r['total_bytes']} bytes is below the floor "
                 f"{r['floor_bytes']}")
        if r["weight_bytes"] < r["floor_weight_bytes"]:
            fail(f"{where}: weight traffic below every weight once")
        if r["strategy"].startswith("tiling") and r["groups"] != 0:
            fail(f"{where}: tiling alone with {r['groups']} groups")
        check_latency(r, where)
        expect = {
            "mac_energy_uj": r["macs"] * r["pj_per_mac"] * 1e-6,
            "weight_energy_uj": 8 * r["weight_bytes"] * r["pj_per_bit"] * 1e-6,
            "fm_energy_uj": 8 * r["fm_bytes"] * r["pj_per_bit"] * 1e-6,
        }
        expect["energy_uj"] = sum(expect.values())
        for k, v in expect.items():
            # Printed with three decimals; the total is rounded once.
            if abs(r[k] - v) > 0.0015:
                fail(f"{where}: {k} {r[k]} but {v:.6f} from the counts")

    for (model, strategy, sram, config), r in points.items():
        bigger = sorted(s for (m, st, s, c) in points
                        if m == model and st == strategy and s > sram and
                        c == config)
        if bigger:
            n = points[(model, strategy, bigger[0], config)]
            where = "%s %s from %d to %d" % (model, strategy, sram, bigger[0])
            if r["status"] == "ok" and n["status"] != "ok":
                fail(f"{where}: feasible, then infeasible")
            if r["status"] == "ok" and n["status"] == "ok" and \
                    n["total_bytes"] > r["total_bytes"]:
                fail(f"{where}: traffic rises {r['total_bytes']} -> "
                     f"{n['total_bytes']}")
        for better, worse in NEVER_WORSE:
            if strategy != worse or \
                    (model, better, sram, config) not in points:
                continue
            b = points[(model, better, sram, config)]
            if r["status"] == "ok" and b["status"] != "ok":
                fail(f"{model} at {sram}: {worse} is feasible, {better} not")
            if r["status"] == "ok" and b["status"] == "ok" and \
                    b["total_bytes"] > r["total_bytes"]:
                fail(f"{model} at {sram}: {better} moves "
                     f"{b['total_bytes']} > {worse} {r['total_bytes']}")

    if len(sys.argv) > 2:
        with open(sys.argv[2]) as f:
            objects = json.load(f)
        if len(objects) != len(rows):
            fail(f"JSON has {len(objects)} rows, CSV {len(rows)}")
        for o, r in zip(objects, rows):
            if list(o.keys()) != COLUMNS:
                fail(f"JSON keys {list(o.keys())}")
                break
            for k in COLUMNS:
                v = r[k]
                if o[k] != v and not (isinstance(v, float) and
                                      abs(o[k] - v) < 1e-9):
                    fail(f"JSON {k} {o[k]!r} != CSV {v!r}")


main()
for e in errors:
    print("violation:", e)
print(f"{len(errors)} violations")
sys.exit(1 if errors else 0)
