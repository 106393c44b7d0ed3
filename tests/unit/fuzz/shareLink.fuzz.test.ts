import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink } from '../../../src/core/shareLink';
import { packSong } from '../../../src/core/shareLinkPacking';
import { validateSong } from '../../../src/core/validate';
import { typicalSong } from '../../fixtures/songFixtures';
import { fuzz, int, pick, type Random } from './fuzzHarness';
import { mutateJson, mutateText } from './jsonMutations';

/** Seeds that once failed; they run before the generated ones. */
const REGRESSION_SEEDS: number[] = [];
const COUNT = 1200;

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const randomBytes = (random: Random, n: number) => Uint8Array.from({ length: n }, () => int(random, 0, 255));
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=%#&?';

const songs = [1, 2, 3].map((seed) => typicalSong(seed));
const payloads = await Promise.all(songs.map((s) => encodeShareLink(s)));

describe('fuzzing the share link reader', () => {
  it(`refuses or opens ${COUNT} broken links: never throws, only valid songs come out`, async () => {
    const outcomes = { refused: 0, opened: 0 };
    const failures = await fuzz(
      { name: 'share link', base: 90_000, count: COUNT, regressionSeeds: REGRESSION_SEEDS },
      async (random) => {
        const kind = int(random, 0, 5);
        let fragment: string;
        if (kind === 0)
          fragment = Array.from({ length: int(random, 0, 3000) }, () => pick(random, [...ALPHABET])).join(''); // bad base64
        else if (kind === 1)
          fragment = mutateText(pick(random, payloads), random); // cut or changed on the way
        else if (kind === 2)
          fragment = b64(randomBytes(random, int(random, 1, 2000))); // bad compression
        else if (kind === 3)
          fragment = b64((await deflate(randomBytes(random, int(random, 1, 2000)))).subarray(0, int(random, 1, 400))); // cut deflate
        else if (kind === 4) {
          const text = mutateText(JSON.stringify(packSong(pick(random, songs))), random); // bad JSON
          fragment = b64(await deflate(new TextEncoder().encode(text)));
        } else {
          const packed = mutateJson(packSong(pick(random, songs)), random); // wrong shapes and values
          fragment = b64(await deflate(new TextEncoder().encode(JSON.stringify(packed))));
        }
        const opened = await decodeShareLink(`#song=${fragment}`);
        if (!opened.ok) {
          outcomes.refused++;
          return opened.reason ? null : 'refused without a reason';
        }
        outcomes.opened++;
        return validateSong(opened.song).ok ? null : 'opened a song that is not valid';
      },
    );
    expect(failures).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(COUNT / 2);
  }, 120_000); // generous for a loaded machine; the per-case speed is a bench target (npm run bench -- inputs)
});
