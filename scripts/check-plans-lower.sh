#!/usr/bin/env bash
# Every plan that planning accepts lowers: each model (the zoo's networks by
# default, or the .mlir/.onnx files given) is planned with merging at every
# power-of-two SRAM size from 16 KiB to 8 MiB and lowered with
# --lower-to-dma --dma-verify-arena. Prints one line per point and ends with
# "N lowered, N infeasible, N refused"; exits non-zero when any plan is
# refused.
# Usage: scripts/check-plans-lower.sh [model ...]
#   ELEMENT_TYPE=i8 imports .onnx files with --element-type=i8 (default f32).
#   WIDTH_STRIPS=1 merges with --merge-layers=width-strips.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${CNN_BUILD_DIR:-$root/build}/bin"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
models=("$@")
[ ${#models[@]} -eq 0 ] && mapfile -t models < <("$bin/cnn-zoo" --list)
ok=0 infeasible=0 refused=0
for model in "${models[@]}"; do
  name="$(basename "${model%.*}")"
  case "$model" in
    *.onnx) "$bin/cnn-translate" --import-onnx "$model" \
              --element-type="${ELEMENT_TYPE:-f32}" -o "$tmp/net.mlir" ;;
    *.mlir) cp "$model" "$tmp/net.mlir" ;;
    *) "$bin/cnn-zoo" "$model" -o "$tmp/net.mlir" ;;
  esac || { echo "$name: cannot be read"; refused=$((refused + 1)); continue; }
  for ((s = 16384; s <= 8388608; s *= 2)); do
    if ! "$bin/cnn-opt" "$tmp/net.mlir" --tile-for-sram=$s \
        "--merge-layers${WIDTH_STRIPS:+=width-strips}" \
        -o "$tmp/planned.mlir" 2>/dev/null; then
      echo "$name $s: infeasible"; infeasible=$((infeasible + 1)); continue
    fi
    if err="$("$bin/cnn-opt" "$tmp/planned.mlir" --lower-to-dma \
        --dma-verify-arena -o /dev/null 2>&1)"; then
      echo "$name $s: lowered"; ok=$((ok + 1))
    else
      echo "$name $s: REFUSED: $(head -1 <<< "$err")"; refused=$((refused + 1))
    fi
  done
done
echo "$ok lowered, $infeasible infeasible, $refused refused"
[ "$refused" -eq 0 ]
