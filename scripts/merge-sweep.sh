#!/usr/bin/env bash
# DRAM traffic with per-layer tiling alone and with merging, for MobileNet
# v1, MobileNet v2 and DenseNet-121 (224x224, i8) at SRAM sizes from 32 KiB
# to 4 MiB, as a markdown table (the talk's comparison, as data).
# Usage: scripts/merge-sweep.sh [extra cnn-opt passes before --tile-for-sram]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CNN_BUILD_DIR:-$root/build}"
nets="${NETS:-mobilenet_v1 mobilenet_v2 densenet121}"
sizes="${SIZES:-32 64 128 256 512 1024 2048 4096}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for n in $nets; do
  for k in $sizes; do
    "$build/bin/cnn-opt" "$@" --tile-for-sram=$((k * 1024)) --merge-layers \
      "--cnn-traffic-report=format=json output-file=$tmp/$n.$k.json" \
      "$root/models/$n.mlir" -o /dev/null
  done
done

/usr/bin/python3 - "$tmp" "$nets" "$sizes" <<'PY'
import json, sys
tmp, nets, sizes = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
head = "| SRAM | " + " | ".join(f"{n} alone | {n} merged" for n in nets) + " |"
print(head)
print("|" + "---:|" * (1 + 2 * len(nets)))
for k in sizes:
    cells = [f"{k} KiB" if int(k) < 1024 else f"{int(k) // 1024} MiB"]
    for n in nets:
        with open(f"{tmp}/{n}.{k}.json") as f:
            r = json.load(f)["networks"][0]
        alone = r["total_without_merging"]["total_bytes"] / 1e6
        merged = r["total"]["total_bytes"] / 1e6
        cells += [f"{alone:.2f}", f"{merged:.2f}"]
    print("| " + " | ".join(cells) + " |")
PY
