"""Compares two printed memrefs: compare_outputs.py REF TILED [REL_TOL]

Exact for integers (no tolerance given), else |a - b| <= tol * max(1, |a|).
Prints the number of values and of distinct values, so a test can check the
output is not trivial.
"""
import re
import sys

NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?|nan|-?inf")


def values(path):
    with open(path) as f:
        text = "".join(l for l in f if "base@" not in l)
    return [float(x) for x in NUMBER.findall(text)]


def main():
    ref, tiled = values(sys.argv[1]), values(sys.argv[2])
    tol = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    if len(ref) != len(tiled) or not ref:
        print(f"MISMATCH: {len(ref)} reference values, {len(tiled)} tiled")
        return
    bad = [i for i, (a, b) in enumerate(zip(ref, tiled))
           if abs(a - b) > tol * max(1.0, abs(a))]
    if bad:
        i = bad[0]
        print(f"MISMATCH at {len(bad)} of {len(ref)} values, first #{i}: "
              f"{ref[i]} vs {tiled[i]}")
    else:
        print(f"equal: {len(ref)} values, {len(set(ref))} distinct")


if __name__ == "__main__":
    main()
