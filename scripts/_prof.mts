import * as tf from '@tensorflow/tfjs';
import { useTrainingBackend } from '../src/train/backend';
import { attentionLogits, createAttentionVariables } from '../src/train/model/attentionGraph';
import { createRnnVariables, maskedCrossEntropy, rnnLogits } from '../src/train/model/rnnGraph';
const [H, N, T, B] = process.argv.slice(2).map(Number);
await useTrainingBackend('wasm');
const shape = { inputSize: 43, hidden: [H, H, H], depth: 38 };
const vars = N > 0 ? createAttentionVariables(shape, 1) : createRnnVariables(shape, 1);
const trainable = Object.values(vars).filter((v) => v.trainable);
const x = Array.from({ length: T }, () => tf.randomUniform([43, B]) as tf.Tensor2D);
const y = tf.randomUniform([T * B], 0, 38, 'int32') as tf.Tensor1D;
const m = tf.ones([T * B]) as tf.Tensor1D;
const f = () =>
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(
      () => maskedCrossEntropy(N > 0 ? attentionLogits(vars, x, N) : rnnLogits(vars, x), y, m),
      trainable,
    );
    return [value, ...Object.values(grads)];
  });
tf.dispose(f());
const t0 = performance.now();
const info = await tf.profile(() => f());
console.log('wall', (performance.now() - t0).toFixed(0), 'ms');
const by = new Map<string, { ms: number; n: number }>();
for (const k of info.kernels) {
  const e = by.get(k.name) ?? { ms: 0, n: 0 };
  e.ms += Number(k.kernelTimeMs) || 0;
  e.n++;
  by.set(k.name, e);
}
const rows = [...by.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 22);
const total = [...by.values()].reduce((s, e) => s + e.ms, 0);
console.log('kernel total', total.toFixed(0), 'ms over', info.kernels.length, 'kernels');
for (const [k, e] of rows) console.log(k.padEnd(22), e.ms.toFixed(0).padStart(7), 'ms', String(e.n).padStart(6));
