#!/usr/bin/env bash
# Configures (once) and builds cnn-opt, its tools and tests into build/.
# CNN_SANITIZE=1 builds instead into build-sanitize/ with clang-22,
# AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer coverage
# (LLVM's own LLVM_USE_SANITIZER / LLVM_USE_SANITIZE_COVERAGE), which makes
# cnn-fuzz a libFuzzer binary.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
extra=()
if [ "${CNN_SANITIZE:-0}" = 1 ]; then
  build="${CNN_BUILD_DIR:-$root/build-sanitize}"
  extra=(-DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22
         "-DLLVM_USE_SANITIZER=Address;Undefined"
         -DLLVM_USE_SANITIZE_COVERAGE=ON)
else
  build="${CNN_BUILD_DIR:-$root/build}"
fi

if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
    -DMLIR_LINK_MLIR_DYLIB=ON \
    -DLLVM_USE_LINKER=lld "${extra[@]}"
fi
ninja -C "$build"
