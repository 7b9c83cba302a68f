#!/usr/bin/env bash
# Checks that a backend can link cnn-opt from its installation: installs the
# build into a fresh prefix, builds examples/backend-opt against that prefix
# alone (find_package(CnnOpt) via CMAKE_PREFIX_PATH), and runs it on lowered
# IR, comparing what it counts with cnn-opt's own DMA traffic report.
#
#   scripts/check-install.sh [--no-build] [WORK_DIR]
#
# Builds ${CNN_BUILD_DIR:-build} first (scripts/build.sh) unless --no-build,
# which installs that build as it is (the lit test does this: the build is
# complete when tests run). WORK_DIR (default: a temporary directory, removed
# at exit) receives the prefix, the example's build and the outputs.
# LLVM_TOOLS_DIR (default /usr/lib/llvm-22/bin) names FileCheck and
# mlir-tblgen. CNN_EXAMPLE_CXX and CNN_EXAMPLE_CXX_FLAGS, when set, compile
# the example like the build (the test suite sets them; a sanitized build's
# libraries need the sanitizer flags at link time). Exits non-zero on the
# first failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CNN_BUILD_DIR:-$root/build}"
tools="${LLVM_TOOLS_DIR:-/usr/lib/llvm-22/bin}"

do_build=1
if [ "${1:-}" = "--no-build" ]; then
  do_build=0
  shift
fi
if [ $# -gt 1 ]; then
  echo "usage: $0 [--no-build] [WORK_DIR]" >&2
  exit 2
fi
if [ $# -eq 1 ]; then
  work="$1"
  rm -rf "$work"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
prefix="$work/prefix"
example_build="$work/backend-opt-build"

fail() {
  echo "check-install: $*" >&2
  exit 1
}
step() { echo "check-install: $*"; }

if [ "$do_build" -eq 1 ]; then
  bash "$root/scripts/build.sh"
fi
[ -f "$build/cmake_install.cmake" ] || fail "no configured build in $build"

step "installing $build into $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" ||
  { cat "$work/install.log" >&2; fail "cmake --install failed"; }

# What a backend needs from the prefix.
for f in \
  bin/cnn-opt bin/cnn-zoo \
  lib/cmake/CnnOpt/CnnOptConfig.cmake \
  lib/cmake/CnnOpt/CnnOptConfigVersion.cmake \
  lib/cmake/CnnOpt/CnnOptTargets.cmake \
  lib/libMLIRCnn.a lib/libMLIRCnnTransforms.a lib/libMLIRDma.a \
  lib/libMLIRDmaTransforms.a \
  include/cnn/Dialect/Cnn/IR/CnnOps.h include/cnn/Dialect/Cnn/IR/CnnOps.h.inc \
  include/cnn/Dialect/Dma/IR/DmaOps.td include/cnn/Dialect/Dma/IR/DmaOps.h.inc \
  include/cnn/Dialect/Dma/Transforms/Passes.h.inc; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
if find "$prefix/include" -name CMakeLists.txt -o -name '*.d' | grep -q .; then
  fail "build files installed under $prefix/include"
fi

# The installed ODS is self-contained: a backend's .td can include it.
step "running mlir-tblgen on the installed .td files"
for td in cnn/Dialect/Cnn/IR/CnnOps.td cnn/Dialect/Dma/IR/DmaOps.td; do
  "$tools/mlir-tblgen" -gen-op-decls -I "$prefix/include" \
    -I "$tools/../include" "$prefix/include/$td" -o /dev/null ||
    fail "mlir-tblgen cannot read the installed $td"
done

# The installed tools run outside the build tree.
"$prefix/bin/cnn-opt" --version >/dev/null || fail "installed cnn-opt does not run"

# Only the prefix is given: the package finds its MLIR by itself.
step "building examples/backend-opt against $prefix"
generator=()
if command -v ninja >/dev/null; then
  generator=(-G Ninja)
fi
linker=()
if command -v ld.lld >/dev/null; then
  linker=(-DLLVM_USE_LINKER=lld)
fi
if [ -n "${CNN_EXAMPLE_CXX:-}" ]; then
  linker+=("-DCMAKE_CXX_COMPILER=$CNN_EXAMPLE_CXX"
           "-DCMAKE_CXX_FLAGS=${CNN_EXAMPLE_CXX_FLAGS:-}")
fi
cmake "${generator[@]}" -S "$root/examples/backend-opt" -B "$example_build" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" "${linker[@]}" \
  >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log" >&2; fail "configuring backend-opt failed"; }
grep -qF "Using CnnOptConfig.cmake in: $prefix/lib/cmake/CnnOpt" \
  "$work/configure.log" || fail "backend-opt did not find CnnOpt in $prefix"
cmake --build "$example_build" >"$work/build.log" 2>&1 ||
  { cat "$work/build.log" >&2; fail "building backend-opt failed"; }
backend_opt="$example_build/backend-opt"

step "backend-opt --backend-count-dma on examples/backend-opt/test/count-dma.mlir"
check="$root/examples/backend-opt/test/count-dma.mlir"
"$backend_opt" --backend-count-dma "$check" -o /dev/null |
  "$tools/FileCheck" "$check" || fail "backend-opt output differs from $check"

# The installed cnn-opt lowers a model, the backend counts its transfers;
# the backend running the project's pipeline itself must count the same.
model="$root/models/mobilenet_v1.mlir"
step "cnn-opt --tile-for-sram=65536 --lower-to-dma $(basename "$model") | backend-opt --backend-count-dma"
"$prefix/bin/cnn-opt" --tile-for-sram=65536 --lower-to-dma "$model" \
  -o "$work/lowered.mlir"
"$backend_opt" --backend-count-dma "$work/lowered.mlir" -o /dev/null \
  >"$work/count.txt"
"$tools/FileCheck" --input-file="$work/count.txt" \
  "$root/examples/backend-opt/test/mobilenet_v1.check" ||
  fail "unexpected backend-opt output on the lowered model"
"$backend_opt" --tile-for-sram=65536 --lower-to-dma --backend-count-dma \
  "$model" -o /dev/null >"$work/count-in-backend.txt"
cmp -s "$work/count.txt" "$work/count-in-backend.txt" ||
  fail "backend-opt's own --lower-to-dma counts differently from cnn-opt's"

# Bytes per run of all transfers = the total of --dma-traffic-report.
counted=$(sed -n 's/^  total: .*, \([0-9]*\) bytes per run$/\1/p' "$work/count.txt")
reported=$("$prefix/bin/cnn-opt" --dma-traffic-report "$work/lowered.mlir" \
  -o /dev/null | awk '$1 == "total" { gsub(",", "", $NF); print $NF }')
[ -n "$counted" ] && [ "$counted" = "$reported" ] ||
  fail "backend-opt counts ${counted:-nothing} bytes, --dma-traffic-report ${reported:-nothing}"

step "ok: backend-opt counts $counted bytes per run of $(basename "$model"), as cnn-opt"
