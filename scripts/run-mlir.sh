#!/usr/bin/env bash
# Runs a module on tensors that has a `main` (no arguments, no results) on
# the CPU: element-wise arith on tensors to linalg, one-shot bufferization
# (function boundaries included, identity layouts), buffer deallocation, the
# upstream lowering to the LLVM dialect, then mlir-runner with the
# runner-utils libraries (printMemrefI32, printMemrefF32, ...).
#
#   cnn-opt --cnn-to-linalg net.mlir | scripts/run-mlir.sh -
#   scripts/run-mlir.sh lowered.mlir
#
# LLVM_TOOLS_DIR (default /usr/lib/llvm-22/bin) names where mlir-opt and
# mlir-runner are; the libraries are in its ../lib.
set -euo pipefail

# --memref: the module is already on buffers (e.g. lowered by
# --lower-to-dma --dma-to-memref): no bufferization or deallocation passes.
bufferize=(--convert-elementwise-to-linalg
  --one-shot-bufferize="bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map"
  --buffer-deallocation-pipeline
  --convert-bufferization-to-memref)
if [ "${1:-}" = "--memref" ]; then
  bufferize=()
  shift
fi
if [ $# -ne 1 ]; then
  echo "usage: $0 [--memref] <file.mlir | ->" >&2
  exit 2
fi

tools=${LLVM_TOOLS_DIR:-/usr/lib/llvm-22/bin}
libs=$tools/../lib

"$tools/mlir-opt" "$1" \
  "${bufferize[@]}" \
  --convert-linalg-to-loops \
  --expand-strided-metadata \
  --lower-affine \
  --convert-scf-to-cf \
  --finalize-memref-to-llvm \
  --convert-math-to-llvm \
  --convert-arith-to-llvm \
  --convert-cf-to-llvm \
  --convert-func-to-llvm \
  --reconcile-unrealized-casts |
  "$tools/mlir-runner" -e main -entry-point-result=void \
    -shared-libs="$libs/libmlir_runner_utils.so,$libs/libmlir_c_runner_utils.so"
