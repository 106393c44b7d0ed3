// Times the worker codec on wasm in Node: npx tsx tests/bench/node/vaeInferProbe.ts [checkpointDir]
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readCheckpoint } from '../../../src/train/export/checkpointFiles';
import { VaeCodec, vaeWeightsFrom } from '../../../src/model/vae/vaeCodec';
import { runVaeRequest } from '../../../src/model/vae/vaeMoves';
await tf.setBackend('wasm');
const { tensors } = readCheckpoint(process.argv[2] ?? 'public/checkpoints/melody-vae-v4');
const codec = new VaeCodec(vaeWeightsFrom(tensors), 32);
const w = () => Int32Array.from({ length: 32 }, (_, i) => (i % 4 === 0 ? 14 + (i % 7) : 0));
const time = (name: string, f: () => void) => {
  f();
  const t: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  console.log(name, t.map((x) => x.toFixed(0)).join(' '), 'median', t[3].toFixed(1));
};
time('encode 2', () => codec.encode([w(), w()]));
time('decode 8', () => codec.decode(Array.from({ length: 8 }, () => new Float32Array(codec.zSize))));
time('interpolate 8', () => runVaeRequest(codec, { kind: 'interpolate', from: [w()], to: [w()], count: 8 }));
time('similar 8', () => runVaeRequest(codec, { kind: 'similar', windows: [w()], count: 8, similarity: 0.9, seed: 1 }));
console.log('tensors', tf.memory().numTensors);
