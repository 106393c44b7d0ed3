// Node measurement (not a test): 8 candidates x 32 steps in one batch against 8 sequential
// mm.MusicRNN.continueSequence calls, on a random checkpoint (2x256 unless given), same backend, same run.
// Run: npx tsx tests/bench/node/measureBatchSpeed.ts [wasm|cpu] [layers, e.g. 128,128]
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { timeSequentialBaseline } from '../page/baseline';
import { proposeCandidates } from '../../../src/model/propose';
import { BatchSampler } from '../../../src/model/sampler';
import type { ProposalRequest } from '../../../src/model/types';
import { loadFixture, serveFixtures, writeRandomCheckpoint } from '../../fixtures/checkpoints';

const backend = process.argv[2] ?? 'wasm';
const layers = (process.argv[3] ?? '256,256').split(',').map(Number);
await tf.setBackend(backend);
const server = await serveFixtures();
await writeRandomCheckpoint(`${server.root}/big`, { layers, scale: 0.1 });
const model = await loadFixture(server.url('big'));
const sampler = new BatchSampler(model.weights);
const request: ProposalRequest = {
  candidates: 8,
  steps: 32,
  temperature: 1,
  seed: 1,
  primer: {
    notes: [
      { pitch: 60, start: 0, length: 4, velocity: 90 },
      { pitch: 64, start: 4, length: 4, velocity: 90 },
    ],
    steps: 16,
  },
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const batched: number[] = [];
const sequential: number[] = [];
proposeCandidates(model, sampler, request); // warm-up
await timeSequentialBaseline(model, request, 1);
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  proposeCandidates(model, sampler, { ...request, seed: i });
  batched.push(performance.now() - t0);
  sequential.push(await timeSequentialBaseline(model, request, 8));
}
const b = median(batched);
const s = median(sequential);
console.log(
  `backend ${tf.getBackend()}: batch 8x32 ${b.toFixed(1)} ms, 8 sequential continueSequence ${s.toFixed(1)} ms, speed-up ${(s / b).toFixed(1)}x`,
);
sampler.dispose();
model.dispose();
await server.close();
