import { Chord, Interval } from 'tonal';
import { isNoChord } from '../chords';
import { phraseSteps } from '../meter';
import type { ChordEvent, Note, Phrase, Song } from '../types';
import type { NotationInput } from './notationModel';

/**
 * What the notation view writes: one phrase, or the whole song with its arrangement laid end to end
 * (each section's repeats written out, notes and chord symbols transposed as they sound).
 */

/** The notation input for one phrase under the song's key and meter. */
export function phraseNotationInput(song: Pick<Song, 'key' | 'timeSignature'>, phrase: Phrase): NotationInput {
  return {
    notes: phrase.notes,
    chords: phrase.chords,
    bars: phrase.bars,
    timeSignature: song.timeSignature,
    key: song.key,
  };
}

/** Moves a chord symbol by semitones ("Am" +2 → "Bm"); "N.C." and symbols tonal cannot read stay as they are. */
export function transposeChordSymbol(symbol: string, semitones: number): string {
  if (semitones === 0 || isNoChord(symbol)) return symbol;
  const interval = Interval.fromSemitones(semitones);
  const slash = symbol.lastIndexOf('/');
  const upper = slash > 0 ? symbol.slice(0, slash) : symbol;
  const moved = Chord.transpose(upper, interval);
  if (!moved) return symbol;
  if (slash <= 0) return moved;
  const bass = Chord.transpose(symbol.slice(slash + 1), interval);
  return bass ? `${moved}/${bass}` : symbol;
}

/** The notation input for the whole arrangement; an empty arrangement gives one empty bar. */
export function songNotationInput(song: Song): NotationInput {
  const notes: Note[] = [];
  const chords: ChordEvent[] = [];
  let offset = 0;
  let bars = 0;
  for (const section of song.arrangement) {
    const phrase = song.phrases.find((p) => p.id === section.phraseId);
    if (!phrase) continue;
    const length = phraseSteps(phrase, song.timeSignature);
    for (let r = 0; r < Math.max(1, section.repeats); r++) {
      for (const n of phrase.notes) notes.push({ ...n, pitch: n.pitch + section.transpose, start: n.start + offset });
      for (const c of phrase.chords ?? [])
        chords.push({ start: c.start + offset, symbol: transposeChordSymbol(c.symbol, section.transpose) });
      offset += length;
      bars += phrase.bars;
    }
  }
  return { notes, chords, bars: Math.max(1, bars), timeSignature: song.timeSignature, key: song.key };
}
