import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
await tf.setBackend(process.argv[2] ?? 'wasm');
const B = 8;
for (const [k, n] of [[171, 512], [256, 512], [128, 38]]) {
  const w = tf.randomNormal([k, n]) as tf.Tensor2D;
  const bias = tf.randomNormal([n]) as tf.Tensor1D;
  const rows = new Float32Array(B * k).map(() => Math.random());
  const run = () => { const out = tf.tidy(() => tf.tensor2d(rows, [B, k]).matMul(w).add(bias)); const v = out.dataSync(); out.dispose(); return v; };
  const runNoBias = () => { const out = tf.tidy(() => tf.tensor2d(rows, [B, k]).matMul(w)); const v = out.dataSync(); out.dispose(); return v; };
  for (let i = 0; i < 200; i++) run();
  for (const [name, f] of [['matMul+add', run], ['matMul', runNoBias]] as const) {
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) f();
    console.log(`${k}x${n} ${name}: ${((performance.now() - t0) / 2000 * 1000).toFixed(1)} us`);
  }
  // plain JS with transposed weights
  const wt = new Float32Array(w.transpose().dataSync());
  const bv = bias.dataSync();
  const out = new Float32Array(B * n);
  const t0 = performance.now();
  for (let it = 0; it < 500; it++) {
    for (let b = 0; b < B; b++) for (let j = 0; j < n; j++) { let s = bv[j]; const r = b * k, c = j * k; for (let i = 0; i < k; i++) s += rows[r + i] * wt[c + i]; out[b * n + j] = s; }
  }
  console.log(`${k}x${n} JS: ${((performance.now() - t0) / 500 * 1000).toFixed(1)} us`);
}
