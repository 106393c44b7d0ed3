import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../../../src/core/projectFile';
import { validateSong } from '../../../src/core/validate';
import { typicalSong } from '../../fixtures/songFixtures';
import { fuzz, int, pick } from './fuzzHarness';
import { mutateJson, mutateText } from './jsonMutations';

/** Seeds that once failed; they run before the generated ones. */
const REGRESSION_SEEDS: number[] = [];
const COUNT = 1200;

const originals = [1, 2, 3].map((seed) => JSON.parse(serializeProject(typicalSong(seed))));

describe('fuzzing the project file reader', () => {
  it(`refuses or opens ${COUNT} malformed project files: never throws, only valid songs come out`, async () => {
    const outcomes = { refused: 0, opened: 0 };
    const failures = await fuzz(
      { name: 'project file', base: 80_000, count: COUNT, regressionSeeds: REGRESSION_SEEDS },
      (random) => {
        const original = pick(random, originals);
        const kind = int(random, 0, 3);
        let text: string;
        if (kind === 0) text = mutateText(JSON.stringify(original), random);
        else if (kind === 1)
          text = JSON.stringify({ ...original, schemaVersion: pick(random, [0, 2, -1, 1.5, '1', null, 1e9]) });
        else if (kind === 2) text = JSON.stringify({ ...original, song: mutateJson(original.song, random) });
        else text = JSON.stringify(mutateJson(original, random));
        const parsed = parseProject(text);
        if (!parsed.ok) {
          outcomes.refused++;
          return parsed.reason ? null : 'refused without a reason';
        }
        outcomes.opened++;
        return validateSong(parsed.song).ok ? null : 'opened a song that is not valid';
      },
    );
    expect(failures).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(COUNT / 2);
    expect(outcomes.opened).toBeGreaterThan(0);
  }, 120_000); // generous for a loaded machine; the per-case speed is a bench target (npm run bench -- inputs)
});
