/**
 * Measures key detection on a folder of MIDI files that carry key signatures (by default the folk corpus,
 * ../shared/corpus/nottingham): each file's melody (its first track with notes), read as the importer
 * reads it up to the file's first key change, goes to detectKey, and the guess is compared with the key
 * the file's key signature names. Prints the share of tunes named right, the commonest misses, and how
 * often the importer would call the file's key contradicted by its melody.
 *
 *   npm run measure:keys -- [folder]
 *
 * The corpus is read only here, never in tests: the app and its tests must not need ../shared.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chooseImportKey } from '../src/core/smf/importKey';
import { readMidiFile } from '../src/core/smf/readMidi';
import { quantizeToMelody } from '../src/core/smf/quantizeTrack';
import { detectKey, sameTonic } from '../src/core/theory/keyDetection';
import type { KeySignature } from '../src/core/types';

const folder = resolve(process.argv[2] ?? '../shared/corpus/nottingham');
const files = readdirSync(folder)
  .filter((f) => /\.midi?$/i.test(f))
  .sort();
const name = (k: KeySignature) => `${k.tonic} ${k.scale}`;
let measured = 0;
let right = 0;
let skipped = 0;
let contradicted = 0;
const misses = new Map<string, number>();
for (const file of files) {
  const read = readMidiFile(new Uint8Array(readFileSync(join(folder, file))));
  const track = read.ok ? read.preview.tracks.find((t) => !t.isDrums) : undefined;
  if (!read.ok || !read.preview.key || !track) {
    skipped++;
    continue;
  }
  const { preview } = read;
  const ticksPerStep = preview.ppq / 4;
  const { notes } = quantizeToMelody(track.notes, { ticksPerStep });
  const guess = detectKey(notes, {
    until: preview.keyChangeTicks === null ? undefined : preview.keyChangeTicks / ticksPerStep,
  });
  measured++;
  const expected = preview.key as KeySignature;
  if (guess && sameTonic(guess.key, expected) && guess.key.scale === expected.scale) right++;
  else {
    const what = `${name(expected)} → ${guess ? name(guess.key) : 'none'}`;
    misses.set(what, (misses.get(what) ?? 0) + 1);
  }
  if (chooseImportKey(preview, track.index).contradicted) contradicted++;
}
const percent = (n: number) => (measured ? ((100 * n) / measured).toFixed(1) : '0.0');
console.log(
  `key detection: ${right} of ${measured} tunes named as their key signature says (${percent(right)}%)${skipped ? `; ${skipped} files without a key signature or melody skipped` : ''}`,
);
const top = [...misses].sort((a, b) => b[1] - a[1]).slice(0, 8);
if (top.length) console.log(`commonest misses: ${top.map(([what, n]) => `${what} (${n})`).join('; ')}`);
console.log(
  `the import would call the file's key contradicted by its melody for ${contradicted} tunes (${percent(contradicted)}%)`,
);
