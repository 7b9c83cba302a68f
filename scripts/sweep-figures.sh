#!/usr/bin/env bash
# The README's figures: sweeps of MobileNet v1, MobileNet v2 and DenseNet-121
# at 224x224 i8 (32 KiB to 4 MiB) and of MobileNet v2 at 1920x1080 (64 KiB to
# 16 MiB), each under tiling alone, merging, merging in width strips and
# merging with weights compressed to half their size, then drawn by
# plot-sweep.py; and MobileNet v2
# on the nvdla-small and nvdla-large targets (32 KiB to 2 MiB, tiling and
# merging): traffic and latency against SRAM size.
# Usage: scripts/sweep-figures.sh [output-dir]   (default docs/images)
# FORMATS=png,svg also writes SVG files.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CNN_BUILD_DIR:-$root/build}"
out="${1:-$root/docs/images}"
formats="${FORMATS:-png}"

mkdir -p "$out/sweep-224x224" "$out/sweep-1920x1080"
"$build/bin/cnn-sweep" mobilenet_v1 mobilenet_v2 densenet121 \
  --sram=32KiB..4MiB \
  --strategies=tiling,merging,merging+strips,merging+compression \
  --csv="$out/sweep-224x224/sweep.csv"
/usr/bin/python3 "$root/scripts/plot-sweep.py" "$out/sweep-224x224/sweep.csv" \
  -o "$out/sweep-224x224" --formats="$formats"
"$build/bin/cnn-sweep" mobilenet_v2 --resolution=1920x1080 \
  --sram=64KiB..16MiB \
  --strategies=tiling,merging,merging+strips,merging+compression \
  --csv="$out/sweep-1920x1080/sweep.csv"
/usr/bin/python3 "$root/scripts/plot-sweep.py" "$out/sweep-1920x1080/sweep.csv" \
  -o "$out/sweep-1920x1080" --formats="$formats"

for t in nvdla-small nvdla-large; do
  mkdir -p "$out/target-$t"
  "$build/bin/cnn-sweep" mobilenet_v2 --target="$t" --sram=32KiB..2MiB \
    --strategies=tiling,merging --csv="$out/target-$t/sweep.csv"
  /usr/bin/python3 "$root/scripts/plot-sweep.py" "$out/target-$t/sweep.csv" \
    -o "$out/target-$t" --formats="$formats"
done
