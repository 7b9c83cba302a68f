"""NumPy evaluations of ONNX operators, the oracle of the numerics tests."""

import numpy as np


def conv(x, w, b, pads, strides, dilations=(1, 1), group=1):
    """ONNX Conv of a [1, C, H, W] input; pads [top, left, bottom, right]."""
    t, l, bo, r = pads
    xp = np.pad(x[0], ((0, 0), (t, bo), (l, r)))
    m, cg, kh, kw = w.shape
    wh, ww = (kh - 1) * dilations[0] + 1, (kw - 1) * dilations[1] + 1
    oh = (xp.shape[1] - wh) // strides[0] + 1
    ow = (xp.shape[2] - ww) // strides[1] + 1
    y = np.zeros((m, oh, ow))
    for o in range(m):
        g = o // (m // group)
        for i in range(oh):
            for j in range(ow):
                i0, j0 = i * strides[0], j * strides[1]
                patch = xp[g * cg:(g + 1) * cg, i0:i0 + wh:dilations[0],
                           j0:j0 + ww:dilations[1]]
                y[o, i, j] = (patch * w[o]).sum() + (0 if b is None else b[o])
    return y[None]
