// Node measurement (not a test): training steps per second with and without the fast matMul gradient.
// Run: npx tsx tests/bench/node/trainSpeedProbe.ts <hidden> <layers> <window> <batch> <fast 0|1>
import * as tf from '@tensorflow/tfjs';
import { useTrainingBackend } from '../../../src/train/backend';
import { createRnnVariables, rnnLogits, maskedCrossEntropy } from '../../../src/train/model/rnnGraph';
import { setFastMatMulGradient } from '../../../src/train/model/fastMatMul';
const [H, L, T, B, fast] = process.argv.slice(2).map(Number);
await useTrainingBackend('wasm');
setFastMatMulGradient(!!fast);
const shape = { inputSize: 38 + 5, hidden: Array(L).fill(H), depth: 38 };
const vars = createRnnVariables(shape, 1);
const opt = tf.train.adam(1e-3);
const x = Array.from({ length: T }, () => tf.randomUniform([43, B]) as tf.Tensor2D);
const y = tf.randomUniform([T * B], 0, 38, 'int32') as tf.Tensor1D;
const m = tf.ones([T * B]) as tf.Tensor1D;
for (let k = 0; k < Number(process.env.PROBE_STEPS ?? 4); k++) {
  const t0 = performance.now();
  const cost = opt.minimize(() => maskedCrossEntropy(rnnLogits(vars, x), y, m), true, Object.values(vars));
  const v = (await cost!.data())[0];
  console.log(
    `H${H} L${L} T${T} B${B} fast=${fast} step ${k}: ${(performance.now() - t0).toFixed(0)} ms loss ${v.toFixed(3)} tensors ${tf.memory().numTensors}`,
  );
}
