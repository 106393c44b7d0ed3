import { describe, expect, it } from 'vitest';
import {
  PHRASE_COLORS,
  createPhrase,
  createSong,
  findPhrase,
  nextPhraseName,
  phraseNameAt,
  updatePhrase,
} from '../../../src/core/song';
import { validateSong } from '../../../src/core/validate';

function counterIds(): () => string {
  let i = 0;
  return () => `id-${++i}`;
}

describe('createSong', () => {
  const song = createSong({}, { now: 1000, newId: counterIds() });

  it('starts with the documented defaults', () => {
    expect(song).toMatchObject({
      schemaVersion: 1,
      title: 'Untitled song',
      tempo: 110,
      swing: 0,
      timeSignature: { beats: 4, beatUnit: 4 },
      key: { tonic: 'C', scale: 'major' },
      instruments: {
        melody: 'piano',
        chords: 'triangle-synth',
        melodyVolume: 0,
        chordsVolume: -8,
        melodyMuted: false,
        chordsMuted: false,
      },
      createdAt: 1000,
      updatedAt: 1000,
    });
  });

  it('holds one empty 2-bar phrase "A" that the arrangement plays once', () => {
    expect(song.phrases).toHaveLength(1);
    const [a] = song.phrases;
    expect(a).toMatchObject({ name: 'A', bars: 2, notes: [], history: [], origin: { kind: 'empty' } });
    expect(PHRASE_COLORS).toContain(a.color);
    expect(song.arrangement).toEqual([{ id: expect.any(String), phraseId: a.id, repeats: 1, transpose: 0 }]);
  });

  it('passes its own validation', () => {
    expect(validateSong(song)).toEqual({ ok: true, song });
  });

  it('gives every song, phrase and section its own id', () => {
    const ids = [song.id, song.phrases[0].id, song.arrangement[0].id];
    expect(new Set(ids).size).toBe(3);
    expect(createSong().id).not.toBe(createSong().id);
  });

  it('takes fields from init over the defaults', () => {
    const custom = createSong({ title: 'Waltz', tempo: 90, timeSignature: { beats: 3, beatUnit: 4 } });
    expect(custom).toMatchObject({ title: 'Waltz', tempo: 90, timeSignature: { beats: 3, beatUnit: 4 } });
  });

  it('arranges the first of the phrases it is given', () => {
    const b = createPhrase('B', 4);
    const custom = createSong({ phrases: [b] });
    expect(custom.arrangement.map((s) => s.phraseId)).toEqual([b.id]);
  });
});

describe('createPhrase', () => {
  it('keeps bars within 1-8', () => {
    expect(createPhrase('A', 0).bars).toBe(1);
    expect(createPhrase('A', 12).bars).toBe(8);
    expect(createPhrase('A', 3).bars).toBe(3);
  });

  it('colours phrases by their place in the series', () => {
    expect(createPhrase('A', 1).color).toBe(PHRASE_COLORS[0]);
    expect(createPhrase('B', 1).color).toBe(PHRASE_COLORS[1]);
    expect(PHRASE_COLORS).toContain(createPhrase('Chorus', 1).color);
  });
});

describe('phrase names', () => {
  it('run A..Z then AA, AB, ...', () => {
    expect(phraseNameAt(0)).toBe('A');
    expect(phraseNameAt(25)).toBe('Z');
    expect(phraseNameAt(26)).toBe('AA');
    expect(phraseNameAt(27)).toBe('AB');
    expect(phraseNameAt(26 + 26 * 26)).toBe('AAA');
  });

  it('picks the first name no phrase uses yet', () => {
    const song = createSong();
    expect(nextPhraseName(song)).toBe('B');
    const phrases = [createPhrase('A', 1), createPhrase('C', 1)];
    expect(nextPhraseName({ phrases })).toBe('B');
    const full = Array.from({ length: 26 }, (_, i) => createPhrase(phraseNameAt(i), 1));
    expect(nextPhraseName({ phrases: full })).toBe('AA');
  });
});

describe('finding and updating phrases', () => {
  const song = createSong();
  const id = song.phrases[0].id;

  it('finds a phrase by id, or nothing', () => {
    expect(findPhrase(song, id)?.name).toBe('A');
    expect(findPhrase(song, 'missing')).toBeUndefined();
  });

  it('replaces one phrase without touching the original song', () => {
    const next = updatePhrase(song, id, (p) => ({ ...p, name: 'Verse' }));
    expect(findPhrase(next, id)?.name).toBe('Verse');
    expect(findPhrase(song, id)?.name).toBe('A');
    expect(next.arrangement).toBe(song.arrangement);
  });

  it('returns the same song when nothing changes', () => {
    expect(updatePhrase(song, 'missing', (p) => ({ ...p, name: 'X' }))).toBe(song);
    expect(updatePhrase(song, id, (p) => p)).toBe(song);
  });
});
