//===- CnnInterfaces.td - Interfaces of the cnn layers -----*- tablegen -*-===//
//
// What every layer answers, so that analyses, reports, planning and the
// lowerings ask the layer instead of switching on its class.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_CNN_IR_CNNINTERFACES_TD
#define CNN_DIALECT_CNN_IR_CNNINTERFACES_TD

include "mlir/IR/OpBase.td"

def Cnn_LayerOpInterface : OpInterface<"CnnLayerOpInterface"> {
  let cppNamespace = "::mlir::cnn";
  let description = [{
    A layer of a CNN: an op that computes one feature map from feature maps
    and, optionally, weights and a bias. Every `cnn` layer implements it;
    `cnn.weight`, `cnn.fusion_group` and `cnn.yield` do not.

    The interface answers what planning and lowering need to know without
    naming the op's class:

    * its operands by role: the feature maps it reads, its weight and bias;
    * the activation fused into its output;
    * its description for the cost model (`describe`, which fills a
      `LayerInfo`: kind, shapes, window, the input rows a range of output
      rows reads, MACs, how it runs alone, and whether it can stream by rows
      inside a fusion group or needs whole maps).

    Element-wise layers also implement `CnnElementwiseLayerOpInterface`,
    which says how one output element is computed.
  }];
  let methods = [
    InterfaceMethod<[{
        The feature maps the layer reads, in operand order (weights and
        biases excluded).
      }],
      "::llvm::SmallVector<::mlir::Value>", "getFeatureMaps", (ins), [{}],
      [{ return ::llvm::SmallVector<::mlir::Value>($_op->getOperands()); }]>,
    InterfaceMethod<"The weight tensor, or null when the layer has none.",
      "::mlir::Value", "getLayerWeight", (ins), [{}],
      [{ return ::mlir::Value(); }]>,
    InterfaceMethod<"The bias, or null when the layer has none.",
      "::mlir::Value", "getLayerBias", (ins), [{}],
      [{ return ::mlir::Value(); }]>,
    InterfaceMethod<"The activation applied to the output.",
      "::mlir::cnn::Activation", "getFusedActivation", (ins), [{}],
      [{ return ::mlir::cnn::Activation::none; }]>,
    InterfaceMethod<[{
        Completes `info`, whose name, feature-map shapes and weight sizes
        are set, with the layer's kind, window and cost-model class (one of
        the `describe*` functions of `cnn/Analysis/LayerInfo.h`).
      }],
      "void", "describe", (ins "::mlir::cnn::LayerInfo &":$info)>,
  ];
}

def Cnn_ElementwiseLayerOpInterface
    : OpInterface<"CnnElementwiseLayerOpInterface", [Cnn_LayerOpInterface]> {
  let cppNamespace = "::mlir::cnn";
  let description = [{
    An element-wise layer: output element `(c, h, w)` is a function of the
    same element of each feature map it reads (an operand of one row and
    one column is broadcast: its element `(c, 0, 0)`). The reference
    lowering and `--lower-to-dma` both call `buildElement`, so the
    arithmetic is written once.
  }];
  let methods = [
    InterfaceMethod<[{
        Emits the computation of one output element of type `elementType`
        from `operands`, one element of each feature map in operand order
        (docs/Semantics.md).
      }],
      "::mlir::Value", "buildElement",
      (ins "::mlir::OpBuilder &":$builder, "::mlir::Location":$loc,
           "::mlir::ValueRange":$operands, "::mlir::Type":$elementType)>,
  ];
}

def Cnn_CopyLayerOpInterface
    : OpInterface<"CnnCopyLayerOpInterface", [Cnn_LayerOpInterface]> {
  let cppNamespace = "::mlir::cnn";
  let description = [{
    A layer whose output elements are copies of input elements: with block
    `b`, output element `(c', h*b + i, w*b + j)` is input element
    `(c, h, w)` for the channel pairs and block positions `(i, j)` of its
    channel copies (`ChannelCopy`). Channel selections (b = 1) and depth
    to space are such layers; the lowerings copy strided views for them.
  }];
  let methods = [
    InterfaceMethod<"The block: output rows and columns per input one.",
      "int64_t", "getCopyBlock", (ins)>,
    InterfaceMethod<[{
        The copies that together write every output element once.
      }],
      "::llvm::SmallVector<::mlir::cnn::ChannelCopy>", "getChannelCopies",
      (ins)>,
  ];
}

def Cnn_WindowLayerOpInterface
    : OpInterface<"CnnWindowLayerOpInterface", [Cnn_LayerOpInterface]> {
  let cppNamespace = "::mlir::cnn";
  let description = [{
    A layer that reduces a window of its input into each output element:
    convolutions and fully connected layers (multiply-accumulate with the
    weights), max and average pools, global pooling (a window of the whole
    map). The lowerings emit the reduction the layer names over the window
    its LayerInfo describes.
  }];
  let methods = [
    InterfaceMethod<"How a window is reduced into an output element.",
      "::mlir::cnn::WindowReduction", "getWindowReduction", (ins)>,
  ];
}

#endif // CNN_DIALECT_CNN_IR_CNNINTERFACES_TD
