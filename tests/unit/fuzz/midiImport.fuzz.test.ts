import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addImportToSong } from '../../../src/core/smf/addImport';
import { songToMidi } from '../../../src/core/smf/exportMidi';
import { importMidi } from '../../../src/core/smf/importMidi';
import { chooseImportKey } from '../../../src/core/smf/importKey';
import { describeImport } from '../../../src/core/smf/importReport';
import { makeApp } from '../store/fakes';
import { createSong } from '../../../src/core/song';
import { validateSong } from '../../../src/core/validate';
import { line, noteOn, smf } from '../../fixtures/smf/smfBuilder';
import { counterIds, typicalSong } from '../../fixtures/songFixtures';
import { fuzz, int, pick, type Random } from './fuzzHarness';

/** Seeds that once failed; they run before the generated ones. */
const REGRESSION_SEEDS: number[] = [];
const COUNT = 1500;

const fixtureDir = new URL('../../fixtures/smf/', import.meta.url);
const seedsFiles: Uint8Array[] = [
  ...readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.mid'))
    .map((f) => new Uint8Array(readFileSync(new URL(f, fixtureDir)))),
  songToMidi(typicalSong(1)),
  songToMidi(typicalSong(2, { beats: 6, beatUnit: 8 })),
  smf([[...noteOn(0, 0, 60), 0x60, 62, 90, 0x60, 60, 0, 0x60, 62, 0]]), // running status
  smf([line(0, [[60, 480]]), line(1, [[62, 240]])], { format: 2 }),
];

/** Offsets of the chunk length fields (after each "MThd"/"MTrk"). */
function chunkLengthOffsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  for (let i = 0; i + 8 <= bytes.length; i++) {
    if (bytes[i] === 0x4d && bytes[i + 1] === 0x54 && (bytes[i + 2] === 0x68 || bytes[i + 2] === 0x72))
      offsets.push(i + 4);
  }
  return offsets;
}

type Mutation = (bytes: Uint8Array, random: Random) => Uint8Array;

const MUTATIONS: Record<string, Mutation> = {
  truncate: (b, r) => b.slice(0, int(r, 0, b.length - 1)),
  flipBytes: (b, r) => {
    const out = b.slice();
    for (let n = int(r, 1, 8); n > 0; n--) out[int(r, 0, out.length - 1)] = int(r, 0, 255);
    return out;
  },
  wrongChunkLength: (b, r) => {
    const out = b.slice();
    const offsets = chunkLengthOffsets(out);
    if (offsets.length === 0) return out; // nothing left to lie about
    const at = pick(r, offsets);
    new DataView(out.buffer).setUint32(at, pick(r, [0, 1, 5, 0xffffffff, 0x7fffffff, int(r, 0, out.length * 2)]));
    return out;
  },
  hugeDeltaTime: (b, r) => {
    // Insert a 4-byte delta time where an event starts inside the last track.
    const at = int(r, Math.max(0, b.length - 40), b.length - 4);
    return Uint8Array.from([...b.subarray(0, at), 0x8f, 0xff, 0xff, 0x7f, ...b.subarray(at)]);
  },
  runningStatusAbuse: (b, r) => {
    // Remove status bytes, so data bytes must run on a status that may not exist or may not fit.
    const out: number[] = [];
    for (const byte of b) if (!(byte >= 0x80 && byte < 0xf0 && r() < 0.5)) out.push(byte);
    return Uint8Array.from(out);
  },
  zeroLengthTrack: (b, r) => {
    const out = b.slice();
    const tracks = chunkLengthOffsets(out).slice(1);
    if (tracks.length > 0) new DataView(out.buffer).setUint32(pick(r, tracks), 0);
    return out;
  },
  headerLies: (b, r) => {
    const out = b.slice();
    out[8 + int(r, 0, 5)] = int(r, 0, 255);
    return out;
  },
  randomTail: (b, r) =>
    Uint8Array.from([...b.subarray(0, 14), ...Array.from({ length: int(r, 0, 200) }, () => int(r, 0, 255))]),
  noisyNotes: (_b, r) => {
    const notes = Array.from(
      { length: int(r, 1, 300) },
      () => [int(r, 0, 127), int(r, 0, 5000), int(r, 0, 2000)] as [number, number, number],
    );
    return smf([line(int(r, 0, 15), notes)], { ppq: pick(r, [1, 3, 96, 480, 960, 0x7fff]) });
  },
};

describe('fuzzing the MIDI importer', () => {
  it(`refuses or imports ${COUNT} malformed files: never throws, the open song unchanged, only valid songs come out`, async () => {
    const names = Object.keys(MUTATIONS);
    const outcomes = { refused: 0, imported: 0 };
    const app = makeApp();
    const failures = await fuzz(
      { name: 'MIDI import', base: 70_000, count: COUNT, regressionSeeds: REGRESSION_SEEDS },
      (random) => {
        let bytes = pick(random, seedsFiles);
        for (let n = int(random, 1, 3); n > 0; n--) bytes = MUTATIONS[pick(random, names)](bytes, random);
        // Through the store, as the Import button does: a refusal is an alert and the open song stays as it was.
        const open = app.state().song;
        const viaStore = app.actions.readImportFile(bytes, 'fuzz.mid');
        if (app.state().song !== open) return 'reading a file changed the open song';
        const read = viaStore;
        if (!read.ok) {
          outcomes.refused++;
          return typeof read.reason === 'string' && read.reason.length > 0 ? null : 'refused without a reason';
        }
        const trackIndex = int(random, 0, read.preview.tracks.length - 1);
        chooseImportKey(read.preview, trackIndex);
        const result = importMidi(
          read.preview,
          {
            trackIndex,
            splitEveryBars: int(random, 0, 9),
            maxPhrases: int(random, 1, 64),
            fromBar: random() < 0.2 ? int(random, 0, 20) : 0,
            swing: random() < 0.2 ? random() : 0,
          },
          { now: 1, newId: counterIds() },
        );
        if (!result.ok) return null;
        outcomes.imported++;
        describeImport(result.report, {
          timeSignature: { beats: 4, beatUnit: 4 },
          tempo: read.preview.tempo ?? 120,
          ppq: read.preview.ppq,
        });
        const song = createSong({}, { now: 1, newId: counterIds('song') });
        const snapshot = JSON.stringify(song);
        const added = addImportToSong(song, result);
        if (JSON.stringify(song) !== snapshot) return 'adding the import changed the song it was given';
        if (added.ok && !validateSong(added.song).ok) return 'the imported song is not valid';
        const fresh = createSong(
          { phrases: result.phrases, arrangement: result.sections },
          { now: 1, newId: counterIds('new') },
        );
        if (!validateSong(fresh).ok)
          return `a new song of the import is not valid: ${JSON.stringify(validateSong(fresh))}`;
        return null;
      },
    );
    expect(failures).toEqual([]);
    // The mix must exercise both paths, or the fuzzing proves little.
    expect(outcomes.refused).toBeGreaterThan(COUNT / 10);
    expect(outcomes.imported).toBeGreaterThan(COUNT / 20);
  }, 120_000); // generous for a loaded machine; the per-case speed is a bench target (npm run bench -- inputs)
});
