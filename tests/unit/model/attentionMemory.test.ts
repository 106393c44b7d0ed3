import { describe, expect, it } from 'vitest';
import { AttentionMemory } from '../../../src/model/attentionMemory';
import { seededRandom } from '../../../src/model/random';

// The memory's read-out against Magenta's formula computed directly (softmax over slots of Σ v tanh(f + y),
// empty slots scoring Σ v tanh(y)), including features and queries past the addition formula's safe range.

function directReadOut(
  outputs: Float32Array[][],
  features: Float32Array[][],
  length: number,
  y: Float32Array,
  v: Float32Array,
  b: number,
): number[] {
  const size = v.length;
  const yb = y.subarray(b * size, (b + 1) * size);
  const score = (f: Float32Array) => f.reduce((s: number, x, a) => s + v[a] * Math.tanh(x + yb[a]), 0);
  const kept = features.map((step) => step[b]).slice(-length);
  const scores = kept.map(score);
  const empty = length - kept.length;
  const emptyScore = score(new Float32Array(size));
  const top = Math.max(...scores, empty > 0 ? emptyScore : -Infinity);
  const total = scores.reduce((s, x) => s + Math.exp(x - top), 0) + empty * Math.exp(emptyScore - top);
  const outs = outputs.map((step) => step[b]).slice(-length);
  return Array.from({ length: size }, (_, a) =>
    outs.reduce((s, o, j) => s + (Math.exp(scores[j] - top) / total) * o[a], 0),
  );
}

describe('AttentionMemory.read', () => {
  it('matches the direct formula within 1e-5 while filling, after wrapping, and with wild values', () => {
    const random = seededRandom(7);
    const batch = 3;
    const length = 5;
    const size = 6;
    const memory = new AttentionMemory(batch, length, size);
    const rand = (n: number, scale: number) => Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
    const v = rand(size, 1.5);
    const outputs: Float32Array[][] = [];
    const features: Float32Array[][] = [];
    for (let step = 0; step < 9; step++) {
      // Step 4's features and step 6's query go far out, where tanh saturates.
      const y = rand(batch * size, step === 6 ? 12 : 3);
      memory.read(y, v);
      for (let b = 0; b < batch; b++) {
        const want = directReadOut(outputs, features, length, y, v, b);
        const got = memory.attention.subarray(b * size, (b + 1) * size);
        want.forEach((w, a) => expect(Math.abs(got[a] - w)).toBeLessThan(1e-5 * Math.max(1, Math.abs(w))));
      }
      const out = rand(batch * size, 1);
      const feat = rand(batch * size, step === 4 ? 20 : 3);
      memory.push(out, feat);
      outputs.push([0, 1, 2].map((b) => out.subarray(b * size, (b + 1) * size)));
      features.push([0, 1, 2].map((b) => feat.subarray(b * size, (b + 1) * size)));
    }
  });

  it('selects rows with everything they hold: a selected row reads as its source row did', () => {
    const random = seededRandom(3);
    const size = 4;
    const memory = new AttentionMemory(2, 3, size);
    const rand = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
    for (let step = 0; step < 4; step++) memory.push(rand(2 * size), rand(2 * size));
    const v = rand(size);
    const y = rand(size);
    const picked = memory.select([1, 1, 0]);
    picked.read(Float32Array.from([...y, ...y, ...y]), v);
    memory.read(Float32Array.from([...y, ...y]), v);
    expect(Array.from(picked.attention.subarray(0, size))).toEqual(Array.from(memory.attention.subarray(size)));
    expect(Array.from(picked.attention.subarray(2 * size))).toEqual(Array.from(memory.attention.subarray(0, size)));
  });
});
