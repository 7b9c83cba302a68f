// Runs an ONNX model with onnxruntime-node and prints the output's values
// one per line (%.9g), for scripts/check-real-models.py.
//
//   node scripts/onnxruntime-run.js model.onnx [input.npy]
//
// The input is the f32 .npy file given (C order), or the one
// test/Execution/Inputs/add_main.py gives a network: at (c, h, w),
// ((7c + 13h + 3w + 5) mod 29 - 14) / 8.
// onnxruntime-node is found through NODE_PATH (install it with
// `ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node`).
const ort = require('onnxruntime-node');
const fs = require('fs');

// A C-ordered little-endian f32 .npy file: its shape and data.
function readNpy(path) {
  const bytes = fs.readFileSync(path);
  const major = bytes[6];
  const headerLen = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = bytes.toString('latin1', start, start + headerLen);
  if (!header.includes("'<f4'")) throw new Error(path + ': not <f4');
  const shape = header.match(/'shape': \(([^)]*)\)/)[1]
                    .split(',').map((s) => s.trim()).filter((s) => s)
                    .map(Number);
  const data = new Float32Array(bytes.buffer.slice(
      bytes.byteOffset + start + headerLen, bytes.byteOffset + bytes.length));
  return {shape, data};
}

async function main() {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node onnxruntime-run.js model.onnx');
    process.exit(2);
  }
  const session = await ort.InferenceSession.create(path);
  const name = session.inputNames[0];
  const meta = session.inputMetadata ? session.inputMetadata[0] : null;
  let dims = meta && meta.shape ? meta.shape.map((d) => (typeof d === 'number' ? d : 1)) : null;
  let data;
  if (process.argv[3]) {
    const npy = readNpy(process.argv[3]);
    dims = npy.shape;
    data = npy.data;
  } else {
    const [n, c, h, w] = dims;
    data = new Float32Array(n * c * h * w);
    let i = 0;
    for (let ci = 0; ci < c; ++ci)
      for (let hi = 0; hi < h; ++hi)
        for (let wi = 0; wi < w; ++wi)
          data[i++] = (((7 * ci + 13 * hi + 3 * wi + 5) % 29) - 14) / 8;
  }
  const feeds = {};
  feeds[name] = new ort.Tensor('float32', data, dims);
  const results = await session.run(feeds);
  const out = results[session.outputNames[0]].data;
  const lines = [];
  for (const v of out) lines.push(Number(v).toPrecision(9));
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
