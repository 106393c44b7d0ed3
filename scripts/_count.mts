import * as tf from '@tensorflow/tfjs';
import { useTrainingBackend } from '../src/train/backend';
import { attentionLogits, createAttentionVariables } from '../src/train/model/attentionGraph';
import { createRnnVariables, maskedCrossEntropy, rnnLogits } from '../src/train/model/rnnGraph';
const [H, N, T, B, fwd] = process.argv.slice(2).map(Number);
await useTrainingBackend('wasm');
const shape = { inputSize: 43, hidden: [H, H, H], depth: 38 };
const vars = N > 0 ? createAttentionVariables(shape, 1) : createRnnVariables(shape, 1);
const trainable = Object.values(vars).filter((v) => v.trainable);
const x = Array.from({ length: T }, () => tf.randomUniform([43, B]) as tf.Tensor2D);
const y = tf.randomUniform([T * B], 0, 38, 'int32') as tf.Tensor1D;
const m = tf.ones([T * B]) as tf.Tensor1D;
const loss = () => maskedCrossEntropy(N > 0 ? attentionLogits(vars, x, N) : rnnLogits(vars, x), y, m);
const f = () =>
  tf.tidy(() => {
    if (fwd) return [loss()];
    const { value, grads } = tf.variableGrads(loss, trainable);
    return [value, ...Object.values(grads)];
  });
const info = await tf.profile(() => f());
const by = new Map<string, number>();
for (const k of info.kernels) by.set(k.name, (by.get(k.name) ?? 0) + 1);
console.log(
  `3x${H} L${N} T${T} ${fwd ? 'forward' : 'fwd+bwd'}: ${(info.kernels.length / T).toFixed(0)} kernels per time step;`,
  [...by.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${(n / T).toFixed(1)}`)
    .join(', '),
);
