"""Compares raw and compressed-weight plans: compare_compression.py DIR K..."""
import json
import sys


def total(path):
    with open(path) as f:
        return json.load(f)["networks"][0]["total"]


def main():
    directory, sizes = sys.argv[1], sys.argv[2:]
    for k in sizes:
        raw = total(f"{directory}/raw.{k}.json")
        half = total(f"{directory}/half.{k}.json")
        fm = lambda t: t["read_input_bytes"] + t["write_output_bytes"]
        print(f"{k} KiB: raw {raw['total_bytes']} (feature maps {fm(raw)}), "
              f"compressed {half['total_bytes']} (feature maps {fm(half)})")
        if half["total_bytes"] > raw["total_bytes"]:
            print(f"FAIL at {k} KiB: compression increased the traffic")
        if half["read_weight_bytes"] > raw["read_weight_bytes"]:
            print(f"FAIL at {k} KiB: compression increased the weight traffic")
    print(f"checked {len(sizes)} sizes")


if __name__ == "__main__":
    main()
