// Runs an ONNX model with onnxruntime-node on the input that
// test/Execution/Inputs/add_main.py gives a network, and prints the output's
// values one per line (%.9g), for scripts/check-real-models.py.
//
//   node scripts/onnxruntime-run.js model.onnx
//
// The input at (c, h, w) is ((7c + 13h + 3w + 5) mod 29 - 14) / 8.
// onnxruntime-node is found through NODE_PATH (install it with
// `ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node`).
const ort = require('onnxruntime-node');

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
  if (process.argv[3]) dims = process.argv[3].split('x').map(Number);
  const [n, c, h, w] = dims;
  const data = new Float32Array(n * c * h * w);
  let i = 0;
  for (let ci = 0; ci < c; ++ci)
    for (let hi = 0; hi < h; ++hi)
      for (let wi = 0; wi < w; ++wi)
        data[i++] = (((7 * ci + 13 * hi + 3 * wi + 5) % 29) - 14) / 8;
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
