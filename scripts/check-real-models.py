#!/usr/bin/python3
"""Imports, plans, lowers and runs real ONNX models, and compares their
outputs with onnxruntime's.

    /usr/bin/python3 scripts/check-real-models.py MODEL_DIR [model ...]
        [--sram=262144] [--jobs=N] [--reference]

For each MODEL_DIR/<model>.onnx (scripts/export-torchvision.py writes
them): `cnn-translate --import-onnx`, the traffic report at --sram alone
and with merging, then `cnn-run` with `--tile-for-sram --merge-layers
--lower-to-dma --dma-verify-arena` on a random input (standard normal,
seed 0), and the same input through onnxruntime-node
(scripts/onnxruntime-run.js). A model passes when the largest difference
is at most 1e-4 of the output's largest magnitude. --reference runs the
untiled reference (`--cnn-to-linalg`) instead of the lowered program.

Prints one table row per model (Markdown) and ends with "N passed, N
failed". CNN_BUILD_DIR (default build/) names the build; NODE_PATH must
find onnxruntime-node (default: ~/.cache/cnn-opt/onnxruntime/node_modules,
where scripts/install-real-model-deps.sh puts it).
"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("CNN_BUILD_DIR", os.path.join(ROOT, "build"))
BIN = os.path.join(BUILD, "bin")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?|nan|-?inf")
TOLERANCE = 1e-4


def run(cmd, **kw):
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(cmd, stderr=subprocess.PIPE, text=True, **kw)


def printed_values(text):
    text = "".join(l for l in text.splitlines(True) if "base@" not in l)
    return [float(x) for x in NUMBER.findall(text)]


def traffic(mlir, sram, merge):
    cmd = [os.path.join(BIN, "cnn-opt"), "--tile-for-sram=%d" % sram]
    if merge:
        cmd.append("--merge-layers")
    cmd += ["--cnn-traffic-report=format=json", mlir, "-o", os.devnull]
    r = run(cmd)
    if r.returncode:
        return None, r.stderr.strip().splitlines()[0]
    total = json.loads(r.stdout)["networks"][0]["total"]
    return total["total_bytes"], None


def check(model_dir, name, sram, reference):
    row = {"model": name}
    onnx = os.path.join(model_dir, name + ".onnx")
    with tempfile.TemporaryDirectory() as tmp:
        mlir = os.path.join(tmp, "net.mlir")
        r = run([os.path.join(BIN, "cnn-translate"), "--import-onnx", onnx,
                 "-o", mlir])
        if r.returncode:
            row["error"] = r.stderr.strip().splitlines()[0]
            return row
        with open(mlir) as f:
            text = f.read()
        row["layers"] = len(re.findall(r"= cnn\.(?!weight)\w+ ", text))
        row["alone"], err = traffic(mlir, sram, False)
        row["merged"], err2 = traffic(mlir, sram, True)
        if err or err2:
            row["error"] = err or err2
            return row
        # The same random input (standard normal, seed 0) for both.
        m = re.search(r"func\.func @[\w.$]+\(%arg0: tensor<(\d+)x(\d+)x(\d+)x"
                      r"(\d+)xf32>", text)
        if not m:
            row["error"] = "no f32 network function"
            return row
        shape = tuple(int(d) for d in m.groups())
        x = os.path.join(tmp, "x.npy")
        y = os.path.join(tmp, "y.npy")
        r = run(["/usr/bin/python3", "-c",
                 "import numpy as np; np.save(%r, np.random.default_rng(0)"
                 ".standard_normal(%r).astype(np.float32))" % (x, shape)])
        if r.returncode:
            row["error"] = r.stderr.strip()
            return row
        lower = [] if reference else [
            "--tile-for-sram=%d" % sram, "--merge-layers", "--lower-to-dma",
            "--dma-verify-arena"]
        start = time.time()
        r = run([os.path.join(BIN, "cnn-run"), mlir, "--input=" + x,
                 "--output=" + y] + lower)
        row["run_s"] = time.time() - start
        if r.returncode:
            row["error"] = "cnn-run: " + r.stderr.strip()[:200]
            return row
        r = run(["/usr/bin/python3", "-c",
                 "import numpy as np; print('\\n'.join('%%.9g' %% v for v in "
                 "np.load(%r).ravel()))" % y])
        ours = [float(v) for v in r.stdout.split()]
        env = dict(os.environ)
        env.setdefault("NODE_PATH", os.path.join(
            os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
            "cnn-opt", "onnxruntime", "node_modules"))
        r = run(["node", os.path.join(ROOT, "scripts", "onnxruntime-run.js"),
                 onnx, x], env=env)
        if r.returncode:
            row["error"] = "onnxruntime: " + r.stderr.strip()[:200]
            return row
        theirs = [float(v) for v in r.stdout.split()]
        if len(ours) != len(theirs):
            row["error"] = "%d values against onnxruntime's %d" % (
                len(ours), len(theirs))
            return row
        scale = max(abs(v) for v in theirs) or 1.0
        diff = max(abs(a - b) for a, b in zip(ours, theirs))
        row["values"] = len(ours)
        row["relative"] = diff / scale
        row["ok"] = diff <= TOLERANCE * scale
    return row


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    opts = dict(a[2:].split("=", 1) if "=" in a else (a[2:], "1")
                for a in sys.argv[1:] if a.startswith("--"))
    if not args:
        sys.exit(__doc__)
    model_dir, names = args[0], args[1:]
    if not names:
        names = sorted(f[:-5] for f in os.listdir(model_dir)
                       if f.endswith(".onnx"))
    sram = int(opts.get("sram", 262144))
    jobs = int(opts.get("jobs", 1))
    reference = "reference" in opts
    print("| model | layers | traffic alone (MB) | merged (MB) | "
          "vs onnxruntime | max error / max |output| |")
    print("|---|---:|---:|---:|---|---:|")
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for row in pool.map(lambda n: check(model_dir, n, sram, reference),
                            names):
            ok = row.get("ok", False)
            passed += ok
            failed += not ok
            mb = lambda k: ("%.2f" % (row[k] / 1e6)) if row.get(k) else "-"
            verdict = "equal" if ok else (
                "ERROR: " + row["error"] if "error" in row else "DIFFERENT")
            print("| %s | %s | %s | %s | %s | %s |" % (
                row["model"], row.get("layers", "-"), mb("alone"),
                mb("merged"), verdict,
                "%.1e" % row["relative"] if "relative" in row else "-"),
                flush=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
