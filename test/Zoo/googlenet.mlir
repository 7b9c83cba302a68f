// GoogLeNet (Inception v1) at 224x224 and at 1920x1080.
// RUN: cnn-zoo googlenet | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s
// RUN: cnn-zoo googlenet --resolution=1920x1080 | FileCheck %s --check-prefix=HD-IR
// RUN: cnn-zoo googlenet --resolution=1920x1080 | cnn-opt --cnn-footprint-report -o /dev/null | FileCheck %s --check-prefix=HD

// Szegedy et al., "Going deeper with convolutions", CVPR 2015, Table 1,
// without the training-only auxiliary classifiers. All convolutions of a
// row run at one size, so a row's MACs are its pixels times its weights:
//
//   row     size     weights     biases  MACs          Table 1
//   conv1   112x112      9,408      64   118,013,952     2.7K    34M
//   conv2    56x56     114,688     256   359,661,568     112K   360M
//   3a       28x28     163,328     368   128,049,152     159K   128M
//   3b       28x28     388,096     640   304,267,264     380K   304M
//   4a       14x14     375,552     624    73,608,192     364K    73M
//   4b       14x14     448,512     648    87,908,352     437K    88M
//   4c       14x14     509,440     664    99,850,240     463K   100M
//   4d       14x14     604,672     704   118,515,712     580K   119M
//   4e       14x14     867,328   1,024   169,996,288     840K   170M
//   5a        7x7    1,042,432   1,024    51,079,168    1072K    54M
//   5b        7x7    1,442,816   1,264    70,697,984    1388K    71M
//   linear   1x1     1,024,000   1,000     1,024,000    1000K     1M
//   total            6,990,272   8,280 1,582,671,872  6797.7K 1502M
//
// e.g. 3a = 192*64 + 192*96 + 96*128*9 + 192*16 + 16*32*25 + 192*32 weights
// (1x1, 3x3 reduce, 3x3, 5x5 reduce, 5x5, pool proj) at 784 pixels, and
// conv2 = 64*64 + 64*192*9. Table 1's "K" is 1024 (conv2: 114,688 = 112K;
// linear: 1,024,000 = 1000K), so its parameter total ("6.8M") is 6797.7 *
// 1024 = 6,960,845 weights: ours are 0.42% more (0.54% with the biases,
// which the table leaves out). Its MACs total of 1.50G, also the "1.5
// billion multiply-adds" budget of the text, is 5.4% below ours because of
// the conv1 row alone: 2.7K weights and 34M MACs cannot be a 7x7 convolution
// from 3 to 64 channels (9,408 weights at 112x112 are 118.0M MACs; 34M is
// 2.7K * 112^2). Without conv1 the table has 1468M and we have 1,464.7M
// (-0.23%); with conv1 corrected, 1586M against 1,582.7M (-0.21%). Where a
// row's parameters and MACs disagree with each other (4c, 5a), ours agree
// with its MACs. Weight bytes: 6,990,272 + 4 * 8,280.

// CHECK-LABEL: footprint of @googlenet
// CHECK: conv1/7x7_s2 conv2d 118,013,952 9,472
// CHECK: pool1/3x3_s2 max_pool 0 0
// CHECK: inception_3a/5x5 conv2d 10,035,200 12,832
// CHECK: inception_3a/output concat 0 0
// CHECK: loss3/classifier fully_connected 1,024,000 1,025,000
// CHECK: total: 82 layers, 1,582,671,872 MACs, 6,998,552 parameters, 7,023,392 weight bytes

// 1080 rows: conv1 gives 540 rows, the ceil-mode pools 270, 135, 67, 33.
// conv1's MACs scale by exactly 540*960 / 112^2 = 41.33, the total by 41.12.
// HD-IR: func.func @googlenet(%arg0: tensor<1x3x1080x1920xi8>) -> tensor<1x1000x1x1xi8>
// HD: conv1/7x7_s2 conv2d 4,877,107,200 9,472
// HD: total: 82 layers, 65,084,876,800 MACs, 6,998,552 parameters, 7,023,392 weight bytes
