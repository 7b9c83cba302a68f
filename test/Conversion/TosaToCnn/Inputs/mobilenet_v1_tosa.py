#!/usr/bin/env python3
"""Writes MobileNet v1 1.0 at 224x224 as TOSA MLIR, the way exporters do.

The architecture is the zoo's (lib/Zoo/MobileNet.cpp): a 3x3 stride-2
convolution to 32 channels, 13 depthwise-separable blocks (3x3 depthwise +
1x1 pointwise, every convolution with a bias and ReLU6), a 7x7 average pool,
a 1000-way fully connected layer with bias and, in float, the softmax.

  --element-type i8   TFLite-style int8: zero points as operands, i32
                      accumulators and biases, a tosa.rescale after every
                      layer with weights, ReLU6 as a tosa.clamp of the
                      quantized range. Activations have zero point -128 and
                      scale 6/240, so the clamp is [-128, 112]. It stops
                      at the logits: TFLite's int8 softmax is a table
                      lookup, which the import does not support.
  --element-type f32  float, ReLU6 as tosa.clamp [0, 6], and the softmax
                      as TensorFlow writes it (exp(x - max) / sum).
  --layout nchw       the input is NCHW and goes through a tosa.transpose to
                      NHWC, as exporters of NCHW frameworks write it.

Weights and biases are elided dense_resource constants (shape only), so
the file stays small; the fully connected layer is a tosa.reshape to
1x1x1024, a tosa.matmul by a 1x1024x1000 constant and a tosa.add of the
bias. Every layer's ops carry a NameLoc with the zoo's layer name.
"""

import argparse
import sys

BLOCKS = [(1, 64), (2, 128), (1, 128), (2, 256), (1, 256), (2, 512),
          (1, 512), (1, 512), (1, 512), (1, 512), (1, 512), (2, 1024),
          (1, 1024)]

ZERO_POINT = -128
RELU6_MAX = ZERO_POINT + 240


