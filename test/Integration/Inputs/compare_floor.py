"""Compares the footprint report with the traffic report at a large SRAM.

Usage: compare_floor.py DIR NET...; reads DIR/NET.fp.json and DIR/NET.tr.json.
"""
import json
import sys


def main():
    directory, nets = sys.argv[1], sys.argv[2:]
    for net in nets:
        with open(f"{directory}/{net}.fp.json") as f:
            fp = json.load(f)["networks"][0]
        with open(f"{directory}/{net}.tr.json") as f:
            tr = json.load(f)["networks"][0]
        floor = {layer["name"]: layer["input_bytes"] + layer["weight_bytes"] +
                 layer["output_bytes"] for layer in fp["layers"]}
        moved = {layer["name"]: layer["total_bytes"] for layer in tr["layers"]}
        bad = [n for n in floor if floor[n] != moved.get(n)]
        total_fp = sum(floor.values())
        total_tr = tr["total"]["total_bytes"]
        if bad or total_fp != total_tr:
            print(f"{net}: MISMATCH total {total_tr} != {total_fp}; layers {bad[:5]}")
        else:
            print(f"{net}: traffic equals footprint ({total_tr} bytes)")


if __name__ == "__main__":
    main()
