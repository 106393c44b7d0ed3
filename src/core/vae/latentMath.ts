import type { Rng } from '../random';

/**
 * Arithmetic on MusicVAE latent codes, as plain arrays: the straight path between two codes
 * (interpolation), codes near a code (Magenta's "similar": s * z + (1 - s) * noise), and the 2-D
 * principal-component picture of a set of codes (the latent map).
 */

export type Code = Float32Array;

/** `count` codes evenly spaced strictly between a and b (t = i / (count + 1)), as Magenta's linspace without its ends. */
export function codesBetween(a: Code, b: Code, count: number): Code[] {
  return Array.from({ length: count }, (_, i) => mix(a, b, (i + 1) / (count + 1)));
}

/** a + t (b - a). */
export function mix(a: Code, b: Code, t: number): Code {
  return Float32Array.from(a, (v, k) => v + t * (b[k] - v));
}

/** A standard normal number from two uniform draws (Box-Muller). */
export function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** `count` codes similarity * z + (1 - similarity) * N(0, I), seeded; similarity is clamped to 0..1. */
export function codesNear(z: Code, count: number, similarity: number, rng: Rng): Code[] {
  const s = Math.min(1, Math.max(0, similarity));
  return Array.from({ length: count }, () => Float32Array.from(z, (v) => s * v + (1 - s) * normal(rng)));
}

export interface LatentPicture {
  /** One 2-D point per code, on the first two principal axes. */
  points: [number, number][];
  /** Share of the codes' variance each axis shows. */
  explained: [number, number];
}

/** The leading eigenvector of a symmetric matrix (power iteration from a fixed start, so it is deterministic). */
function leadingAxis(cov: Float64Array[], dims: number): { axis: Float64Array; value: number } {
  let v = Float64Array.from({ length: dims }, (_, k) => 1 / Math.sqrt(dims) + k * 1e-3);
  let value = 0;
  for (let iter = 0; iter < 200; iter++) {
    const next = new Float64Array(dims);
    for (let i = 0; i < dims; i++) for (let j = 0; j < dims; j++) next[i] += cov[i][j] * v[j];
    const norm = Math.hypot(...next);
    if (norm === 0) break;
    value = norm;
    v = next.map((x) => x / norm);
  }
  return { axis: v, value };
}

/** PCA of the codes onto two axes (codes of equal size; fewer than two codes give points at the origin). */
export function principalPicture(codes: readonly Code[]): LatentPicture {
  const n = codes.length;
  if (n === 0) return { points: [], explained: [0, 0] };
  const dims = codes[0].length;
  const mean = new Float64Array(dims);
  for (const c of codes) for (let k = 0; k < dims; k++) mean[k] += c[k] / n;
  const centred = codes.map((c) => Float64Array.from(c, (v, k) => v - mean[k]));
  const cov = Array.from({ length: dims }, () => new Float64Array(dims));
  for (const c of centred) for (let i = 0; i < dims; i++) for (let j = 0; j < dims; j++) cov[i][j] += (c[i] * c[j]) / n;
  const total = cov.reduce((s, row, i) => s + row[i], 0);
  const first = leadingAxis(cov, dims);
  // Deflate: remove the first axis's share to find the second.
  for (let i = 0; i < dims; i++)
    for (let j = 0; j < dims; j++) cov[i][j] -= first.value * first.axis[i] * first.axis[j];
  const second = leadingAxis(cov, dims);
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, k) => s + v * b[k], 0);
  return {
    points: centred.map((c) => [dot(c, first.axis), dot(c, second.axis)]),
    explained: total > 0 ? [first.value / total, second.value / total] : [0, 0],
  };
}

/**
 * The code for a point of the picture "between two dots": the two dots nearest the point, and how far
 * along the line from the first to the second the point projects (0..1).
 */
export function nearestPair(
  points: readonly [number, number][],
  at: [number, number],
): { from: number; to: number; t: number } | null {
  if (points.length < 2) return null;
  const order = points.map((p, i) => ({ i, d: Math.hypot(p[0] - at[0], p[1] - at[1]) })).sort((a, b) => a.d - b.d);
  const [a, b] = [points[order[0].i], points[order[1].i]];
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0.5 : Math.min(1, Math.max(0, ((at[0] - a[0]) * dx + (at[1] - a[1]) * dy) / len2));
  return { from: order[0].i, to: order[1].i, t };
}
