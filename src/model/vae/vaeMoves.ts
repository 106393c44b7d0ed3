import { codesBetween, codesNear, type Code } from '../../core/vae/latentMath';
import { createRng } from '../../core/random';
import { ModelError } from '../types';
import type { VaeCodec } from './vaeCodec';
import type { VaeRequest, VaeResult } from './vaeTypes';

/**
 * The MusicVAE requests inside the worker, each one encode batch and one decode batch: Similar encodes the
 * phrase's windows and decodes count x windows codes near them; Interpolate encodes both ends' windows and
 * decodes count x windows codes on the lines between them.
 */

const MAX_COUNT = 8;
const MAX_WINDOWS = 4;

function checkCount(count: number, min = 1): void {
  if (!Number.isInteger(count) || count < min || count > MAX_COUNT)
    throw new ModelError(`Ask for ${min} to ${MAX_COUNT} phrases, not ${count}`, 'bad-request');
}

function checkWindows(windows: readonly Int32Array[]): void {
  if (windows.length < 1 || windows.length > MAX_WINDOWS)
    throw new ModelError(`A phrase has 1 to ${MAX_WINDOWS} two-bar windows, not ${windows.length}`, 'bad-request');
}

/** Groups a flat list of decodings, `perPhrase` windows each. */
function grouped(flat: Int32Array[], perPhrase: number): Int32Array[][] {
  const out: Int32Array[][] = [];
  for (let i = 0; i < flat.length; i += perPhrase) out.push(flat.slice(i, i + perPhrase));
  return out;
}

/** Runs one request with a loaded codec; throws ModelError('bad-request') for requests it cannot honour. */
export function runVaeRequest(
  codec: VaeCodec,
  request: VaeRequest,
  now: () => number = () => performance.now(),
): VaeResult {
  const started = now();
  switch (request.kind) {
    case 'encode': {
      return { codes: codec.encode(request.windows), generateMs: now() - started };
    }
    case 'decode': {
      const decoded = codec.decode(request.codes, { allowed: request.allowed });
      return { phrases: decoded.map((d) => [d]), generateMs: now() - started };
    }
    case 'similar': {
      checkCount(request.count);
      checkWindows(request.windows);
      if (!(request.similarity >= 0 && request.similarity <= 1))
        throw new ModelError('Similarity goes from 0 to 1', 'bad-request');
      const codes = codec.encode(request.windows);
      const rng = createRng(request.seed >>> 0);
      const near = codes.map((z) => codesNear(z, request.count, request.similarity, rng));
      // Candidate-major: all windows of variation 0, then of variation 1, ...
      const batch: Code[] = [];
      for (let i = 0; i < request.count; i++) for (const perWindow of near) batch.push(perWindow[i]);
      return {
        phrases: grouped(codec.decode(batch, { allowed: request.allowed }), codes.length),
        generateMs: now() - started,
      };
    }
    case 'interpolate': {
      checkCount(request.count, 1);
      checkWindows(request.from);
      if (request.to.length !== request.from.length)
        throw new ModelError('Both ends need the same number of windows', 'bad-request');
      const codes = codec.encode([...request.from, ...request.to]);
      const w = request.from.length;
      const lines = Array.from({ length: w }, (_, k) => codesBetween(codes[k], codes[w + k], request.count));
      const batch: Code[] = [];
      for (let i = 0; i < request.count; i++) for (const line of lines) batch.push(line[i]);
      return { phrases: grouped(codec.decode(batch, { allowed: request.allowed }), w), generateMs: now() - started };
    }
  }
}
