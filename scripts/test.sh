#!/usr/bin/env bash
# Builds cnn-opt and runs every test (lit regression tests and the GoogleTest
# unit tests, which lit runs as well), ending with `N passed, N failed`.
# --sanitize does the same with the AddressSanitizer and
# UndefinedBehaviorSanitizer build in build-sanitize/ (clang-22).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${1:-}" = "--sanitize" ]; then
  export CNN_SANITIZE=1
  build="${CNN_BUILD_DIR:-$root/build-sanitize}"
else
  build="${CNN_BUILD_DIR:-$root/build}"
fi

bash "$root/scripts/build.sh" || { echo "0 passed, 1 failed"; exit 1; }

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
/usr/lib/llvm-22/bin/lit -v "$build/test" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() { # the number lit prints after "<label>:" in its summary, or 0
  sed -n "s/^ *$1 *: *\([0-9]\+\).*/\1/p" "$log" | tail -n 1 | grep . || echo 0
}
passed=$(( $(count Passed) + $(count "Expectedly Failed") ))
failed=$(( $(count Failed) + $(count Unresolved) + $(count "Timed Out") + $(count "Unexpectedly Passed") ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
