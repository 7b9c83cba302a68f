//===- Passes.td - Conversion passes of cnn-opt ------------*- tablegen -*-===//

#ifndef CNN_CONVERSION_PASSES_TD
#define CNN_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def CnnToLinalg : Pass<"cnn-to-linalg", "::mlir::ModuleOp"> {
  let summary = "Lower the cnn dialect to linalg on tensors (untiled reference)";
  let description = [{
    The reference lowering: every layer becomes one computation over the
    whole feature map, with exactly the arithmetic of `docs/Semantics.md`,
    so that the result of a tiled program can be compared with it.

    * `cnn.conv2d`: `tensor.pad` with zeros, then
      `linalg.conv_2d_nchw_fchw` (`groups = 1`),
      `linalg.depthwise_conv_2d_nchw_chw` (one output channel per input
      channel; the `Cx1xRxS` weight collapsed to `CxRxS`) or
      `linalg.conv_2d_ngchw_gfchw` (other groups; input, weight and output
      reshaped to expose the group);
    * `cnn.fully_connected`: the flattened input times the weight,
      `linalg.matvec`;
    * `cnn.max_pool`: `tensor.pad` with the smallest value of the type
      (`-inf` for floats), `linalg.pooling_nchw_max`;
    * `cnn.avg_pool`, `cnn.global_avg_pool`: `linalg.pooling_nchw_sum` over
      the zero-padded input, divided by the number of valid (unpadded)
      elements of each window;
    * `cnn.add`, `cnn.activation`, `cnn.resize` (`nearest`) and
      `cnn.softmax` (floats): `linalg.generic`;
    * `cnn.concat`: `tensor.insert_slice` into a `tensor.empty`;
      `cnn.pad`: `tensor.pad`;
    * `cnn.weight` with values: `arith.constant`; `cnn.fusion_group`: its
      body is inlined.

    Integer layers accumulate in i32 (operands sign-extended), add the bias,
    shift right arithmetically by `ceil(log2(K)) + 4` (`K` products per
    output; capped at 31, a defined shift of an i32), saturate to the element type and apply the activation; this
    epilogue is one `linalg.generic`. Discardable `cnn.*` attributes
    (`cnn.target` on the module, plan annotations) are dropped, so the
    result reads with upstream tools only.

    The lowering needs the weights' values: a layer reading a shape-only
    weight is an error (generate the model with `cnn-zoo --random-weights`),
    as are a bilinear resize and an integer softmax.

    The result bufferizes and runs with upstream passes only;
    `scripts/run-mlir.sh` runs a module that has a `main`:

    ```
    cnn-opt --cnn-to-linalg m.mlir | scripts/run-mlir.sh -
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::tensor::TensorDialect"
  ];
}

#endif // CNN_CONVERSION_PASSES_TD
