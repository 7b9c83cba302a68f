//===- CnnOps.td - Operations of the cnn dialect -----------*- tablegen -*-===//
//
// One op per CNN layer kind, plus the weight constant. Shapes are checked by
// C++ verifiers in CnnOps.cpp so that every error names what was expected.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_DIALECT_CNN_IR_CNNOPS_TD
#define CNN_DIALECT_CNN_IR_CNNOPS_TD

include "cnn/Dialect/Cnn/IR/CnnDialect.td"
include "cnn/Dialect/Cnn/IR/CnnAttrs.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/IR/OpBase.td"

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def Cnn_ElementType : AnyTypeOf<[I8, I16, F16, F32]>;

// Rank, batch and static shape are checked by the verifiers, which can say
// precisely what is wrong.
def Cnn_FeatureMap : RankedTensorOf<[Cnn_ElementType]>;
def Cnn_WeightTensor : RankedTensorOf<[Cnn_ElementType]>;
def Cnn_BiasTensor : RankedTensorOf<[I8, I16, I32, F16, F32]>;

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

/// A layer: an op that computes a feature map. It carries an optional name
/// that reports and diagnostics use and that the printer uses as SSA name.
class Cnn_LayerOp<string mnemonic, list<Trait> traits = []>
    : Cnn_Op<mnemonic, !listconcat(traits, [Pure,
        DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>])> {
  let hasVerifier = 1;
  let extraClassDefinition = [{
    void $cppClass::getAsmResultNames(
        ::llvm::function_ref<void(::mlir::Value, ::llvm::StringRef)> setName) {
      if (auto name = getOperation()->getAttrOfType<::mlir::StringAttr>("name"))
        setName(getResult(), name.getValue());
    }
  }];
}

defvar Cnn_LayerName = (ins OptionalAttr<StrAttr>:$name);

//===----------------------------------------------------------------------===//
// Weights
//===----------------------------------------------------------------------===//

def Cnn_WeightOp : Cnn_Op<"weight", [ConstantLike, Pure]> {
  let summary = "A weight tensor, with real values or shape only";
  let description = [{
    A constant weight (or bias) tensor of a layer. With `value` it holds real
    values (any elements attribute, e.g. `dense` or `dense_resource`, whose
    type equals the result type). Without `value` it is shape-only: the
    values are unknown and only the shape and element type are analysed,
    which is how models are studied before their weights exist.

    ```mlir
    %w = cnn.weight : tensor<64x3x3x3xi8>
    %b = cnn.weight {value = dense<0> : tensor<64xi32>} : tensor<64xi32>
    ```
  }];
  let arguments = (ins OptionalAttr<ElementsAttr>:$value);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// True when the weight holds only a shape, no values.
    bool isShapeOnly() { return !getValue(); }
  }];
}

//===----------------------------------------------------------------------===//
// Convolution and fully connected
//===----------------------------------------------------------------------===//

def Cnn_Conv2DOp : Cnn_LayerOp<"conv2d"> {
  let summary = "2-D convolution (grouped and depthwise), optional bias";
  let description = [{
    `output[m][e][f] = act(bias[m] + sum_{c,r,s} input[g*C/G + c][e*sh - pt +
    r*dh][f*sw - pl + s*dw] * weight[m][c][r][s])`, where `g` is the group of
    output channel `m`. Input `1xCxHxW`, weight `MxC/GxRxS` (OIHW), optional
    bias `M` (the element type of the input, or `i32` for integer layers),
    output `1xMxExF` with `E = (H + pt + pb - ((R-1)*dh + 1)) / sh + 1`
    (floor; likewise F). `padding` is `[top, bottom, left, right]`, zeros.
    A depthwise convolution is one whose `groups` equals its input channels.

    ```mlir
    %y = cnn.conv2d %x, %w, %b {strides = array<i64: 2, 2>,
           padding = array<i64: 1, 1, 1, 1>, activation = #cnn.activation<relu6>}
       : (tensor<1x32x112x112xi8>, tensor<64x32x3x3xi8>, tensor<64xi32>)
      -> tensor<1x64x56x56xi8>
    ```
  }];
  let arguments = !con((ins
      Cnn_FeatureMap:$input, Cnn_WeightTensor:$weight,
      Optional<Cnn_BiasTensor>:$bias,
      DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
      DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding,
      DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$dilation,
      DefaultValuedAttr<I64Attr, "1">:$groups,
      DefaultValuedAttr<Cnn_ActivationAttr, "::mlir::cnn::Activation::none">:$activation),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    /// True when every input channel is its own group.
    bool isDepthwise();
  }];
}

