#!/usr/bin/python3
"""Differential testing on random networks.

    scripts/random-diff.py --seeds=0:1000 [-j 2] [--sizes=3] [--build=build]
                           [--target=nvdla-small] [--width-strips]

For each seed, `cnn-zoo --random-network=SEED` writes a small random network
with random i8 weights (chains and DAGs: residual adds, concats; random
shapes, strides, padding, kernels, dilation, groups, depthwise layers,
pools, pads, resizes). The untiled reference (`--cnn-to-linalg`) runs on the
CPU once; then at several SRAM sizes drawn from the seed (64 bytes to
16 KiB), the network is planned (`--tile-for-sram`, with `--merge-layers`
at all sizes but the first), lowered (`--lower-to-dma`) and checked:

  * the SRAM plan fits (`--dma-verify-arena`: bounds, alignment, overlaps);
  * the bytes the DMA transfers move equal the modeled traffic, unit by
    unit (`--dma-traffic-report` against `--cnn-traffic-report`);
  * merging never moves more than tiling alone;
  * the lowered program, run on the CPU, computes the reference's outputs
    bit for bit (`--element-type=f32`: within 1e-5).

A size where a layer does not fit is skipped ("too small"); a plan the
lowering refuses with an error (a case it does not lower) is counted as
"refused". Anything else -- a crash, a sanitizer report, a mismatch -- is a
failure, printed with the commands that reproduce it. Exits 1 on failures.
"""

import argparse
import concurrent.futures
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INPUTS = os.path.join(ROOT, "test", "Execution", "Inputs")

# Errors of --lower-to-dma for plans it does not lower (not wrong answers).
REFUSALS = ["bytes of SRAM", "not lowered", "could not be placed",
            "must be produced by a layer"]


class Failure(Exception):
    pass


def run(cmd, stdin=None, check=True):
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if "Sanitizer" in p.stderr or p.returncode < 0:
        raise Failure(f"{' '.join(cmd)}: crashed or a sanitizer report:\n"
                      f"{p.stderr[-2000:]}")
    if check and p.returncode != 0:
        raise Failure(f"{' '.join(cmd)}: exit {p.returncode}:\n"
                      f"{p.stderr[-2000:]}")
    return p


def execute(args, module_text, memref):
    main = run(["/usr/bin/python3", os.path.join(INPUTS, "add_main.py"),
                "memref" if memref else "tensor"], stdin=module_text).stdout
    cmd = ["bash", os.path.join(ROOT, "scripts", "run-mlir.sh")]
    if memref:
        cmd.append("--memref")
    return run(cmd + ["-"], stdin=main).stdout


