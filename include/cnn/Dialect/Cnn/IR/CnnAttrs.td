//===- CnnAttrs.td - Attributes and enums of the cnn dialect -*- tablegen -*-===//

#ifndef CNN_DIALECT_CNN_IR_CNNATTRS_TD
#define CNN_DIALECT_CNN_IR_CNNATTRS_TD

include "cnn/Dialect/Cnn/IR/CnnDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def Cnn_Activation : I32EnumAttr<"Activation",
    "activation fused into a layer's output", [
      I32EnumAttrCase<"none", 0>,
      I32EnumAttrCase<"relu", 1>,
      I32EnumAttrCase<"relu6", 2>
    ]> {
  let cppNamespace = "::mlir::cnn";
  let genSpecializedAttr = 0;
}

def Cnn_ActivationAttr : EnumAttr<Cnn_Dialect, Cnn_Activation, "activation"> {
  let assemblyFormat = "`<` $value `>`";
}

def Cnn_ResizeMode : I32EnumAttr<"ResizeMode",
    "interpolation of a resize", [
      I32EnumAttrCase<"nearest", 0>,
      I32EnumAttrCase<"bilinear", 1>
    ]> {
  let cppNamespace = "::mlir::cnn";
  let genSpecializedAttr = 0;
}

def Cnn_ResizeModeAttr : EnumAttr<Cnn_Dialect, Cnn_ResizeMode, "resize_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

#endif // CNN_DIALECT_CNN_IR_CNNATTRS_TD
