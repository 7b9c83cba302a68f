"""Compares a merged plan's traffic with the bytes its lowering moves.

Usage: compare_units.py MODEL.json DMA.json. Every fusion group and every
layer outside groups of --cnn-traffic-report must move exactly the bytes
--dma-traffic-report counts for its region.
"""
import json
import sys


def main():
    with open(sys.argv[1]) as f:
        model = json.load(f)["networks"][0]
    with open(sys.argv[2]) as f:
        dma = {l["name"]: l for l in json.load(f)["networks"][0]["layers"]}
    keys = ["read_input_bytes", "read_weight_bytes", "write_output_bytes"]
    units = list(model["groups"]) + [l for l in model["layers"] if "group" not in l]
    bad = []
    for unit in units:
        got = dma.get(unit["name"], {k: 0 for k in keys})
        for k in keys:
            if unit[k] != got.get(k, 0):
                bad.append(f"{unit['name']} {k}: model {unit[k]}, dma {got.get(k, 0)}")
    if bad:
        print("MISMATCH " + "; ".join(bad[:5]))
    else:
        print(f"equal: {len(model['groups'])} groups, {model['total']['total_bytes']} bytes")


if __name__ == "__main__":
    main()
