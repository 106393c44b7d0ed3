// Node measurement (not a test): seconds per training step of the graphs `npm run train` builds, forward and
// backward, on the wasm backend with whatever kernels are installed. Compare side by side by alternating runs:
//   npx tsx tests/bench/node/trainStepProbe.ts <hidden> <layers> <attention length, 0 = none> <window> <batch>
//   PW_NATIVE=0 npx tsx tests/bench/node/trainStepProbe.ts ...   (the same without the native kernels)
import * as tf from '@tensorflow/tfjs';
import { nativeKernelsNote, useTrainingBackend } from '../../../src/train/backend';
import { attentionLogits, createAttentionVariables } from '../../../src/train/model/attentionGraph';
import { createRnnVariables, maskedCrossEntropy, rnnLogits } from '../../../src/train/model/rnnGraph';
const [H, layers, N, T, B] = process.argv.slice(2).map(Number);
await useTrainingBackend('wasm');
const shape = { inputSize: 45, hidden: Array<number>(layers).fill(H), depth: 38 };
const vars = N > 0 ? createAttentionVariables(shape, 1) : createRnnVariables(shape, 1);
const trainable = Object.values(vars).filter((v) => v.trainable);
const x = Array.from({ length: T }, (_, t) => tf.randomUniform([45, B], 0, 1, 'float32', t) as tf.Tensor2D);
const y = tf.randomUniform([T * B], 0, 38, 'int32', 99) as tf.Tensor1D;
const mask = tf.ones([T * B]) as tf.Tensor1D;
const times: number[] = [];
for (let k = 0; k < Number(process.env.PROBE_STEPS ?? 4); k++) {
  const t0 = performance.now();
  const out = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(
      () => maskedCrossEntropy(N > 0 ? attentionLogits(vars, x, N) : rnnLogits(vars, x), y, mask),
      trainable,
    );
    return [value, ...Object.values(grads)];
  });
  await out[0].data();
  tf.dispose(out);
  if (k > 0) times.push((performance.now() - t0) / 1000); // the first step warms up
}
console.log(
  `${layers}x${H}${N ? ` attention ${N}` : ''} T ${T} B ${B} (${nativeKernelsNote()}): ${times.map((t) => t.toFixed(2)).join(', ')} s/step`,
);
