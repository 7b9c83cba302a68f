"""Writes a random int8 input: make_input.py OUT.npy SEED N C H W"""
import sys

import numpy as np

rng = np.random.default_rng(int(sys.argv[2]))
shape = tuple(int(x) for x in sys.argv[3:7])
np.save(sys.argv[1], rng.integers(-128, 128, size=shape).astype(np.int8))