def Cnn_FullyConnectedOp : Cnn_LayerOp<"fully_connected"> {
  let summary = "Fully connected layer on a flattened feature map";
  let description = [{
    `output[m] = act(bias[m] + sum_k flatten(input)[k] * weight[m][k])`.
    Input `1xCxHxW` is flattened in C, H, W order (K = C*H*W), weight is
    `MxK`, optional bias `M`, output `1xMx1x1`.
  }];
  let arguments = !con((ins
      Cnn_FeatureMap:$input, Cnn_WeightTensor:$weight,
      Optional<Cnn_BiasTensor>:$bias,
      DefaultValuedAttr<Cnn_ActivationAttr, "::mlir::cnn::Activation::none">:$activation),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

class Cnn_PoolOp<string mnemonic, string what> : Cnn_LayerOp<mnemonic> {
  let summary = what # " pooling over a window";
  let description = what # [{ pooling of each channel over a `kernel` window
    moved by `strides`, after `padding` ([top, bottom, left, right]; padded
    elements never win a max and are not counted in an average). Output
    `E = (H + pt + pb - kh) / sh + 1` (floor; likewise F). A "ceil mode"
    pool is written with one more row or column of bottom/right padding.
  }];
  let arguments = !con((ins
      Cnn_FeatureMap:$input,
      DenseI64ArrayAttr:$kernel,
      DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
      DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

def Cnn_MaxPoolOp : Cnn_PoolOp<"max_pool", "Max">;
def Cnn_AvgPoolOp : Cnn_PoolOp<"avg_pool", "Average">;

def Cnn_GlobalAvgPoolOp : Cnn_LayerOp<"global_avg_pool"> {
  let summary = "Average of each channel over the whole feature map";
  let description = [{ Input `1xCxHxW`, output `1xCx1x1`. }];
  let arguments = !con((ins Cnn_FeatureMap:$input), Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

//===----------------------------------------------------------------------===//
// Element-wise and structural layers
//===----------------------------------------------------------------------===//

def Cnn_AddOp : Cnn_LayerOp<"add", [SameOperandsAndResultType]> {
  let summary = "Element-wise sum of two feature maps, fused activation";
  let description = [{
    `output = act(lhs + rhs)`; both operands and the result have one type.
    The residual connection of ResNet and MobileNet v2.
  }];
  let arguments = !con((ins Cnn_FeatureMap:$lhs, Cnn_FeatureMap:$rhs,
      DefaultValuedAttr<Cnn_ActivationAttr, "::mlir::cnn::Activation::none">:$activation),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($output)";
}

def Cnn_ActivationOp : Cnn_LayerOp<"activation", [SameOperandsAndResultType]> {
  let summary = "A stand-alone activation";
  let description = [{
    Applies `kind` (`relu` or `relu6`) element-wise. Activations are normally
    fused into the layer that produces their input; this op exists for the
    ones that cannot be fused.
  }];
  let arguments = !con((ins Cnn_FeatureMap:$input, Cnn_ActivationAttr:$kind),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
}

def Cnn_ConcatOp : Cnn_LayerOp<"concat"> {
  let summary = "Concatenation along the channel axis";
  let description = [{
    Stacks its inputs' channels in operand order. All inputs have the same
    rows, columns and element type; the output has the sum of their channels.
  }];
  let arguments = !con((ins Variadic<Cnn_FeatureMap>:$inputs), Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $inputs attr-dict `:` functional-type($inputs, results)
  }];
}

def Cnn_PadOp : Cnn_LayerOp<"pad"> {
  let summary = "Constant spatial padding";
  let description = [{
    Adds `padding` ([top, bottom, left, right], each >= 0) rows and columns
    holding `value` around every channel.
  }];
  let arguments = !con((ins Cnn_FeatureMap:$input,
      DenseI64ArrayAttr:$padding,
      DefaultValuedAttr<F64Attr, "0.0">:$value),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

def Cnn_ResizeOp : Cnn_LayerOp<"resize"> {
  let summary = "Up-sampling by an integer scale";
  let description = [{
    Scales rows by `scale[0]` and columns by `scale[1]` (integers >= 1) with
    `nearest` (output row r reads input row floor(r / scale)) or `bilinear`
    interpolation (half-pixel centres, edges clamped).
  }];
  let arguments = !con((ins Cnn_FeatureMap:$input,
      DenseI64ArrayAttr:$scale,
      DefaultValuedAttr<Cnn_ResizeModeAttr, "::mlir::cnn::ResizeMode::nearest">:$mode),
    Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

def Cnn_SoftmaxOp : Cnn_LayerOp<"softmax", [SameOperandsAndResultType]> {
  let summary = "Softmax over the channel axis";
  let description = [{ Normalises each pixel's channels to probabilities. }];
  let arguments = !con((ins Cnn_FeatureMap:$input), Cnn_LayerName);
  let results = (outs Cnn_FeatureMap:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
}

#endif // CNN_DIALECT_CNN_IR_CNNOPS_TD
