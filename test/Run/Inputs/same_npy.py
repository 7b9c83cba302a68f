"""Compares two .npy outputs: same_npy.py A.npy B.npy

Prints "same" with the number of values and of distinct values (so a test
can check the output is not trivial), else the first difference.
"""
import sys

import numpy as np


def main():
    a, b = np.load(sys.argv[1]), np.load(sys.argv[2])
    if a.shape != b.shape or not (a == b).all():
        diff = np.argwhere(a != b) if a.shape == b.shape else "shape"
        print(f"DIFFERENT {a.shape} {b.shape} {diff[:3] if len(diff) else ''}")
        return
    print(f"same: {a.size} values, {len(np.unique(a))} distinct")


if __name__ == "__main__":
    main()
