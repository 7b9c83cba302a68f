#!/usr/bin/python3
"""Compile time of the full cnn-opt pipeline against the mlir-opt floor.

For every zoo network at its default resolution (the bundled models/*.mlir)
and, unless --no-hd, at 1920x1080 (written by cnn-zoo):

  1. G = `cnn-opt --mlir-print-op-generic model.mlir` (the generic form);
  2. check that `mlir-opt --allow-unregistered-dialect --mlir-print-op-generic G`
     reproduces G byte for byte (every cnn op and #cnn<...> attribute parses
     as an unregistered op / opaque attribute and prints back unchanged) and
     that the pipeline gives the same output on G and on the custom-form file;
  3. time `cnn-opt --tile-for-sram=262144 --merge-layers --lower-to-dma G
     -o /dev/null` (the pipeline) and `mlir-opt --allow-unregistered-dialect
     G -o /dev/null` (parse + print: the floor of any pass pipeline), both on
     the same generic file G, both with --mlir-timing.

Reports the median of REPS runs (default 3; a run over BENCH_SLOW_SECONDS,
default 10 s, is not repeated) of two measures: the wall time of the whole
process (startup included) and the in-process total of --mlir-timing.
"""
import argparse
import hashlib
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as B  # noqa: E402

PIPELINE = ["--tile-for-sram=262144", "--merge-layers", "--lower-to-dma"]
HD = "1920x1080"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def measure(name, model, a, tmp):
    """Check and time one model file; returns a result dict."""
    cnn_opt = os.path.join(a.build_dir, "bin", "cnn-opt")
    gen = os.path.join(tmp, name + ".generic.mlir")
    B.run([cnn_opt, "--mlir-print-op-generic", model, "-o", gen])

    # Faithfulness of the floor: mlir-opt round-trips G exactly.
    again = os.path.join(tmp, name + ".again.mlir")
    B.run([a.mlir_opt, "--allow-unregistered-dialect",
           "--mlir-print-op-generic", gen, "-o", again])
    if sha256(again) != sha256(gen):
        B.die(f"{name}: mlir-opt does not round-trip the generic form "
              f"(diff {gen} {again})")
    os.unlink(again)
    with open(gen) as f:
        text = f.read()
    n_ops = text.count('"cnn.')
    n_attrs = text.count("#cnn.")

    # The pipeline reads G as it reads the custom form.
    out_custom = os.path.join(tmp, name + ".lowered.mlir")
    out_generic = os.path.join(tmp, name + ".lowered-from-generic.mlir")
    B.run([cnn_opt] + PIPELINE + [model, "-o", out_custom])
    B.run([cnn_opt] + PIPELINE + [gen, "-o", out_generic])
    if sha256(out_custom) != sha256(out_generic):
        B.die(f"{name}: the pipeline's output differs on the generic form "
              f"(diff {out_custom} {out_generic})")
    lowered_bytes = os.path.getsize(out_custom)
    os.unlink(out_custom)
    os.unlink(out_generic)

    B.progress(f"timing {name}")
    pipe_s, pipe_n, pipe_t = B.timed(
        [cnn_opt] + PIPELINE + ["--mlir-timing", gen, "-o", os.devnull])
    floor_s, floor_n, floor_t = B.timed(
        [a.mlir_opt, "--allow-unregistered-dialect", "--mlir-timing", gen,
         "-o", os.devnull])
    os.unlink(gen)
    return dict(name=name, pipe_s=pipe_s, pipe_n=pipe_n, pipe_t=pipe_t,
                floor_s=floor_s, floor_n=floor_n, floor_t=floor_t,
                generic_bytes=len(text), lowered_bytes=lowered_bytes,
                n_ops=n_ops, n_attrs=n_attrs)


