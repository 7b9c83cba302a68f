#!/usr/bin/env bash
# From a fresh Debian bookworm machine: installs the packages, builds, and
# runs the main job on a bundled model, printing its report.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CNN_BUILD_DIR:-$root/build}"

bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"

model="${1:-$root/models/mobilenet_v1.mlir}"
sram="${2:-262144}"
echo
echo "== cnn-opt --cnn-footprint-report $(basename "$model")"
"$build/bin/cnn-opt" --cnn-footprint-report "$model" -o /dev/null
echo
echo "== cnn-opt --tile-for-sram=$sram --merge-layers --cnn-traffic-report $(basename "$model")"
"$build/bin/cnn-opt" --tile-for-sram="$sram" --merge-layers --cnn-traffic-report "$model" -o /dev/null
