#!/usr/bin/env bash
# Benchmarks of cnn-opt: compile time against mlir-opt, compile-time scaling
# on synthetic chains, schedule quality (traffic) from cnn-sweep, and the
# lowered program (its size, and its speed on the CPU merged and alone).
#
#   bench/run.sh [compile] [scaling] [quality] [program]   (default: all)
#
# Environment:
#   CNN_BUILD_DIR    build directory with bin/cnn-opt, cnn-zoo, cnn-sweep
#                    (default: build/ of this repository)
#   MLIR_OPT         mlir-opt of the LLVM the project builds against
#                    (default: /usr/lib/llvm-22/bin/mlir-opt)
#   QUICK=1          skip the 1920x1080 networks (compile, quality and
#                    program), the CPU runs of program, and scaling points
#                    predicted to take more than 30 s
#   REPS             runs per measurement, the median is reported (default 3;
#                    a run longer than BENCH_SLOW_SECONDS=10 is not repeated)
#   SCALING_SIZES    chain lengths (default 100,1000,10000)
#   SCALING_LIMIT    skip scaling points predicted to take longer (seconds;
#                    default 300, 30 with QUICK=1)
#   SCALING_TIMEOUT  stop a scaling run after this many seconds (default 600,
#                    60 with QUICK=1)
#
# Progress goes to stderr; the report (markdown) to stdout:
#   bench/run.sh > bench-report.md
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${CNN_BUILD_DIR:-$root/build}"
build="$(cd "$build" && pwd)"
mlir_opt="${MLIR_OPT:-/usr/lib/llvm-22/bin/mlir-opt}"
python="${PYTHON:-/usr/bin/python3}"
quick="${QUICK:-0}"
if [[ "$quick" == 1 ]]; then
  limit="${SCALING_LIMIT:-30}"
  timeout="${SCALING_TIMEOUT:-60}"
else
  limit="${SCALING_LIMIT:-300}"
  timeout="${SCALING_TIMEOUT:-600}"
fi
sizes="${SCALING_SIZES:-100,1000,10000}"

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}

parts=()
for arg in "$@"; do
  case "$arg" in
    compile|scaling|quality|program) parts+=("$arg") ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown part '$arg' (compile, scaling, quality, program)" >&2
       exit 2 ;;
  esac
done
if [[ ${#parts[@]} -eq 0 ]]; then
  parts=(compile scaling quality program)
fi

for tool in cnn-opt cnn-zoo; do
  if [[ ! -x "$build/bin/$tool" ]]; then
    echo "run.sh: $build/bin/$tool not found (set CNN_BUILD_DIR)" >&2
    exit 1
  fi
done

hd_flag=()
if [[ "$quick" == 1 ]]; then
  hd_flag=(--no-hd)
fi

start=$(date +%s)
echo "# cnn-opt benchmarks"
echo
echo "## Machine"
echo
cpu="$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "- CPU: ${cpu:-unknown}, $(nproc) cores available" \
  "($(grep -c '^processor' /proc/cpuinfo) logical CPUs in /proc/cpuinfo)"
mem_kb="$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
echo "- Memory: $((mem_kb / 1024 / 1024)) GiB"
os="$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -o)"
echo "- OS: $os, Linux $(uname -r), $(uname -m)"
rev="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  rev="$rev (with uncommitted changes)"
fi
echo "- Source: $rev; binaries: $build/bin" \
  "($(grep -m1 '^CMAKE_BUILD_TYPE' "$build/CMakeCache.txt" 2>/dev/null | cut -d= -f2 || true) build)"
echo "- LLVM: $("$build/bin/cnn-opt" --version | grep -m1 -o 'LLVM version.*')," \
  "mlir-opt: $mlir_opt"
echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); QUICK=$quick, REPS=${REPS:-3}"
echo "- Load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the times)"
echo

for part in "${parts[@]}"; do
  t0=$(date +%s)
  case "$part" in
    compile)
      echo "## Compile time: full pipeline / mlir-opt parse+print"
      echo
      if [[ ! -x "$mlir_opt" ]]; then
        echo "run.sh: $mlir_opt not found (set MLIR_OPT)" >&2
        exit 1
      fi
      "$python" -u "$here/compile_time.py" --build-dir "$build" \
        --mlir-opt "$mlir_opt" --models-dir "$root/models" "${hd_flag[@]}"
      ;;
    scaling)
      echo "## Compile-time scaling on synthetic chains"
      echo
      "$python" -u "$here/scaling.py" --build-dir "$build" --sizes "$sizes" \
        --limit "$limit" --timeout "$timeout"
      ;;
    quality)
      echo "## Schedule quality: DRAM traffic"
      echo
      if [[ ! -x "$build/bin/cnn-sweep" ]]; then
        echo "cnn-sweep not built ($build/bin/cnn-sweep): part skipped."
        echo
        echo "run.sh: $build/bin/cnn-sweep not found; quality skipped" >&2
      else
        "$python" -u "$here/quality.py" --build-dir "$build" \
          --models-dir "$root/models" "${hd_flag[@]}"
      fi
      ;;
    program)
      echo "## The lowered program"
      echo
      run_flag=(--run)
      if [[ "$quick" == 1 ]]; then
        run_flag=()
      fi
      "$python" -u "$here/program.py" --build-dir "$build" "${hd_flag[@]}" \
        "${run_flag[@]}"
      ;;
  esac
  echo "_($part: $(( $(date +%s) - t0 )) s)_"
  echo
done
echo "Total: $(( $(date +%s) - start )) s; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
