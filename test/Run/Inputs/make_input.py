"""Writes a random input: make_input.py OUT.npy SEED N C H W [f32]

int8 values in [-128, 127], or with f32 float32 values in [-1, 1).
"""
import sys

import numpy as np

rng = np.random.default_rng(int(sys.argv[2]))
shape = tuple(int(x) for x in sys.argv[3:7])
if sys.argv[7:] == ["f32"]:
    np.save(sys.argv[1], rng.uniform(-1, 1, size=shape).astype(np.float32))
else:
    np.save(sys.argv[1], rng.integers(-128, 128, size=shape).astype(np.int8))
