import { seededRandom } from '../../fixtures/random';

/**
 * Seeded fuzzing without a framework: case i of a run uses seed `base + i`, so any failure names the one
 * seed that reproduces it. Seeds that once failed are kept in each suite's REGRESSION_SEEDS and run first.
 */

export type Random = () => number;

export interface FuzzFailure {
  seed: number;
  problem: string;
}

export const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Longest a single input may take. */
export const CASE_BUDGET_MS = 1000;

/**
 * Runs `check` on `count` generated cases (plus the regression seeds) and returns the failures: a thrown
 * exception, a check that returns a problem, or a case over CASE_BUDGET_MS.
 */
export async function fuzz(
  options: { base: number; count: number; regressionSeeds?: readonly number[] },
  check: (random: Random, seed: number) => Promise<string | null> | string | null,
): Promise<FuzzFailure[]> {
  const seeds = [...(options.regressionSeeds ?? []), ...Array.from({ length: options.count }, (_, i) => options.base + i)];
  const failures: FuzzFailure[] = [];
  for (const seed of seeds) {
    const started = performance.now();
    try {
      const problem = await check(seededRandom(seed), seed);
      if (problem) failures.push({ seed, problem });
    } catch (error) {
      failures.push({ seed, problem: `threw ${error instanceof Error ? error.stack : String(error)}` });
    }
    const took = performance.now() - started;
    if (took > CASE_BUDGET_MS) failures.push({ seed, problem: `took ${Math.round(took)} ms` });
  }
  return failures;
}
