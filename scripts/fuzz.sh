#!/usr/bin/env bash
# Fuzzes cnn-opt's parser, verifier and pass pipelines, or its ONNX
# importer, with libFuzzer.
#
#   scripts/fuzz.sh [SECONDS] [JOBS]     (default 600 seconds, 1 job)
#   FUZZ_TARGET=onnx scripts/fuzz.sh ...  (the ONNX importer)
#
# Builds the sanitizer build (build-sanitize/, clang-22 with ASan, UBSan
# and libFuzzer coverage) if needed, seeds a corpus (fuzz/corpus/ or
# fuzz/onnx-corpus/, kept between runs) and runs build-sanitize/bin/cnn-fuzz
# (or cnn-fuzz-onnx) for SECONDS. The IR target's seeds are the bundled
# models, every .mlir test and the models as MLIR bytecode; the ONNX
# target's are the models the ONNX tests write (test/Target/Onnx/*.py). A
# crash, sanitizer report, leak, IR a pass left invalid, or timeout is
# written to fuzz/findings/; replay it with
#   CNN_FUZZ_VERBOSE=1 build-sanitize/bin/cnn-fuzz FILE
# (which prints the pipeline and SRAM size for cnn-opt), fix it, and add the
# file to test/Fuzz/Inputs/findings/ (onnx-findings/ for the ONNX target) so
# the test suite replays it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-600}"
jobs="${2:-1}"
build="${CNN_BUILD_DIR:-$root/build-sanitize}"
work="${FUZZ_DIR:-$root/fuzz}"

CNN_SANITIZE=1 CNN_BUILD_DIR="$build" bash "$root/scripts/build.sh" >/dev/null
target="${FUZZ_TARGET:-ir}"
case "$target" in
  ir) binary=cnn-fuzz corpus="$work/corpus" ;;
  onnx) binary=cnn-fuzz-onnx corpus="$work/onnx-corpus" ;;
  *) echo "fuzz: FUZZ_TARGET is ir or onnx, not '$target'" >&2; exit 2 ;;
esac
mkdir -p "$corpus" "$work/findings"
# Seeds: files keep their names, so re-seeding does not duplicate them.
if [ "$target" = ir ]; then
  for f in "$root"/models/*.mlir "$root"/test/*/*.mlir "$root"/test/*/*/*.mlir \
           "$root"/test/Fuzz/Inputs/findings/*; do
    [ -f "$f" ] && cp -n "$f" "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")" 2>/dev/null || true
  done
  for f in "$root"/models/*.mlir; do
    [ -e "$corpus/seed-bytecode-$(basename "$f" .mlir).mlirbc" ] ||
      "$build/bin/cnn-opt" "$f" --emit-bytecode \
        -o "$corpus/seed-bytecode-$(basename "$f" .mlir).mlirbc"
  done
else
  seeds="$(mktemp -d)"
  for py in "$root"/test/Target/Onnx/*.py; do
    /usr/bin/python3 "$py" "$seeds/$(basename "$py" .py)" >/dev/null 2>&1 || true
  done
  for f in "$seeds"/*/*.onnx "$root"/test/Fuzz/Inputs/onnx-findings/*; do
    [ -f "$f" ] && cp -n "$f" "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")" 2>/dev/null || true
  done
  rm -rf "$seeds"
fi

# See test/lit.cfg.py for allow_user_poisoning=0.
export ASAN_OPTIONS="detect_leaks=1:allow_user_poisoning=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
echo "fuzz: $binary, $seconds s, $jobs job(s), corpus $corpus ($(ls "$corpus" | wc -l) files)"
# MLIR's bytecode reader sizes some allocations by counts it reads before
# checking them (reserving, say, 8 GB it never touches, then reporting the
# file as invalid): a single large malloc is no finding, only a process
# whose memory really grows past -rss_limit_mb.
args=(-max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096
      -malloc_limit_mb=1048576
      -max_len=65536 -artifact_prefix="$work/findings/" -print_final_stats=1)
if [ "$jobs" -gt 1 ]; then
  args+=(-jobs="$jobs" -workers="$jobs")
fi
cd "$work"
"$build/bin/$binary" "${args[@]}" "$corpus" 2>&1 | tee "$work/last-run.log" |
  grep -E "^#[0-9]+.*(pulse|DONE)|stat::|ERROR|SUMMARY|Test unit written" || true
status=${PIPESTATUS[0]}
findings=$(ls "$work/findings" | wc -l)
echo "fuzz: exit $status, $findings finding(s) in $work/findings, log $work/last-run.log"
[ "$status" -eq 0 ] && [ "$findings" -eq 0 ]
