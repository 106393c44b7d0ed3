// Node measurement (not a test): profiles one training step (per-kernel times) on the wasm backend.
// Run: npx tsx tests/bench/node/trainProfileProbe.ts <hidden> <layers> <window> <batch>
import * as tf from '@tensorflow/tfjs';
import { useTrainingBackend } from '../../../src/train/backend';
import { createRnnVariables, maskedCrossEntropy, rnnLogits } from '../../../src/train/model/rnnGraph';
const [H, L, T, B] = process.argv.slice(2).map(Number);
await useTrainingBackend('wasm');
const vars = createRnnVariables({ inputSize: 43, hidden: Array(L).fill(H), depth: 38 }, 1);
const x = Array.from({ length: T }, () => tf.randomUniform([43, B]) as tf.Tensor2D);
const y = tf.randomUniform([T * B], 0, 38, 'int32') as tf.Tensor1D;
const m = tf.ones([T * B]) as tf.Tensor1D;
const stepFn = () =>
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => maskedCrossEntropy(rnnLogits(vars, x), y, m), Object.values(vars));
    return [value, ...Object.values(grads)];
  });
tf.dispose(stepFn());
const info = await tf.profile(() => stepFn());
const agg: Record<string, [number, number]> = {};
for (const k of info.kernels) {
  const a = (agg[k.name] ??= [0, 0]);
  a[0]++;
  a[1] += k.kernelTimeMs as number;
}
let total = 0;
for (const v of Object.values(agg)) total += v[1];
console.log('total kernel ms', total.toFixed(0), 'kernels', info.kernels.length);
console.log(
  Object.entries(agg)
    .sort((p, q) => q[1][1] - p[1][1])
    .map(([n, [c, t]]) => `${n} x${c} ${t.toFixed(0)}ms`)
    .join('\n'),
);
