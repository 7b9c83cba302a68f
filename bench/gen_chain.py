#!/usr/bin/python3
"""Write a synthetic chain of N cnn layers as cnn IR (for bench/scaling).

    bench/gen_chain.py N [--channels=C] [--size=S] [-o FILE]

The chain alternates a 3x3 convolution (pad 1) and a 1x1 convolution, both
C -> C channels with an i32 bias and a fused relu, on a 1xCxSxS i8 feature
map (default C = 8, S = 16). Every layer has the same shape, so the work
each pass does per layer (and the lowered IR per layer) is bounded and the
total should grow linearly in N. Standard library only.
"""
import argparse
import sys


def chain(n, c, s):
    fm = f"tensor<1x{c}x{s}x{s}xi8>"
    out = [
        f"// Synthetic chain: {n} layers, alternating 3x3 (pad 1) and 1x1",
        f"// convolutions {c} -> {c} channels with bias and relu, on {c}x{s}x{s} i8.",
        "// Written by bench/gen_chain.py.",
        "module {",
        f"  func.func @chain_{n}(%arg0: {fm}) -> {fm} {{",
    ]
    prev = "%arg0"
    for i in range(n):
        k = 3 if i % 2 == 0 else 1
        wt = f"tensor<{c}x{c}x{k}x{k}xi8>"
        bt = f"tensor<{c}xi32>"
        pad = ", padding = array<i64: 1, 1, 1, 1>" if k == 3 else ""
        out.append(f"    %w{i} = cnn.weight : {wt}")
        out.append(f"    %b{i} = cnn.weight : {bt}")
        out.append(
            f"    %l{i} = cnn.conv2d {prev}, %w{i}, %b{i} "
            f"{{activation = #cnn.activation<relu>, name = \"l{i}\"{pad}}} "
            f": ({fm}, {wt}, {bt}) -> {fm}")
        prev = f"%l{i}"
    out.append(f"    return {prev} : {fm}")
    out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, help="number of layers (>= 1)")
    p.add_argument("--channels", type=int, default=8)
    p.add_argument("--size", type=int, default=16)
    p.add_argument("-o", "--output", default="-")
    a = p.parse_args()
    if a.n < 1 or a.channels < 1 or a.size < 1:
        p.error("N, --channels and --size must be >= 1")
    text = chain(a.n, a.channels, a.size)
    if a.output == "-":
        sys.stdout.write(text)
    else:
        with open(a.output, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
