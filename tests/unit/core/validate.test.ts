import { describe, expect, it } from 'vitest';
import { commitVersion } from '../../../src/core/history';
import { createPhrase, createSong } from '../../../src/core/song';
import type { Song } from '../../../src/core/types';
import { VALIDATION_LIMITS, validateSong } from '../../../src/core/validate';
import { n } from './seededRandom';

/** A valid song with notes, chords, history and two arranged phrases, as plain JSON. */
function goodSong(): Song {
  let a = createPhrase('A', 2, { now: 1 });
  a = commitVersion(
    a,
    { notes: [n(60, 0, 2), n(64, 4)], chords: [{ start: 0, symbol: 'C' }], origin: { kind: 'hand' } },
    2,
  );
  a = commitVersion(
    a,
    {
      notes: [n(62, 0, 4), n(65, 8, 8)],
      origin: { kind: 'proposed', modelId: 'basic', seed: 3, constraints: { scaleLock: true, range: [48, 72] } },
    },
    3,
  );
  const b = createPhrase('B', 1, { now: 1 });
  const song = createSong({ phrases: [a, b] }, { now: 1 });
  return JSON.parse(
    JSON.stringify({
      ...song,
      arrangement: [...song.arrangement, { id: 's2', phraseId: b.id, repeats: 2, transpose: -3 }],
    }),
  );
}

/** Returns the reason validateSong gives after `mutate` spoils a good song. */
function reasonAfter(mutate: (song: any) => void): string {
  const song: any = goodSong();
  mutate(song);
  const result = validateSong(song);
  if (result.ok) throw new Error('expected the song to be refused');
  return result.reason;
}

describe('validateSong accepts', () => {
  it('a song with notes, chords, history and an arrangement, returning an equal copy', () => {
    const song = goodSong();
    const result = validateSong(song);
    expect(result).toEqual({ ok: true, song });
    if (result.ok) expect(result.song).not.toBe(song);
  });

  it('every default song', () => {
    expect(validateSong(createSong()).ok).toBe(true);
  });

  it('and drops fields it does not know', () => {
    const song: any = goodSong();
    song.evil = 'x'.repeat(1000);
    song.phrases[0].extra = { deep: true };
    const result = validateSong(song);
    expect(result.ok && 'evil' in result.song).toBe(false);
    expect(result.ok && 'extra' in result.song.phrases[0]).toBe(false);
  });

  it('an arrangement that is empty', () => {
    expect(validateSong({ ...goodSong(), arrangement: [] }).ok).toBe(true);
  });

  it('a style the song remembers, or none (the default style)', () => {
    const result = validateSong({ ...goodSong(), style: 'pop' });
    expect(result.ok && result.song.style).toBe('pop');
    const none = validateSong(goodSong());
    expect(none.ok && 'style' in none.song).toBe(false);
  });
});

