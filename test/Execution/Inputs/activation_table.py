"""Checks the printed output of activation-table.mlir against
docs/Semantics.md's integer activations, evaluated here in Python:

    activation_table.py OUTPUT

i8 (one = 2^7 = 128), on x = 9 * (((3w + 5) mod 29) - 14) for w < 29:
relu max(x, 0); relu6 min(max(x, 0), 6); hard_sigmoid
min(clamp(x + 3, 0, 6) * 128 / 6, 127); hard_swish x * clamp(x + 3, 0, 6)
/ 6 (division rounding toward zero); sigmoid and tanh in f32, times 128,
truncated toward zero, clamped to [0, 127] and [-128, 127]; prelu with the
slopes 32 and -128: a negative x becomes (x * slope) >> 7 (arithmetic
shift) clamped to [-128, 127]; sub of 100: x - 100 clamped to [-128, 127].
"""
import re
import sys

import numpy as np

NUMBER = re.compile(r"-?\d+")


def div(a, b):
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def expected():
    xs = [9 * (((3 * w + 5) % 29) - 14) for w in range(29)]
    f32 = np.float32
    rows = []
    rows.append([max(x, 0) for x in xs])
    rows.append([min(max(x, 0), 6) for x in xs])
    rows.append([min(div(min(max(x + 3, 0), 6) * 128, 6), 127) for x in xs])
    rows.append([div(x * min(max(x + 3, 0), 6), 6) for x in xs])
    sig = [f32(1) / (f32(1) + np.exp(-f32(x))) for x in xs]
    rows.append([min(max(int(f32(s) * f32(128)), 0), 127) for s in sig])
    tanh = [f32(1) - f32(2) / (np.exp(f32(2) * f32(x)) + f32(1)) for x in xs]
    rows.append([min(max(int(f32(t) * f32(128)), -128), 127) for t in tanh])
    for slope in (32, -128):
        rows.append([x if x >= 0 else min(max((x * slope) >> 7, -128), 127)
                     for x in xs])
    rows.append([min(max(x - 100, -128), 127) for x in xs])
    return rows


def main():
    with open(sys.argv[1]) as f:
        text = "".join(l for l in f if "base@" not in l)
    got = [int(v) for v in NUMBER.findall(text)]
    rows = expected()
    want = [v for row in rows for v in row]
    if got != want:
        for i, (a, b) in enumerate(zip(got, want)):
            if a != b:
                print("MISMATCH: activation %d, input %d: %d, expected %d" % (
                    i // 29, i % 29, a, b))
                break
        else:
            print("MISMATCH: %d values, expected %d" % (len(got), len(want)))
        return
    print("equal: %d activations, %d inputs each" % (len(rows), 29))


if __name__ == "__main__":
    with np.errstate(over="ignore"):
        main()
