// Times MusicVAE training steps for a given size: npx tsx tests/bench/node/vaeSpeedProbe.ts ENC DEC(a,b) Z BATCH
import * as tf from '@tensorflow/tfjs';
import { useTrainingBackend } from '../../../src/train/backend';
import { createVaeVariables, vaeLoss } from '../../../src/train/vae/vaeGraph';
const [enc, dec, z, batch] = process.argv.slice(2);
await useTrainingBackend('wasm');
const spec = {
  minPitch: 48,
  maxPitch: 83,
  numSteps: 32,
  encoderHidden: Number(enc),
  decoderHidden: dec.split(',').map(Number),
  zSize: Number(z),
};
const B = Number(batch);
const vars = createVaeVariables(spec, 1);
const params = Object.values(vars).reduce((s, v) => s + v.size, 0);
const opt = tf.train.adam(1e-3);
const targets = tf.randomUniform([32 * B], 0, 38, 'int32') as tf.Tensor1D;
const td = targets.dataSync();
const steps = Array.from(
  { length: 32 },
  (_, t) => tf.transpose(tf.oneHot(tf.tensor1d(Array.from(td.slice(t * B, (t + 1) * B)), 'int32'), 38)) as tf.Tensor2D,
);
for (let k = 0; k < Number(process.env.PROBE_STEPS ?? 4); k++) {
  const t0 = performance.now();
  const noise = tf.randomNormal([spec.zSize, B]) as tf.Tensor2D;
  const cost = opt.minimize(() => vaeLoss(vars, { steps, targets, noise }, 0.1, 0).loss, true, Object.values(vars));
  const v = (await cost!.data())[0];
  cost!.dispose();
  noise.dispose();
  console.log(
    `enc ${enc} dec ${dec} z ${z} B ${B} params ${params} (${((params * 4) / 1e6).toFixed(2)} MB) step ${k}: ${(performance.now() - t0).toFixed(0)} ms loss ${v.toFixed(2)} tensors ${tf.memory().numTensors}`,
  );
}
