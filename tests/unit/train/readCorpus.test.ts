import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOLD } from '../../../src/train/corpus/melodyEvents';
import { eventsToMidi } from '../../../src/train/corpus/midiWrite';
import { CorpusFolderError, octaveShiftIntoRange, readCorpus } from '../../../src/train/corpus/readCorpus';
import { isValidationFile } from '../../../src/train/corpus/split';
import { TonejsMidi } from '../../../src/train/corpus/toneMidi';
import { writeTinyCorpus } from './tinyCorpus';

const range = { minPitch: 48, maxPitch: 83 };

describe('reading a corpus folder', () => {
  it('skips bad files with a reason and keeps the good ones', () => {
    const dir = writeTinyCorpus(mkdtempSync(join(tmpdir(), 'pw-corpus-')), 6);
    writeFileSync(join(dir, 'notes.mid'), 'this is a text file');
    writeFileSync(join(dir, 'silent.mid'), new TonejsMidi().toArray());
    const wide = new Int16Array(32).fill(HOLD);
    wide[0] = 40;
    wide[8] = 90; // a 50-semitone span fits no octave of 48..83
    writeFileSync(join(dir, 'wide.mid'), eventsToMidi(wide));
    const corpus = readCorpus(dir, range);
    expect(corpus.train.length + corpus.validation.length).toBe(6);
    const reasons = Object.fromEntries(corpus.skipped.map((s) => [s.file, s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['notes.mid', 'silent.mid', 'wide.mid']);
    expect(reasons['notes.mid']).toMatch(/not a MIDI file/);
    expect(reasons['silent.mid']).toMatch(/no notes/);
    expect(reasons['wide.mid']).toMatch(/40\.\.90/);
  });

  it('names the folder in a one-line error when it is missing', () => {
    expect(() => readCorpus('/no/such/folder', range)).toThrow(CorpusFolderError);
    expect(() => readCorpus('/no/such/folder', range)).toThrow(/^corpus folder not found: \/no\/such\/folder$/);
  });

  it('moves melodies by whole octaves into the range, preferring no move', () => {
    expect(octaveShiftIntoRange(55, 80, 48, 83)).toBe(0);
    expect(octaveShiftIntoRange(62, 88, 48, 83)).toBe(-12);
    expect(octaveShiftIntoRange(30, 50, 48, 83)).toBe(24);
    expect(octaveShiftIntoRange(40, 90, 48, 83)).toBeNull();
  });

  it('splits by file name hash: stable, about the asked share, independent of the folder', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `tune${i}.mid`);
    const held = names.filter((n) => isValidationFile(n, 0.1)).length;
    expect(held).toBeGreaterThan(150);
    expect(held).toBeLessThan(250);
    expect(names.map((n) => isValidationFile(n))).toEqual(names.map((n) => isValidationFile(n)));
  });
});
