// Node measurement (not a test): times single tfjs ops of a training step on the wasm backend.
// Run: npx tsx tests/bench/node/trainOpProbe.ts
import * as tf from '@tensorflow/tfjs';
import { useTrainingBackend } from '../../../src/train/backend';
await useTrainingBackend('wasm');
async function time(name: string, f: () => tf.Tensor | tf.Tensor[], n = 20) {
  const r = f();
  await (Array.isArray(r) ? r[0] : r).data();
  tf.dispose(r);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = f();
    tf.dispose(r);
  }
  const r2 = f();
  await (Array.isArray(r2) ? r2[0] : r2).data();
  tf.dispose(r2);
  console.log(name, ((performance.now() - t0) / (n + 1)).toFixed(2), 'ms');
}
const xT = tf.randomUniform([299, 64]);
const wT = tf.randomUniform([256, 299]);
const z = tf.randomUniform([1024, 64]);
const small = tf.randomUniform([16, 64]);
for (let rep = 0; rep < 2; rep++) {
  await time('wTq·xT [256,299]·[299,64]', () => tf.matMul(wT, xT));
  await time('split rows 1024x64', () => tf.split(z, 4, 0));
  await time('slice rows 1024x64 one', () => tf.slice(z, [0, 0], [256, 64]));
  await time('split small 16x64', () => tf.split(small, 4, 0));
  await time('identity clone', () => tf.clone(z));
  const heap = (tf.backend() as any).wasm.HEAPU8 as Uint8Array;
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) heap.slice(1000, 1000 + 262144);
  console.log(
    'heap slice 256KB',
    ((performance.now() - t0) / 20).toFixed(3),
    'ms; heap',
    heap.length,
    heap.buffer.constructor.name,
  );
}
