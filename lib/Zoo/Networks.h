//===- Networks.h - The zoo's network descriptions --------------*- C++ -*-===//
//
// One function per network: it describes the layers through a NetBuilder
// that already holds the input image and returns the network's output.
// Zoo.cpp registers them; each lives in its own file.
//
//===----------------------------------------------------------------------===//

#ifndef CNN_LIB_ZOO_NETWORKS_H
#define CNN_LIB_ZOO_NETWORKS_H

#include "cnn/Zoo/NetBuilder.h"

namespace mlir::cnn::zoo {

Value buildAlexNet(NetBuilder &nb, Value image);
Value buildVgg16(NetBuilder &nb, Value image);
Value buildResNet50(NetBuilder &nb, Value image);
Value buildGoogLeNet(NetBuilder &nb, Value image);
Value buildMobileNetV1(NetBuilder &nb, Value image);
Value buildMobileNetV2(NetBuilder &nb, Value image);
Value buildDenseNet121(NetBuilder &nb, Value image);
Value buildTinyYoloV2(NetBuilder &nb, Value image);
Value buildUNet(NetBuilder &nb, Value image);

} // namespace mlir::cnn::zoo

#endif // CNN_LIB_ZOO_NETWORKS_H
