#!/usr/bin/env bash
# Fuzzes cnn-opt's parser, verifier and pass pipelines with libFuzzer.
#
#   scripts/fuzz.sh [SECONDS] [JOBS]     (default 600 seconds, 1 job)
#
# Builds the sanitizer build (build-sanitize/, clang-22 with ASan, UBSan
# and libFuzzer coverage) if needed, seeds a corpus (fuzz/corpus/, kept
# between runs) with the bundled models and every .mlir test, and runs
# build-sanitize/bin/cnn-fuzz for SECONDS. A crash, sanitizer report, leak
# or timeout is written to fuzz/findings/; replay it with
#   CNN_FUZZ_VERBOSE=1 build-sanitize/bin/cnn-fuzz FILE
# (which prints the pipeline and SRAM size for cnn-opt), fix it, and add the
# file to test/Fuzz/Inputs/findings/ so the test suite replays it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-600}"
jobs="${2:-1}"
build="${CNN_BUILD_DIR:-$root/build-sanitize}"
work="${FUZZ_DIR:-$root/fuzz}"

CNN_SANITIZE=1 CNN_BUILD_DIR="$build" bash "$root/scripts/build.sh" >/dev/null
mkdir -p "$work/corpus" "$work/findings"
# Seeds: files keep their names, so re-seeding does not duplicate them.
for f in "$root"/models/*.mlir "$root"/test/*/*.mlir "$root"/test/*/*/*.mlir \
         "$root"/test/Fuzz/Inputs/findings/*; do
  [ -f "$f" ] && cp -n "$f" "$work/corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")" 2>/dev/null || true
done

# See test/lit.cfg.py for allow_user_poisoning=0.
export ASAN_OPTIONS="detect_leaks=1:allow_user_poisoning=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
echo "fuzz: $seconds s, $jobs job(s), corpus $work/corpus ($(ls "$work/corpus" | wc -l) files)"
args=(-max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096
      -max_len=65536 -artifact_prefix="$work/findings/" -print_final_stats=1)
if [ "$jobs" -gt 1 ]; then
  args+=(-jobs="$jobs" -workers="$jobs")
fi
cd "$work"
"$build/bin/cnn-fuzz" "${args[@]}" "$work/corpus" 2>&1 | tee "$work/last-run.log" |
  grep -E "^#[0-9]+.*(pulse|DONE)|stat::|ERROR|SUMMARY|Test unit written" || true
status=${PIPESTATUS[0]}
findings=$(ls "$work/findings" | wc -l)
echo "fuzz: exit $status, $findings finding(s) in $work/findings, log $work/last-run.log"
[ "$status" -eq 0 ] && [ "$findings" -eq 0 ]