def check_seed(args, seed, work):
    opt = os.path.join(args.build, "bin", "cnn-opt")
    zoo = os.path.join(args.build, "bin", "cnn-zoo")
    net = os.path.join(work, f"net{seed}.mlir")
    run([zoo, f"--random-network={seed}", f"--element-type={args.element_type}",
         f"--max-layers={args.max_layers}", "-o", net])
    ref_ir = run([opt, net, "--cnn-to-linalg"]).stdout
    reference = os.path.join(work, f"ref{seed}.out")
    with open(reference, "w") as f:
        f.write(execute(args, ref_ir, memref=False))
    tol = "1e-5" if args.element_type.startswith("f") else "0"
    rng = random.Random(seed)
    sizes = sorted({int(2 ** rng.uniform(6, 14)) for _ in range(args.sizes)})
    counts = {"ok": 0, "too small": 0, "refused": 0, "strips": 0, "kept": 0}
    for i, sram in enumerate(sizes):
        merge = i > 0 or len(sizes) == 1
        size = f"--tile-for-sram={sram}"
        if args.target:
            size = f"--target={args.target},sram_bytes={sram}"
        merging = "--merge-layers=width-strips" if args.width_strips \
            else "--merge-layers"
        plan = [size] + ([merging] if merge else [])
        repro = f"{zoo} --random-network={seed} --element-type=" \
                f"{args.element_type} --max-layers={args.max_layers} | " \
                f"{opt} {' '.join(plan)} --lower-to-dma --dma-verify-arena"
        model_json = os.path.join(work, f"model{seed}.{sram}.json")
        dma_json = os.path.join(work, f"dma{seed}.{sram}.json")
        p = run([opt, net] + plan, check=False)
        if p.returncode != 0:
            if "needs at least" in p.stderr:
                counts["too small"] += 1
                continue
            raise Failure(f"planning failed: {repro}\n{p.stderr[-2000:]}")
        strips = "strip_width" in p.stdout
        kept = "keep_halo" in p.stdout
        p = run([opt, net] + plan +
                [f"--cnn-traffic-report=format=json output-file={model_json}",
                 "--lower-to-dma", "--dma-verify-arena",
                 f"--dma-traffic-report=format=json output-file={dma_json}",
                 "--dma-to-memref"], check=False)
        if p.returncode != 0:
            if any(r in p.stderr for r in REFUSALS) and \
                    "dma-verify-arena" not in p.stderr:
                counts["refused"] += 1
                continue
            raise Failure(f"lowering failed: {repro}\n{p.stderr[-2000:]}")
        with open(model_json) as f:
            model = json.load(f)["networks"][0]
        if model["total"]["total_bytes"] > \
                model["total_without_merging"]["total_bytes"]:
            raise Failure(f"merging moves more than tiling alone: {repro}")
        units = run(["/usr/bin/python3", os.path.join(INPUTS,
                                                      "compare_units.py"),
                     model_json, dma_json]).stdout
        if not units.startswith("equal"):
            raise Failure(f"DMA bytes differ from the model: {repro}\n{units}")
        tiled = os.path.join(work, f"out{seed}.{sram}.out")
        with open(tiled, "w") as f:
            f.write(execute(args, p.stdout, memref=True))
        same = run(["/usr/bin/python3", os.path.join(INPUTS,
                                                     "compare_outputs.py"),
                    reference, tiled, tol]).stdout
        if not same.startswith("equal"):
            raise Failure(f"outputs differ ({same.strip()}): {repro} "
                          "--dma-to-memref")
        counts["ok"] += 1
        counts["strips"] += strips
        counts["kept"] += kept
    return counts


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--seeds", default="0:20",
                        help="first:last (last excluded), default 0:20")
    parser.add_argument("--seed-list", default="",
                        help="comma-separated seeds, instead of --seeds")
    parser.add_argument("--sizes", type=int, default=3,
                        help="SRAM sizes per network (default 3)")
    parser.add_argument("--element-type", default="i8",
                        choices=["i8", "i16", "f16", "f32"])
    parser.add_argument("--max-layers", type=int, default=10)
    parser.add_argument("--width-strips", action="store_true",
                        help="merge with width strips (fusion groups whose "
                        "line buffers do not fit split their width)")
    parser.add_argument("--target", default="",
                        help="plan for this target (a preset or a JSON "
                        "file, see docs/Targets.md) at each SRAM size, "
                        "e.g. nvdla-small: DMA bursts and double buffering")
    parser.add_argument("-j", type=int, default=os.cpu_count() or 1,
                        help="networks checked at once")
    parser.add_argument("--build", default=os.environ.get(
        "CNN_BUILD_DIR", os.path.join(ROOT, "build")))
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    if args.seed_list:
        seeds = [int(x) for x in args.seed_list.split(",")]
    else:
        first, last = (int(x) for x in args.seeds.split(":"))
        seeds = list(range(first, last))

    totals = {"ok": 0, "too small": 0, "refused": 0, "strips": 0, "kept": 0}
    failures = []
    with tempfile.TemporaryDirectory() as work:
        with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
            futures = {pool.submit(check_seed, args, s, work): s
                       for s in seeds}
            done = 0
            for future in concurrent.futures.as_completed(futures):
                seed = futures[future]
                done += 1
                try:
                    for k, v in future.result().items():
                        totals[k] += v
                except Failure as e:
                    failures.append((seed, str(e)))
                    print(f"FAIL seed {seed}: {e}", flush=True)
                if not args.quiet and (done % max(1, len(seeds) // 10) == 0
                                       or done == len(seeds)):
                    print(f"random-diff: {done}/{len(seeds)} networks, "
                          f"{len(failures)} failed", file=sys.stderr,
                          flush=True)
    if failures:
        print("failed seeds: " + " ".join(str(s) for s, _ in sorted(failures)))
    plans = totals["ok"] + totals["too small"] + totals["refused"]
    strips = (f" ({totals['strips']} with groups in width strips, "
              f"{totals['kept']} keeping halos)"
              if args.width_strips else "")
    print(f"{len(seeds)} networks, "
          f"{plans} plans: {totals['ok']} run and equal{strips}, "
          f"{totals['too small']} too small, {totals['refused']} refused; "
          f"{len(failures)} networks failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