def report(title, results, skipped):
    print(f"#### {title}\n")
    rows = []
    for r in results:
        pt, ft = r["pipe_t"].get("Total"), r["floor_t"].get("Total")
        runs = (f"{r['pipe_n']}" if r["pipe_n"] == r["floor_n"]
                else f"{r['pipe_n']}/{r['floor_n']}")
        rows.append([
            r["name"], B.fmt_s(r["pipe_s"]), B.fmt_s(r["floor_s"]),
            B.fmt_ratio(r["pipe_s"] / r["floor_s"]),
            B.fmt_s(pt), f"{ft:.4f}" if ft is not None else "-",
            B.fmt_ratio(pt / ft) if pt and ft else "-",
            f"{r['generic_bytes'] / 1e3:,.0f}", B.fmt_mb(r["lowered_bytes"]), runs])
    for name, why in skipped:
        rows.append([name] + ["n/a"] * 9)
    print(B.table(
        ["network", "pipeline s", "mlir-opt s", "ratio",
         "pipeline in-process s", "mlir-opt in-process s", "in-process ratio",
         "input KB", "lowered MB", "runs"], rows))
    if results:
        g = B.geomean([r["pipe_s"] / r["floor_s"] for r in results])
        gi = B.geomean([r["pipe_t"]["Total"] / r["floor_t"]["Total"]
                        for r in results
                        if r["pipe_t"].get("Total") and r["floor_t"].get("Total")])
        print(f"\nGeometric mean ratio: {B.fmt_ratio(g)} (process), "
              f"{B.fmt_ratio(gi)} (in-process).")
    for name, why in skipped:
        print(f"\n{name}: not measured: {why}")
    # Where the pipeline's time goes, in-process.
    rows = []
    for r in results:
        t = r["pipe_t"]
        tot = t.get("Total") or 1.0
        rows.append([r["name"]] + [
            f"{B.fmt_s(t.get(k, 0.0))} ({100 * t.get(k, 0.0) / tot:.0f}%)"
            for k in ("Parser", "CnnTileForSram", "CnnMergeLayers",
                      "CnnLowerToDma", "Output")])
    print(f"\nPipeline time by phase (--mlir-timing, seconds):\n")
    print(B.table(["network", "parse", "tile", "merge", "lower", "print"],
                  rows))
    print()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build-dir", required=True)
    p.add_argument("--mlir-opt", required=True)
    p.add_argument("--models-dir", required=True)
    p.add_argument("--no-hd", action="store_true",
                   help="skip the 1920x1080 networks")
    p.add_argument("--only", default="",
                   help="comma-separated networks (default: all)")
    a = p.parse_args()
    cnn_zoo = os.path.join(a.build_dir, "bin", "cnn-zoo")
    for tool in (os.path.join(a.build_dir, "bin", "cnn-opt"), cnn_zoo,
                 a.mlir_opt):
        if not os.access(tool, os.X_OK):
            B.die(f"{tool} not found")
    nets = B.run([cnn_zoo, "--list"]).stdout.split()
    if a.only:
        want = a.only.split(",")
        nets = [n for n in nets if n in want]

    print("Pipeline: `cnn-opt --tile-for-sram=262144 --merge-layers "
          "--lower-to-dma G -o /dev/null`.")
    print("Floor: `mlir-opt --allow-unregistered-dialect G -o /dev/null` "
          "(parse + print).")
    print("Both tools time the same file G, the network printed in generic "
          "form by `cnn-opt --mlir-print-op-generic`; mlir-opt round-trips "
          "every G byte for byte (cnn ops as unregistered ops, #cnn<...> as "
          "opaque attributes) and the pipeline's output on G equals its "
          "output on the custom form (checked on every run).")
    print(f"Times: median of {B.REPS} runs (1 run when a run takes more than "
          f"{B.SLOW_SECONDS:g} s; 'runs' column); 'pipeline s' / 'mlir-opt s' "
          "= wall clock of the whole process (startup included); "
          "'in-process' = the Total of --mlir-timing (parse + passes + "
          "print, no process startup). 'input KB' = size of G, "
          "'lowered MB' = size of the pipeline's output.\n")

    with tempfile.TemporaryDirectory(prefix="cnn-bench-") as tmp:
        # Startup reference: an empty module.
        empty = os.path.join(tmp, "empty.mlir")
        with open(empty, "w") as f:
            f.write("module {}\n")
        cnn_opt = os.path.join(a.build_dir, "bin", "cnn-opt")
        e_pipe, _, _ = B.timed([cnn_opt] + PIPELINE + [empty, "-o", os.devnull])
        e_floor, _, _ = B.timed([a.mlir_opt, "--allow-unregistered-dialect",
                                 empty, "-o", os.devnull])
        print(f"Process startup (empty module): cnn-opt pipeline "
              f"{B.fmt_s(e_pipe)} s, mlir-opt {B.fmt_s(e_floor)} s.\n")

        results = []
        for n in nets:
            model = os.path.join(a.models_dir, n + ".mlir")
            if not os.path.exists(model):
                B.die(f"{model} not found")
            results.append(measure(n, model, a, tmp))
        report("Default resolution (models/*.mlir: 224x224, AlexNet 227x227)",
               results, [])

        if not a.no_hd:
            results, skipped = [], []
            for n in nets:
                model = os.path.join(tmp, n + ".hd.mlir")
                p = subprocess.run([cnn_zoo, n, f"--resolution={HD}", "-o",
                                    model], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
                if p.returncode != 0:
                    why = p.stderr.strip().splitlines()[-1]
                    why = why.split(": ", 2)[-1] if ": " in why else why
                    skipped.append((n, why))
                    continue
                results.append(measure(n, model, a, tmp))
                os.unlink(model)
            report(f"{HD} (cnn-zoo <net> --resolution={HD})", results, skipped)


if __name__ == "__main__":
    main()