describe('validateSong refuses, in plain words,', () => {
  it('things that are not songs', () => {
    for (const bad of [null, undefined, 42, 'song', [], [goodSong()]]) {
      expect(validateSong(bad)).toEqual({ ok: false, reason: 'a song must be an object' });
    }
  });

  it('another format version', () => {
    expect(reasonAfter((s) => (s.schemaVersion = 2))).toMatch(/newer Phrasewright/);
    expect(reasonAfter((s) => delete s.schemaVersion)).toBe('the song format version must be 1');
  });

  it('a tempo outside 40-240 BPM or not a number', () => {
    expect(reasonAfter((s) => (s.tempo = 20))).toBe('tempo must be between 40 and 240 BPM');
    expect(reasonAfter((s) => (s.tempo = '120'))).toBe('tempo must be between 40 and 240 BPM');
    expect(reasonAfter((s) => (s.tempo = null))).toBe('tempo must be between 40 and 240 BPM');
  });

  it('swing outside 0..1', () => {
    expect(reasonAfter((s) => (s.swing = 1.5))).toBe('swing must be between 0 and 1');
  });

  it('a title that is missing or too long', () => {
    expect(reasonAfter((s) => delete s.title)).toBe('the title must be text');
    expect(reasonAfter((s) => (s.title = 'x'.repeat(201)))).toMatch(/at most 200 characters/);
  });

  it('an impossible time signature', () => {
    expect(reasonAfter((s) => (s.timeSignature.beatUnit = 3))).toMatch(/beat unit must be one of/);
    expect(reasonAfter((s) => (s.timeSignature.beats = 0))).toMatch(/beats per bar/);
    expect(reasonAfter((s) => (s.timeSignature = '4/4'))).toBe('the time signature must be an object');
  });

  it('an unknown key or scale', () => {
    expect(reasonAfter((s) => (s.key.tonic = 'H'))).toMatch(/tonic must be a note name/);
    expect(reasonAfter((s) => (s.key.scale = 'klingon'))).toMatch(/^the scale must be one of: major, minor/);
  });

  it('a song without phrases', () => {
    expect(reasonAfter((s) => (s.phrases = []))).toBe('a song needs at least one phrase');
  });

  it('phrases of more than 8 bars', () => {
    expect(reasonAfter((s) => (s.phrases[0].bars = 9))).toBe('phrase "A" bars must be a whole number between 1 and 8');
  });

  it('colours that are not hex colours (they end up in style attributes)', () => {
    expect(reasonAfter((s) => (s.phrases[0].color = 'url(http://x)'))).toMatch(/hex colour/);
  });

  it('notes with pitches off the piano, fractions or missing fields', () => {
    expect(reasonAfter((s) => (s.phrases[0].notes[0].pitch = 10))).toBe(
      'phrase "A" note 1 pitch must be a whole number between 21 and 108',
    );
    expect(reasonAfter((s) => (s.phrases[0].notes[0].start = 0.5))).toMatch(/note 1 start must be a whole number/);
    expect(reasonAfter((s) => delete s.phrases[0].notes[1].velocity)).toMatch(/note 2 velocity/);
  });

  it('overlapping or unsorted notes, which a monophonic phrase cannot hold', () => {
    expect(reasonAfter((s) => (s.phrases[0].notes[0].length = 9))).toMatch(/note 2 overlaps the note before it/);
    expect(reasonAfter((s) => s.phrases[0].notes.reverse())).toMatch(/overlaps the note before it/);
  });

  it('notes running past the phrase end', () => {
    expect(reasonAfter((s) => (s.phrases[0].notes[1].length = 25))).toBe(
      'phrase "A" note 2 runs past the end of the phrase',
    );
  });

  it('chords out of order', () => {
    expect(
      reasonAfter(
        (s) =>
          (s.phrases[0].chords = [
            { start: 4, symbol: 'C' },
            { start: 4, symbol: 'G' },
          ]),
      ),
    ).toMatch(/chord 2 must start after the chord before it/);
  });

  it('an unknown origin or constraints that are not plain data', () => {
    expect(reasonAfter((s) => (s.phrases[0].origin.kind = 'stolen'))).toMatch(/origin kind must be one of/);
    expect(reasonAfter((s) => (s.phrases[0].origin.constraints = { when: new Date(0) }))).toMatch(/plain data/);
  });

  it('constraints nested or sized beyond the caps', () => {
    let deep: any = {};
    for (let i = 0; i < 20; i++) deep = { deep };
    expect(reasonAfter((s) => (s.phrases[0].origin.constraints = deep))).toMatch(/too large/);
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    expect(reasonAfter((s) => (s.phrases[0].origin.constraints = wide))).toMatch(/too large/);
  });

  it('a history longer than 200 versions or with broken versions', () => {
    expect(reasonAfter((s) => (s.phrases[0].history = Array(201).fill(s.phrases[0].history[0])))).toMatch(
      /history must have at most 200 entries/,
    );
    expect(reasonAfter((s) => delete s.phrases[0].history[0].at)).toBe(
      'phrase "A" version 1 time must be a time stamp',
    );
  });

  it('duplicate ids', () => {
    expect(reasonAfter((s) => (s.phrases[1].id = s.phrases[0].id))).toMatch(/two phrases share the id/);
    expect(reasonAfter((s) => (s.arrangement[1].id = s.arrangement[0].id))).toMatch(/two sections share the id/);
  });

  it('sections that point at no phrase or repeat and transpose too far', () => {
    expect(reasonAfter((s) => (s.arrangement[0].phraseId = 'gone'))).toBe(
      'section 1 of the arrangement refers to a phrase that is not in the song',
    );
    expect(reasonAfter((s) => (s.arrangement[0].repeats = 0))).toMatch(
      /repeats must be a whole number between 1 and 16/,
    );
    expect(reasonAfter((s) => (s.arrangement[1].transpose = 30))).toMatch(/between -24 and 24 semitones/);
  });

  it('a style that is not a short id', () => {
    for (const style of ['Pop', '', 'x'.repeat(40), 3, '<b>pop</b>']) {
      expect(reasonAfter((s) => (s.style = style))).toBe('the style must be a short id such as folk or pop');
    }
  });

  it('unknown instruments and wild volumes', () => {
    expect(reasonAfter((s) => (s.instruments.melody = 'theremin'))).toMatch(/melody instrument must be one of/);
    expect(reasonAfter((s) => (s.instruments.chordsVolume = 40))).toBe(
      'the chords volume must be between -60 and 6 dB',
    );
    expect(reasonAfter((s) => (s.instruments.melodyMuted = 'no'))).toBe('melody muted must be true or false');
  });

  it('huge lists without walking them', () => {
    expect(reasonAfter((s) => (s.phrases = new Array(1_000_000)))).toMatch(/at most 256 entries/);
    expect(reasonAfter((s) => (s.phrases[0].notes = new Array(10_000).fill(s.phrases[0].notes[0])))).toMatch(
      /notes must have at most 32 entries/,
    );
  });

  it('more notes in all versions together than the budget allows', () => {
    const phrase = (id: string) => ({
      ...goodSong().phrases[1],
      id,
      bars: 8,
      notes: [],
      history: Array.from({ length: 200 }, () => ({
        notes: Array.from({ length: 128 }, (_, i) => n(60, i)),
        origin: { kind: 'hand' },
        at: 1,
      })),
    });
    const reason = reasonAfter((s) => {
      s.phrases = Array.from({ length: 10 }, (_, i) => phrase(`p${i}`));
      s.arrangement = [];
    });
    expect(reason).toBe(`the song has more than ${VALIDATION_LIMITS.totalNotes} notes in all its phrases and versions`);
  });

  it('getters that throw instead of crashing', () => {
    const song: any = goodSong();
    Object.defineProperty(song, 'tempo', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(validateSong(song)).toEqual({ ok: false, reason: 'the song could not be read' });
  });
});
