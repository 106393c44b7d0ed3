import { appendFileSync } from 'node:fs';
import { seededRandom } from '../../fixtures/random';

/**
 * Seeded fuzzing without a framework: case i of a run uses seed `base + i`, so any failure names the one
 * seed that reproduces it. Seeds that once failed are kept in each suite's REGRESSION_SEEDS and run first.
 *
 * How long a case may take is a benchmark target, not a test assertion (a loaded machine would fail it):
 * `npm run bench -- inputs` runs these suites with PHRASEWRIGHT_FUZZ_TIMINGS set to a file, and each run
 * appends its slowest case there (target: 1 s). A case that hangs is caught by the test timeout.
 */

export type Random = () => number;

export interface FuzzFailure {
  seed: number;
  problem: string;
}

/** One suite's timing line in the PHRASEWRIGHT_FUZZ_TIMINGS file. */
export interface FuzzTiming {
  name: string;
  cases: number;
  slowestMs: number;
  slowestSeed: number;
}

export const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/**
 * Runs `check` on `count` generated cases (plus the regression seeds) and returns the failures: a thrown
 * exception or a check that returns a problem.
 */
export async function fuzz(
  options: { name: string; base: number; count: number; regressionSeeds?: readonly number[] },
  check: (random: Random, seed: number) => Promise<string | null> | string | null,
): Promise<FuzzFailure[]> {
  const seeds = [
    ...(options.regressionSeeds ?? []),
    ...Array.from({ length: options.count }, (_, i) => options.base + i),
  ];
  const failures: FuzzFailure[] = [];
  const slowest = { ms: 0, seed: seeds[0] ?? options.base };
  for (const seed of seeds) {
    const started = performance.now();
    try {
      const problem = await check(seededRandom(seed), seed);
      if (problem) failures.push({ seed, problem });
    } catch (error) {
      failures.push({ seed, problem: `threw ${error instanceof Error ? error.stack : String(error)}` });
    }
    const took = performance.now() - started;
    if (took > slowest.ms) Object.assign(slowest, { ms: took, seed });
  }
  const timingsFile = process.env.PHRASEWRIGHT_FUZZ_TIMINGS;
  if (timingsFile) {
    const line: FuzzTiming = {
      name: options.name,
      cases: seeds.length,
      slowestMs: slowest.ms,
      slowestSeed: slowest.seed,
    };
    appendFileSync(timingsFile, JSON.stringify(line) + '\n');
  }
  return failures;
}
