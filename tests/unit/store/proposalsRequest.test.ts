import { describe, expect, it } from 'vitest';
import { createSong } from '../../../src/core/song';
import type { Note, Song } from '../../../src/core/types';
import { acceptIntoPhrase, appendStart } from '../../../src/store/proposals/accept';
import {
  buildProposalRequest,
  chordsInWindow,
  mutationLocks,
  previousPhrase,
  proposalContext,
} from '../../../src/store/proposals/request';
import { initialProposalsState } from '../../../src/store/proposals/settings';
import type { ProposalCandidate } from '../../../src/store/proposals/types';
import { seededRandom } from '../core/seededRandom';

const note = (pitch: number, start: number, length = 1): Note => ({ pitch, start, length, velocity: 96 });
let ids = 0;
const newId = () => `p${++ids}`;

function twoPhraseSong(): Song {
  const song = createSong({}, { now: 1, newId });
  const a = { ...song.phrases[0], notes: [note(60, 0, 4), note(64, 4, 4)], chords: [{ start: 0, symbol: 'C' }] };
  const b = { ...a, id: 'b', name: 'B', notes: [note(67, 0)], chords: undefined };
  return {
    ...song,
    phrases: [a, b],
    arrangement: [
      { id: 's1', phraseId: a.id, repeats: 1, transpose: 2 },
      { id: 's2', phraseId: 'b', repeats: 1, transpose: 0 },
    ],
  };
}

