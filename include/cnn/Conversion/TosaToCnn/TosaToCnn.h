//===- TosaToCnn.h - Import of TOSA networks into cnn -----------*- C++ -*-===//
//
// Converts the TOSA ops of CNN inference (NHWC, as exporters emit them) into
// cnn layers (NCHW). The import runs in three steps that other tools can call
// one by one: layout normalization (every 4-D value becomes NHWC), the
// dialect conversion, and the final cleanup that reports what is left.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_CONVERSION_TOSATOCNN_TOSATOCNN_H
#define CNN_CONVERSION_TOSATOCNN_TOSATOCNN_H

#include "cnn/Dialect/Cnn/IR/CnnOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Transforms/DialectConversion.h"

#include "llvm/ADT/DenseMap.h"

#include <string>

namespace mlir::cnn {

#define GEN_PASS_DECL_TOSATOCNN
#include "cnn/Conversion/Passes.h.inc"

/// The cnn type of a TOSA feature map, or a null type: a static batch-1 NHWC
/// `tensor<1xHxWxCxT>` becomes `tensor<1xCxHxWxT>`, and the flattened forms
/// `tensor<1xKxT>` and `tensor<1x1xKxT>` become `tensor<1xKx1x1xT>`.
RankedTensorType getCnnFeatureMapType(Type tosaType);

/// Converts the types of a TOSA network with getCnnFeatureMapType and keeps
/// every other type. Values left with their TOSA type (by an op that is not
/// converted) are connected by `builtin.unrealized_conversion_cast`.
class TosaToCnnTypeConverter : public TypeConverter {
public:
  TosaToCnnTypeConverter();
};

/// Why the conversion patterns left a TOSA op unconverted, recorded by the
/// patterns and reported for the ops that remain after the conversion.
class TosaToCnnFailureLog {
public:
  void record(Operation *op, const Twine &reason) {
    reasons[op] = reason.str();
  }
  /// The last reason recorded for `op`, or an empty string.
  StringRef lookup(Operation *op) const {
    auto it = reasons.find(op);
    return it == reasons.end() ? StringRef() : StringRef(it->second);
  }

private:
  llvm::DenseMap<Operation *, std::string> reasons;
};

/// Adds the patterns that make every 4-D value NHWC before the conversion:
/// consecutive `tosa.transpose`s are composed (inverse pairs cancel),
/// transposes are moved after `tosa.clamp`, `tosa.add` and `tosa.concat` so
/// that the pairs around a layer meet, transposes that only move unit
/// dimensions become `tosa.reshape`s, and consecutive reshapes merge.
void populateTosaLayoutNormalizationPatterns(RewritePatternSet &patterns);

/// Gives the function the cnn types of its arguments: an NHWC argument (or a
/// flattened `tensor<1xK>`) becomes NCHW (`tensor<1xKx1x1>`), read through a
/// `tosa.transpose` (`tosa.reshape`) that restores the TOSA type for the
/// body. An argument that only NCHW->NHWC transposes read is NCHW already.
/// Run before populateTosaLayoutNormalizationPatterns, whose patterns never
/// move a transpose of an argument.
void makeArgumentsNchw(func::FuncOp func);

/// Likewise for the results: an NHWC result is returned through a
/// `tosa.transpose` to NCHW (a flattened one through a `tosa.reshape`),
/// unless an NHWC->NCHW transpose produces it already. Run after the layout
/// normalization, which may move transposes down to the return.
void makeResultsNchw(func::FuncOp func);

/// The layout steps before the conversion: makeArgumentsNchw, the layout
/// normalization patterns, makeResultsNchw. Fails when the patterns do not
/// converge.
LogicalResult normalizeTosaLayout(func::FuncOp func);

/// Adds the patterns that convert TOSA ops to cnn layers and `cnn.weight`s.
/// The transposes and reshapes that makeArgumentsNchw and makeResultsNchw put
/// at the boundary disappear. Ops the patterns cannot convert stay, with the
/// reason in `log` when given.
void populateTosaToCnnConversionPatterns(const TypeConverter &typeConverter,
                                         RewritePatternSet &patterns,
                                         TosaToCnnFailureLog *log = nullptr);

/// Makes cnn, functions, calls and returns legal (makeArgumentsNchw and
/// makeResultsNchw gave the functions their cnn signature), and
/// `tosa.const`/`tosa.const_shape` legal: the patterns read them and
/// finalizeTosaToCnn erases the ones left unused. Other TOSA ops are neither
/// legal nor illegal, so that a partial conversion leaves the ones it cannot
/// convert for finalizeTosaToCnn to report.
void configureTosaToCnnConversionTarget(ConversionTarget &target);

/// After the conversion: erases the TOSA ops whose results are unused
/// (constants, and the layout ops the layers looked through) and emits an
/// error naming each TOSA op that is left, with the reason from `log`. With
/// `keepUnsupported`, the ops that are left stay with a warning instead: they
/// keep reading and producing NHWC values, connected to the cnn layers by
/// `tosa.transpose`s (`tosa.reshape`s for flattened values).
LogicalResult finalizeTosaToCnn(Operation *root, const TosaToCnnFailureLog &log,
                                bool keepUnsupported = false);

/// The whole import, as --tosa-to-cnn runs it: normalizeTosaLayout on
/// every function, the partial conversion, finalizeTosaToCnn. Fails (with
/// errors emitted) when an op is left, unless `keepUnsupported`, or when the
/// module calls a function (calls are not updated to the new signatures).
LogicalResult convertTosaToCnn(ModuleOp module, bool keepUnsupported = false);

} // namespace mlir::cnn

#endif // CNN_CONVERSION_TOSATOCNN_TOSATOCNN_H
