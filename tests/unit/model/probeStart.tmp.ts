import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { cpSync } from 'node:fs';
import { proposeCandidates } from '../../../src/model/propose';
import { BatchSampler } from '../../../src/model/sampler';
import { loadFixture, serveFixtures } from './checkpointFixture';
await tf.setBackend('wasm');
const server = await serveFixtures();
cpSync('public/checkpoints/melody-rnn-v1', `${server.root}/m`, { recursive: true });
const model = await loadFixture(server.url('m'));
const sampler = new BatchSampler(model.weights);
let firstBeat = 0, firstBar = 0, total = 0;
for (let seed = 1; seed <= 25; seed++) {
  const r = proposeCandidates(model, sampler, { candidates: 8, steps: 32, temperature: 1, seed, scalePitchClasses: [0, 2, 4, 5, 7, 9, 11] });
  for (const c of r.candidates) { total++; const s = c.notes[0]?.start ?? 99; if (s < 4) firstBeat++; if (s < 16) firstBar++; }
}
console.log(`no primer: first note in beat 1: ${firstBeat}/${total}, in bar 1: ${firstBar}/${total}`);
model.dispose(); await server.close();
