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
           "pj_per_mac", "pj_per_bit", "message"]
INTS = ["sram_bytes", "macs", "weight_bytes", "fm_bytes", "total_bytes",
        "floor_weight_bytes", "floor_fm_bytes", "floor_bytes", "groups",
        "layers"]
FLOATS = ["mac_energy_uj", "weight_energy_uj", "fm_energy_uj", "energy_uj",
          "pj_per_mac", "pj_per_bit"]
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
    return out


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
        key = (r["model"], r["strategy"], r["sram_bytes"])
        where = "%s %s at %d" % (r["model"], r["strategy"], r["sram_bytes"])
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

    for (model, strategy, sram), r in points.items():
        bigger = sorted(s for (m, st, s) in points
                        if m == model and st == strategy and s > sram)
        if bigger:
            n = points[(model, strategy, bigger[0])]
            where = "%s %s from %d to %d" % (model, strategy, sram, bigger[0])
            if r["status"] == "ok" and n["status"] != "ok":
                fail(f"{where}: feasible, then infeasible")
            if r["status"] == "ok" and n["status"] == "ok" and \
                    n["total_bytes"] > r["total_bytes"]:
                fail(f"{where}: traffic rises {r['total_bytes']} -> "
                     f"{n['total_bytes']}")
        for better, worse in NEVER_WORSE:
            if strategy != worse or (model, better, sram) not in points:
                continue
            b = points[(model, better, sram)]
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