describe('proposal requests from the song', () => {
  it('the previous phrase is the one before in the arrangement, transposed as its section is', () => {
    const song = twoPhraseSong();
    const prev = previousPhrase(song, song.phrases[1]);
    expect(prev?.phrase.id).toBe(song.phrases[0].id);
    expect(prev?.transpose).toBe(2);
    const request = buildProposalRequest({
      song,
      phrase: song.phrases[1],
      settings: initialProposalsState(5).settings,
      info: { kind: 'melody', range: { min: 48, max: 83 } },
      fallbackChord: 'C',
      span: { start: 0, end: 32 },
    });
    expect(request.primer).toEqual({
      notes: [note(62, 0, 4), note(66, 4, 4)],
      steps: 32,
      chords: [{ start: 0, symbol: 'C' }],
    });
    expect(request.steps).toBe(32);
    expect(request.seed).toBe(5);
    expect(request.chords).toBeUndefined(); // melody models get no chords
    expect(previousPhrase(song, song.phrases[0])).toBeNull();
    expect(request.startWithNote).toBeUndefined(); // the primer leads into it
  });

  it('a phrase proposed from nothing starts with a note; a span after the musician’s notes continues them', () => {
    const song = twoPhraseSong();
    const settings = initialProposalsState(5).settings;
    const input = {
      song,
      phrase: song.phrases[0],
      info: { kind: 'melody' as const, range: { min: 48, max: 83 } },
      fallbackChord: 'C',
    };
    const fromStart = { ...input, span: { start: 0, end: 32 } };
    expect(buildProposalRequest({ ...fromStart, settings: { ...settings, primer: 'none' } }).startWithNote).toBe(true);
    expect(buildProposalRequest({ ...fromStart, settings: { ...settings, primer: 'previous' } }).startWithNote).toBe(
      true,
    ); // the first phrase has none before it
    const after = buildProposalRequest({
      ...input,
      span: { start: 8, end: 32 },
      settings: { ...settings, primer: 'own' },
    });
    expect(after.startWithNote).toBeUndefined();
    expect(after.steps).toBe(24);
    expect(after.lockedNotes).toEqual([]);
  });

  it('the context is the previous phrase, then this phrase’s notes and silences before the span', () => {
    const song = twoPhraseSong();
    const b = { ...song.phrases[1], notes: [note(67, 0, 2), note(69, 6, 1)], chords: [{ start: 0, symbol: 'G' }] };
    // B follows A (transposed +2 in its section): A's 32 steps, then B's first 12 steps, rests included.
    expect(proposalContext(song, b, { start: 12, end: 32 }, 'previous')).toEqual({
      notes: [note(62, 0, 4), note(66, 4, 4), note(67, 32, 2), note(69, 38, 1)],
      steps: 44,
      chords: [
        { start: 0, symbol: 'C' },
        { start: 32, symbol: 'G' },
      ],
    });
    expect(proposalContext(song, b, { start: 12, end: 32 }, 'own')).toEqual({
      notes: [note(67, 0, 2), note(69, 6, 1)],
      steps: 12,
      chords: [{ start: 0, symbol: 'G' }],
    });
    expect(proposalContext(song, b, { start: 12, end: 32 }, 'none')).toBeNull();
    // A note sounding into the span is heard up to the span's start.
    const long = { ...b, notes: [note(67, 8, 8)] };
    expect(proposalContext(song, long, { start: 12, end: 32 }, 'own')?.notes).toEqual([note(67, 8, 4)]);
  });

  it('a chord that began before the window is carried in at its start', () => {
    expect(
      chordsInWindow(
        [
          { start: 0, symbol: 'C' },
          { start: 20, symbol: 'G' },
        ],
        16,
        32,
      ),
    ).toEqual([
      { start: 0, symbol: 'C' },
      { start: 4, symbol: 'G' },
    ]);
  });

  it('a resample mutation frees the chosen share of beats and keeps the musician’s locked notes', () => {
    const notes = Array.from({ length: 8 }, (_, i) => note(60 + i, i * 4, 2));
    const locks = mutationLocks(notes, [notes[3]], 32, 4, 0.5, seededRandom(9));
    expect(locks).toContainEqual(notes[3]);
    expect(locks.length).toBeGreaterThanOrEqual(4);
    expect(locks.length).toBeLessThanOrEqual(5);
    expect(mutationLocks(notes, [notes[3]], 32, 4, 0.5, seededRandom(9))).toEqual(locks); // seeded
  });

  it('replace changes only the candidate’s span; append starts after the last written bar', () => {
    const phrase = { ...twoPhraseSong().phrases[0], bars: 2, notes: [note(60, 0), note(62, 20)] };
    const base = {
      bars: 1,
      kind: 'proposed',
      action: 'proposal 1 of 1',
      modelId: 'm',
      temperature: 1,
      seed: 3,
      lockedNotes: [],
      primer: null,
      scaleLock: true,
    };
    const candidate = { ...base, notes: [note(70, 0)], span: { start: 0, end: 16 } } as unknown as ProposalCandidate;
    const ts = { beats: 4, beatUnit: 4 };
    // The model's note is the model's; the kept note keeps its (unknown) author.
    expect(acceptIntoPhrase(phrase, candidate, 'replace', ts, 9).notes).toEqual([
      { ...note(70, 0), by: 'model' },
      note(62, 20),
    ]);
    // A span in the middle: the notes around it stay, a note sounding into it is cut at its start.
    const middle = {
      ...base,
      notes: [note(72, 0, 2), note(74, 4)],
      span: { start: 8, end: 24 },
    } as unknown as ProposalCandidate;
    const around = { ...phrase, notes: [note(60, 0, 10), note(62, 20), note(64, 26)] };
    expect(acceptIntoPhrase(around, middle, 'replace', ts, 9).notes).toEqual([
      note(60, 0, 8),
      { ...note(72, 8, 2), by: 'model' },
      { ...note(74, 12), by: 'model' },
      note(64, 26),
    ]);
    // A span past the phrase's end grows it.
    const later = {
      ...base,
      bars: 2,
      notes: [note(71, 4)],
      span: { start: 24, end: 48 },
    } as unknown as ProposalCandidate;
    const grown = acceptIntoPhrase(phrase, later, 'replace', ts, 9);
    expect(grown.bars).toBe(3);
    expect(grown.notes).toEqual([note(60, 0), note(62, 20), { ...note(71, 28), by: 'model' }]);
    expect(appendStart(phrase, ts)).toBe(32);
    const appended = acceptIntoPhrase(phrase, candidate, 'append', ts, 9);
    expect(appended.bars).toBe(3);
    expect(appended.notes.at(-1)).toEqual({ ...note(70, 32), by: 'model' });
    expect(appended.origin).toMatchObject({
      kind: 'proposed',
      modelId: 'm',
      seed: 3,
      action: 'proposal 1 of 1, appended',
    });
  });
});
