import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/random';
import { codesBetween, codesNear, nearestPair, principalPicture } from '../../../../src/core/vae/latentMath';

describe('latent arithmetic', () => {
  it('in-between codes lie evenly on the line, ends excluded', () => {
    const codes = codesBetween(Float32Array.from([0, 0]), Float32Array.from([4, 8]), 3);
    expect(codes.map((c) => Array.from(c))).toEqual([
      [1, 2],
      [2, 4],
      [3, 6],
    ]);
  });

  it('similar codes are seeded, equal the code at similarity 1 and spread more as similarity falls', () => {
    const z = Float32Array.from({ length: 64 }, (_, k) => Math.sin(k));
    expect(codesNear(z, 2, 1, createRng(1)).every((c) => c.every((v, k) => v === z[k]))).toBe(true);
    const spread = (s: number) => {
      const near = codesNear(z, 8, s, createRng(3));
      return near.reduce((sum, c) => sum + Math.hypot(...c.map((v, k) => v - z[k])), 0) / near.length;
    };
    expect(spread(0.9)).toBeLessThan(spread(0.5));
    expect(Array.from(codesNear(z, 1, 0.7, createRng(5))[0])).toEqual(
      Array.from(codesNear(z, 1, 0.7, createRng(5))[0]),
    );
  });

  it('the principal picture keeps the direction the codes vary along', () => {
    // Points along (1, 1, 0) with a little spread along (0, 0, 1): the first axis explains most.
    const codes = Array.from({ length: 10 }, (_, i) => Float32Array.from([i, i, (i % 2) * 0.1]));
    const { points, explained } = principalPicture(codes);
    expect(explained[0]).toBeGreaterThan(0.99);
    const xs = points.map((p) => p[0]);
    const sorted = [...xs].sort((a, b) => a - b);
    expect(xs).toSatisfy((v: number[]) => v.join() === sorted.join() || v.join() === [...sorted].reverse().join());
  });

  it('a click between two dots picks those dots and how far along it lies', () => {
    const pair = nearestPair(
      [
        [0, 0],
        [10, 0],
        [50, 50],
      ],
      [2.5, 1],
    );
    expect(pair).toEqual({ from: 0, to: 1, t: 0.25 });
    expect(nearestPair([[0, 0]], [1, 1])).toBeNull();
  });
});
