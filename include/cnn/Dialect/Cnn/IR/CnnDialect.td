//===- CnnDialect.td - The cnn dialect definition ---------*- tablegen -*-===//
//
// The graph-level dialect of cnn-opt: one op per CNN layer kind, on tensors.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_CNN_IR_CNNDIALECT_TD
#define CNN_DIALECT_CNN_IR_CNNDIALECT_TD

include "mlir/IR/OpBase.td"

def Cnn_Dialect : Dialect {
  let name = "cnn";
  let cppNamespace = "::mlir::cnn";
  let summary = "Graph-level CNN layers for SRAM-aware scheduling";
  let description = [{
    The `cnn` dialect describes a convolutional neural network at the level
    of its layers, so that passes can reason about the size of every weight
    tensor and feature map and about how layers depend on each other's rows.

    Conventions:

    * Feature maps are 4-D ranked tensors in NCHW layout with batch 1 and
      static shape (`tensor<1xCxHxWxT>`).
    * Element types are `i8`, `i16`, `f16` and `f32`; an op's feature maps and
      weights share one element type. Integer layers may carry an `i32` bias.
    * Weights are `cnn.weight` constants: with real values, or shape-only
      when a model is analysed whose values are unknown. Convolution weights
      are OIHW.
    * Batch-norm is folded into convolutions and activations (`none`,
      `relu`, `relu6`) are fused into the producing layer.
    * Result types are written out and verified against the shape the layer
      computes, never inferred.
    * Every layer may carry a `name` that reports and diagnostics use; the
      printer also uses it as the SSA name of the layer's result.

    Sizes are bounded so that the arithmetic of the cost model fits in 64-bit
    integers: a feature map, weight or bias has at most 2^40 elements, every
    stride, padding, dilation, pooling window and resize scale is at most
    2^20, and a layer performs at most 2^50 multiply-accumulates. Real
    networks are many orders of magnitude below these bounds.

    The reasons behind these choices are in `docs/Dialects/Cnn/RationaleCnn.md`.
  }];
  let useDefaultAttributePrinterParser = 1;
}

class Cnn_Op<string mnemonic, list<Trait> traits = []>
    : Op<Cnn_Dialect, mnemonic, traits>;

#endif // CNN_DIALECT_CNN_IR_CNNDIALECT_TD
