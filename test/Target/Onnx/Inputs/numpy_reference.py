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


def conv_transpose(x, w, b, pads, strides, output_padding=(0, 0),
                   dilations=(1, 1), group=1):
    """ONNX ConvTranspose of a [1, C, H, W] input by scattering every input
    element into the output; pads [top, left, bottom, right]."""
    c, h, wd = x.shape[1:]
    _, mg, kh, kw = w.shape
    t, l, bo, r = pads
    oh = (h - 1) * strides[0] + (kh - 1) * dilations[0] + 1 - t - bo + \
        output_padding[0]
    ow = (wd - 1) * strides[1] + (kw - 1) * dilations[1] + 1 - l - r + \
        output_padding[1]
    y = np.zeros((mg * group, oh, ow))
    cg = c // group
    for ci in range(c):
        g = ci // cg
        for i in range(h):
            for j in range(wd):
                for a in range(kh):
                    for bb in range(kw):
                        oi = i * strides[0] + a * dilations[0] - t
                        oj = j * strides[1] + bb * dilations[1] - l
                        if 0 <= oi < oh and 0 <= oj < ow:
                            y[g * mg:(g + 1) * mg, oi, oj] += \
                                x[0, ci, i, j] * w[ci, :, a, bb]
    if b is not None:
        y += b[:, None, None]
    return y[None]


def depth_to_space(x, block, mode="DCR"):
    """ONNX DepthToSpace of a [1, C, H, W] input."""
    _, c, h, w = x.shape
    if mode == "DCR":
        y = x.reshape(1, block, block, c // block**2, h, w)
        y = y.transpose(0, 3, 4, 1, 5, 2)
    else:
        y = x.reshape(1, c // block**2, block, block, h, w)
        y = y.transpose(0, 1, 4, 2, 5, 3)
    return y.reshape(1, c // block**2, h * block, w * block)
