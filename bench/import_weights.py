#!/usr/bin/python3
"""Import cost of a big ONNX model: time and peak memory of
`cnn-translate --import-onnx` (text and bytecode) and of a later `cnn-opt`
step reading each, against the targets of a 138M-parameter VGG16 in f32:
import <= 10 s and <= 1.2 GB, each later step <= 3 s.

    /usr/bin/python3 bench/import_weights.py MODEL.onnx

MODEL.onnx: e.g. scripts/export-torchvision.py's vgg16.onnx (553 MB).
Prints a markdown table: seconds, peak resident memory (GNU time's %M),
output size, and the ratio to the target (<= 1 meets it).
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(os.environ.get("CNN_BUILD_DIR",
                                  os.path.join(ROOT, "build")), "bin")


def measure(cmd):
    """Seconds and peak KB of cmd, through /usr/bin/time."""
    r = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    if r.returncode:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), r.stderr))
    seconds, kb = r.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb) / 1e6


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    model = sys.argv[1]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind, flags, ext in [("text", [], "mlir"),
                                 ("bytecode", ["--emit-bytecode"], "mlirbc")]:
            out = os.path.join(tmp, "model." + ext)
            s, gb = measure([os.path.join(BIN, "cnn-translate"),
                             "--import-onnx", model, "-o", out] + flags)
            size = os.path.getsize(out) / 1e6
            rows.append(("import, %s" % kind, s, gb, size, s / 10, gb / 1.2))
            s, gb = measure([os.path.join(BIN, "cnn-opt"),
                             "--tile-for-sram=262144", "--merge-layers",
                             "--cnn-traffic-report", out, "-o", os.devnull])
            rows.append(("cnn-opt plan + report from %s" % kind, s, gb, None,
                         s / 3, None))
    print("| step | seconds | peak GB | output MB | time / target | "
          "memory / target |")
    print("|---|---:|---:|---:|---:|---:|")
    for step, s, gb, size, tr, mr in rows:
        print("| %s | %.2f | %.2f | %s | %.2f | %s |" % (
            step, s, gb, "%.0f" % size if size else "-", tr,
            "%.2f" % mr if mr else "-"))


if __name__ == "__main__":
    main()
