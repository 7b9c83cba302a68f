"""Checks merged traffic reports: usage check_merge.py DIR S1 S2 S3 NET..."""
import json
import sys


def main():
    directory = sys.argv[1]
    srams = [a for a in sys.argv[2:] if a.isdigit()]
    nets = [a for a in sys.argv[2:] if not a.isdigit()]
    checked = 0
    for net in nets:
        for sram in srams:
            with open(f"{directory}/{net}.{sram}.json") as f:
                report = json.load(f)["networks"][0]
            merged = report["total"]["total_bytes"]
            alone = report["total_without_merging"]["total_bytes"]
            if merged > alone:
                print(f"FAIL {net} at {sram}: merged {merged} > alone {alone}")
            for g in report["groups"]:
                if g["sram_bytes"] > int(sram):
                    print(f"FAIL {net} at {sram}: {g['name']} needs {g['sram_bytes']}")
            in_group = sum(l["total_bytes"] for l in report["layers"] if "group" not in l)
            groups = sum(g["total_bytes"] for g in report["groups"])
            if in_group + groups != merged:
                print(f"FAIL {net} at {sram}: total {merged} != {in_group + groups}")
            checked += 1
    print(f"checked {checked} plans")


if __name__ == "__main__":
    main()
