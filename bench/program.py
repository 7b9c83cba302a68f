#!/usr/bin/python3
"""The lowered program: its size, the time to produce it, and its speed.

For MobileNet v2 and DenseNet-121 (i8, as cnn-zoo writes them) at
224x224 and, unless --no-hd, at 1920x1080, planned at 256 KiB:

  1. the whole pipeline `cnn-opt --tile-for-sram=262144 --merge-layers
     --lower-to-dma` (median wall time of REPS runs) and the lowered IR it
     writes: bytes, dma transfers and scf.for loops in the text;
  2. with --run, MobileNet v2 with random weights run on the CPU by
     `cnn-run -O2 --print-times` on one random input, merged and tiled
     alone: the run seconds of each (median of REPS), their ratio, and that
     both outputs are equal.

Prints markdown tables; progress goes to stderr.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as B  # noqa: E402

NETWORKS = ["mobilenet_v2", "densenet121"]
HD = "1920x1080"
SRAM = "--tile-for-sram=262144"


def lowered_stats(path):
    text = open(path).read()
    return {
        "bytes": len(text.encode()),
        "transfers": len(re.findall(r"\bdma\.(?:load|store)(?:_async)?\b",
                                    text)),
        "loops": text.count("scf.for"),
    }


def run_seconds(cnn_run, model, flags, npy_in, npy_out):
    """Median run seconds (the program only, not its compilation)."""
    runs = []
    for _ in range(max(1, B.REPS)):
        p = B.run([cnn_run, model, SRAM, *flags, "--lower-to-dma", "-O2",
                   "--print-times", f"--input={npy_in}",
                   f"--output={npy_out}"])
        m = re.search(r"run ([0-9.]+) s", p.stderr)
        if not m:
            B.die(f"cnn-run printed no times: {p.stderr[-2000:]}")
        runs.append(float(m.group(1)))
    return statistics.median(runs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--no-hd", action="store_true")
    ap.add_argument("--run", action="store_true",
                    help="also run MobileNet v2 on the CPU, merged and alone")
    args = ap.parse_args()
    bindir = os.path.join(args.build_dir, "bin")
    cnn_opt, cnn_zoo = os.path.join(bindir, "cnn-opt"), os.path.join(
        bindir, "cnn-zoo")
    resolutions = ["224x224"] + ([] if args.no_hd else [HD])

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        models = {}
        for net in NETWORKS:
            for res in resolutions:
                # The IR's size without weight values (shape-only weights);
                # the CPU runs need the values.
                model = os.path.join(tmp, f"{net}-{res}.mlir")
                B.run([cnn_zoo, net, f"--resolution={res}",
                       "--element-type=i8", "-o", model])
                weighted = os.path.join(tmp, f"{net}-{res}-w.mlir")
                if net == "mobilenet_v2" and args.run:
                    B.run([cnn_zoo, net, f"--resolution={res}",
                           "--element-type=i8", "--random-weights", "-o",
                           weighted])
                models[(net, res)] = weighted
                B.progress(f"pipeline {net} {res}")
                low = os.path.join(tmp, "low.mlir")
                B.run([cnn_opt, model, SRAM, "--merge-layers",
                       "--lower-to-dma", "-o", low])
                s = lowered_stats(low)
                wall, n, _ = B.timed([cnn_opt, model, SRAM, "--merge-layers",
                                      "--lower-to-dma", "-o", low])
                rows.append([net, res, B.fmt_s(wall), B.fmt_mb(s["bytes"]),
                             f"{s['transfers']:,}", f"{s['loops']:,}"])
        print("Planned at 256 KiB, merged and lowered "
              "(`--tile-for-sram=262144 --merge-layers --lower-to-dma`): "
              "wall seconds of the whole pipeline (median), and the lowered "
              "IR it writes (weights without values).")
        print()
        print(B.table(["network", "input", "pipeline s", "IR MB",
                       "dma transfers", "scf.for"], rows))
        print()

        if not args.run:
            return
        cnn_run = os.path.join(bindir, "cnn-run")
        rows = []
        for res in resolutions:
            model = models[("mobilenet_v2", res)]
            w, h = map(int, res.split("x"))
            npy = os.path.join(tmp, f"x-{res}.npy")
            # A random input, written without NumPy.
            header = ("{'descr': '|i1', 'fortran_order': False, 'shape': "
                      f"(1, 3, {h}, {w}), }}")
            header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
            with open(npy, "wb") as f:
                f.write(b"\x93NUMPY\x01\x00")
                f.write(len(header).to_bytes(2, "little"))
                f.write(header.encode())
                f.write(os.urandom(3 * h * w))
            outs = {}
            times = {}
            for label, flags in [("alone", []), ("merged", ["--merge-layers"])]:
                B.progress(f"cnn-run mobilenet_v2 {res} {label}")
                outs[label] = os.path.join(tmp, f"y-{label}.npy")
                times[label] = run_seconds(cnn_run, model, flags, npy,
                                           outs[label])
            same = open(outs["alone"], "rb").read() == open(
                outs["merged"], "rb").read()
            rows.append(["mobilenet_v2", res, B.fmt_s(times["alone"]),
                         B.fmt_s(times["merged"]),
                         B.fmt_ratio(times["merged"] / times["alone"]),
                         "yes" if same else "NO"])
        print("The program on the CPU (`cnn-run -O2`, run seconds without "
              "compilation, median), tiled alone and merged; ratio merged / "
              "alone (at most 1: the merged program is no slower).")
        print()
        print(B.table(["network", "input", "alone s", "merged s", "ratio",
                       "same output"], rows))
        print()


if __name__ == "__main__":
    main()
