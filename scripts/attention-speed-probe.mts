// Seconds per training step of the attention RNN (3 x H, attention length N) against plain stacks, on wasm.
// node --import tsx scripts/attention-speed-probe.mts H N T B   (N = 0: a plain 3 x H stack)
import * as tf from '@tensorflow/tfjs';
import { useTrainingBackend } from '../src/train/backend';
import { attentionLogits, createAttentionVariables } from '../src/train/model/attentionGraph';
import { createRnnVariables, maskedCrossEntropy, rnnLogits } from '../src/train/model/rnnGraph';
const [H, N, T, B] = process.argv.slice(2).map(Number);
await useTrainingBackend('wasm');
const shape = { inputSize: 38 + 5, hidden: [H, H, H], depth: 38 };
const vars = N > 0 ? createAttentionVariables(shape, 1) : createRnnVariables(shape, 1);
const trainable = Object.values(vars).filter((v) => v.trainable);
const opt = tf.train.adam(1e-3);
const x = Array.from({ length: T }, () => tf.randomUniform([43, B]) as tf.Tensor2D);
const y = tf.randomUniform([T * B], 0, 38, 'int32') as tf.Tensor1D;
const m = tf.ones([T * B]) as tf.Tensor1D;
const logits = () => (N > 0 ? attentionLogits(vars, x, N) : rnnLogits(vars, x));
for (let k = 0; k < Number(process.env.PROBE_STEPS ?? 3); k++) {
  const t0 = performance.now();
  const cost = opt.minimize(() => maskedCrossEntropy(logits(), y, m), true, trainable);
  const v = (await cost!.data())[0];
  cost!.dispose();
  const mem = (tf.memory() as { numBytes: number }).numBytes / 1e6;
  console.log(
    `3x${H} attention ${N} T${T} B${B} step ${k}: ${(performance.now() - t0).toFixed(0)} ms loss ${v.toFixed(3)} tensors ${tf.memory().numTensors} ${mem.toFixed(0)} MB rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
}