class Writer:
    def __init__(self, elem):
        self.elem = elem
        self.quantized = elem == "i8"
        self.acc = "i32" if self.quantized else elem
        self.lines = []
        self.counter = 0

    def fresh(self):
        self.counter += 1
        return "%%v%d" % self.counter

    def emit(self, text):
        self.lines.append("    " + text)

    def tensor(self, shape, elem=None):
        return "tensor<%sx%s>" % ("x".join(str(d) for d in shape),
                                  elem or self.elem)

    def const(self, shape, elem, value=None):
        """A tosa.const: `value` as a splat, or an elided resource."""
        name = self.fresh()
        t = self.tensor(shape, elem)
        data = ("dense_resource<__elided__>" if value is None
                else "dense<%s>" % value)
        self.emit('%s = "tosa.const"() <{values = %s : %s}> : () -> %s'
                  % (name, data, t, t))
        return name

    def const_shape(self, values):
        name = self.fresh()
        self.emit("%s = tosa.const_shape {values = dense<[%s]> : tensor<%dxindex>}"
                  " : () -> !tosa.shape<%d>"
                  % (name, ", ".join(str(v) for v in values), len(values),
                     len(values)))
        return name

    def zero_point(self, elem):
        if elem.startswith("f"):
            return self.const([1], elem, "0.0")
        return self.const([1], elem, ZERO_POINT if elem == "i8" else 0)

    def requantize(self, acc, shape, loc):
        """The tosa.rescale of an i32 accumulator back to i8."""
        if not self.quantized:
            return acc
        channels = shape[-1]
        multiplier = self.const([channels], "i32", 1518500250)
        shift = self.const([channels], "i8", 38)
        in_zp = self.const([1], "i32", 0)
        out_zp = self.const([1], "i8", ZERO_POINT)
        name = self.fresh()
        self.emit("%s = tosa.rescale %s, %s, %s, %s, %s {input_unsigned = false,"
                  " output_unsigned = false, per_channel = true, rounding_mode ="
                  " DOUBLE_ROUND, scale32 = true} : (%s, %s, %s, %s, %s) -> %s %s"
                  % (name, acc, multiplier, shift, in_zp, out_zp,
                     self.tensor(shape, "i32"), self.tensor([channels], "i32"),
                     self.tensor([channels], "i8"), self.tensor([1], "i32"),
                     self.tensor([1], "i8"), self.tensor(shape), loc))
        return name

    def relu6(self, x, shape, loc):
        name = self.fresh()
        if self.quantized:
            bounds = "max_val = %d : i8, min_val = %d : i8" % (RELU6_MAX,
                                                               ZERO_POINT)
        else:
            bounds = "max_val = 6.0 : %s, min_val = 0.0 : %s" % (self.elem,
                                                                 self.elem)
        self.emit("%s = tosa.clamp %s {%s} : (%s) -> %s %s"
                  % (name, x, bounds, self.tensor(shape), self.tensor(shape),
                     loc))
        return name

    def conv(self, x, shape, layer, out_channels, kernel, stride, depthwise):
        """A convolution with bias and ReLU6; returns the result and shape."""
        n, h, w, c = shape
        # TensorFlow's SAME padding: the extra row and column go at the
        # bottom and the right ([top, bottom, left, right]).
        total = max((-(-h // stride) - 1) * stride + kernel - h, 0)
        pad = [total // 2, total - total // 2] * 2
        out = [n, -(-h // stride), -(-w // stride),
               c if depthwise else out_channels]
        loc = 'loc("%s")' % layer
        if depthwise:
            wshape = [kernel, kernel, c, 1]
            op = "tosa.depthwise_conv2d"
        else:
            wshape = [out_channels, kernel, kernel, c]
            op = "tosa.conv2d"
        weight = self.const(wshape, self.elem)
        bias = self.const([out[3]], self.acc)
        in_zp = self.zero_point(self.elem)
        w_zp = (self.const([1], "i8", 0) if self.quantized
                else self.zero_point(self.elem))
        acc = self.fresh()
        self.emit("%s = %s %s, %s, %s, %s, %s {acc_type = %s, dilation ="
                  " array<i64: 1, 1>, pad = array<i64: %s>, stride ="
                  " array<i64: %d, %d>} : (%s, %s, %s, %s, %s) -> %s %s"
                  % (acc, op, x, weight, bias, in_zp, w_zp, self.acc,
                     ", ".join(str(p) for p in pad), stride, stride,
                     self.tensor(shape), self.tensor(wshape),
                     self.tensor([out[3]], self.acc),
                     self.tensor([1]), self.tensor([1]),
                     self.tensor(out, self.acc), loc))
        y = self.requantize(acc, out, loc)
        return self.relu6(y, out, loc), out

    def network(self, layout):
        nhwc = [1, 224, 224, 3]
        if layout == "nchw":
            arg_type = self.tensor([1, 3, 224, 224])
            x = self.fresh()
            self.emit("%s = tosa.transpose %%input {perms = array<i32: 0, 2, 3,"
                      " 1>} : (%s) -> %s" % (x, arg_type, self.tensor(nhwc)))
        else:
            arg_type = self.tensor(nhwc)
            x = "%input"
        x, shape = self.conv(x, nhwc, "Conv2d_0", 32, 3, 2, False)
        for i, (stride, channels) in enumerate(BLOCKS, start=1):
            x, shape = self.conv(x, shape, "Conv2d_%d_depthwise" % i, None, 3,
                                 stride, True)
            x, shape = self.conv(x, shape, "Conv2d_%d_pointwise" % i,
                                 channels, 1, 1, False)

        # AvgPool_1a: TF-Slim's 7x7 average pool, the whole map.
        loc = 'loc("AvgPool_1a")'
        pooled = [1, 1, 1, shape[3]]
        in_zp, out_zp = self.zero_point(self.elem), self.zero_point(self.elem)
        avg = self.fresh()
        self.emit("%s = tosa.avg_pool2d %s, %s, %s {acc_type = %s, kernel ="
                  " array<i64: %d, %d>, pad = array<i64: 0, 0, 0, 0>, stride ="
                  " array<i64: 1, 1>} : (%s, %s, %s) -> %s %s"
                  % (avg, x, in_zp, out_zp, self.acc, shape[1], shape[2],
                     self.tensor(shape), self.tensor([1]), self.tensor([1]),
                     self.tensor(pooled), loc))

        # Logits: reshape, matmul by the weight, add the bias.
        loc = 'loc("Logits")'
        k, m = shape[3], 1000
        row = self.fresh()
        self.emit("%s = tosa.reshape %s, %s : (%s, !tosa.shape<3>) -> %s %s"
                  % (row, avg, self.const_shape([1, 1, k]),
                     self.tensor(pooled), self.tensor([1, 1, k]), loc))
        weight = self.const([1, k, m], self.elem)
        a_zp = self.zero_point(self.elem)
        b_zp = (self.const([1], "i8", 0) if self.quantized
                else self.zero_point(self.elem))
        product = self.fresh()
        self.emit("%s = tosa.matmul %s, %s, %s, %s : (%s, %s, %s, %s) -> %s %s"
                  % (product, row, weight, a_zp, b_zp, self.tensor([1, 1, k]),
                     self.tensor([1, k, m]), self.tensor([1]),
                     self.tensor([1]), self.tensor([1, 1, m], self.acc), loc))
        bias = self.const([1, 1, m], self.acc)
        biased = self.fresh()
        self.emit("%s = tosa.add %s, %s : (%s, %s) -> %s %s"
                  % (biased, product, bias, self.tensor([1, 1, m], self.acc),
                     self.tensor([1, 1, m], self.acc),
                     self.tensor([1, 1, m], self.acc), loc))
        logits = self.requantize(biased, [1, 1, m], loc)
        result = self.fresh()
        self.emit("%s = tosa.reshape %s, %s : (%s, !tosa.shape<2>) -> %s %s"
                  % (result, logits, self.const_shape([1, m]),
                     self.tensor([1, 1, m]), self.tensor([1, m]), loc))
        if not self.quantized:
            result = self.softmax(result, m)
        self.emit("return %s : %s" % (result, self.tensor([1, m])))
        return arg_type, self.tensor([1, m])

    def softmax(self, x, m):
        """Predictions: exp(x - max) / sum, over the 1000 classes."""
        loc = 'loc("Predictions")'
        row, one = self.tensor([1, m]), self.tensor([1, 1])
        ops = [("tosa.reduce_max %s {axis = 1 : i32} : (%s) -> %s", (x,),
                (row,), one),
               ("tosa.sub %s, %s : (%s, %s) -> %s", (x, 0), (row, one), row),
               ("tosa.exp %s : (%s) -> %s", (1,), (row,), row),
               ("tosa.reduce_sum %s {axis = 1 : i32} : (%s) -> %s", (2,),
                (row,), one),
               ("tosa.reciprocal %s : (%s) -> %s", (3,), (one,), one)]
        names = []
        for text, operands, types, result in ops:
            name = self.fresh()
            args = [o if isinstance(o, str) else names[o] for o in operands]
            self.emit("%s = %s %s" % (name, text % tuple(args + list(types)
                                                           + [result]), loc))
            names.append(name)
        shift = self.const([1], "i8", 0)
        name = self.fresh()
        self.emit("%s = tosa.mul %s, %s, %s : (%s, %s, %s) -> %s %s"
                  % (name, names[2], names[4], shift, row, one,
                     self.tensor([1], "i8"), row, loc))
        return name


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--element-type", choices=["i8", "f32"], default="i8")
    parser.add_argument("--layout", choices=["nhwc", "nchw"], default="nhwc")
    args = parser.parse_args()
    writer = Writer(args.element_type)
    arg_type, result_type = writer.network(args.layout)
    out = sys.stdout
    out.write("// MobileNet v1 1.0, 224x224, %s, %s input: written by "
              "mobilenet_v1_tosa.py\n" % (args.element_type,
                                         args.layout.upper()))
    out.write("module {\n")
    out.write("  func.func @mobilenet_v1(%%input: %s) -> %s {\n"
              % (arg_type, result_type))
    out.write("\n".join(writer.lines) + "\n")
    out.write("  }\n}\n")


if __name__ == "__main__":
    main()
