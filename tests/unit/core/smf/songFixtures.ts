import { createPhrase, createSong } from '../../../../src/core/song';
import type { ChordEvent, Note, Phrase, PhraseVersion, Song, TimeSignature } from '../../../../src/core/types';

/** Deterministic songs for the codec tests: same seed, same song. */

/** A seeded PRNG (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function counterIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${n++}`;
}

/** A singable monophonic line over `steps` steps: eighths and quarters in C major around C5. */
export function melody(random: () => number, steps: number, density = 0.8): Note[] {
  const scale = [60, 62, 64, 65, 67, 69, 71, 72, 74, 76];
  const notes: Note[] = [];
  let step = 0;
  let degree = 4;
  while (step < steps) {
    const length = random() < 0.7 ? 2 : 4;
    if (random() < density) {
      degree = Math.max(0, Math.min(scale.length - 1, degree + Math.floor(random() * 5) - 2));
      notes.push({ pitch: scale[degree], start: step, length: Math.min(length, steps - step), velocity: 96 });
    }
    step += length;
  }
  return notes;
}

const NOW = 1_760_000_000_000;

/** A phrase with `versions` earlier takes proposed by the model, as a session leaves it. */
export function phraseWithHistory(
  name: string,
  bars: number,
  ts: TimeSignature,
  random: () => number,
  newId: () => string,
  versions = 4,
  chords?: ChordEvent[],
): Phrase {
  const steps = bars * ts.beats * (16 / ts.beatUnit);
  const history: PhraseVersion[] = [];
  for (let v = 0; v < versions; v++) {
    history.push({
      notes: melody(random, steps),
      origin: { kind: 'proposed', modelId: 'basic-rnn-pw1', temperature: 1.1, seed: Math.floor(random() * 1e6) },
      at: NOW + v * 45_000,
    });
  }
  return {
    ...createPhrase(name, bars, { now: NOW, newId }),
    notes: melody(random, steps),
    ...(chords ? { chords } : {}),
    origin: { kind: 'mutated', modelId: 'basic-rnn-pw1', temperature: 0.9, seed: 4242, action: 'mutate 30%' },
    history,
    updatedAt: NOW + versions * 45_000,
  };
}

/** A typical 16-bar song: phrases A and B of 4 bars with chords and history, played A B A(+2) B. */
export function typicalSong(seed = 1, ts: TimeSignature = { beats: 4, beatUnit: 4 }): Song {
  const random = seededRandom(seed);
  const newId = counterIds(`s${seed}`);
  const bar = ts.beats * (16 / ts.beatUnit);
  const chords = (symbols: string[]) => symbols.map((symbol, i) => ({ start: i * bar, symbol }));
  const a = phraseWithHistory('A', 4, ts, random, newId, 4, chords(['C', 'Am', 'F', 'G']));
  const b = phraseWithHistory('B', 4, ts, random, newId, 3, chords(['F', 'G', 'Em', 'Am']));
  return createSong(
    {
      title: 'Morning Tune',
      tempo: 96,
      timeSignature: ts,
      key: { tonic: 'C', scale: 'major' },
      phrases: [a, b],
      arrangement: [
        { id: newId(), phraseId: a.id, repeats: 1, transpose: 0 },
        { id: newId(), phraseId: b.id, repeats: 1, transpose: 0 },
        { id: newId(), phraseId: a.id, repeats: 1, transpose: 2 },
        { id: newId(), phraseId: b.id, repeats: 1, transpose: 0 },
      ],
    },
    { now: NOW, newId },
  );
}

/** The song with every id replaced by its position, to compare songs that differ only in ids. */
export function withoutIds(song: Song): unknown {
  const phraseIndex = new Map(song.phrases.map((p, i) => [p.id, i]));
  return {
    ...song,
    id: 'song',
    phrases: song.phrases.map((p, i) => ({ ...p, id: `p${i}` })),
    arrangement: song.arrangement.map((s, i) => ({ ...s, id: `s${i}`, phraseId: `p${phraseIndex.get(s.phraseId)}` })),
  };
}
