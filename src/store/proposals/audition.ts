import { stepsPerBar } from '../../core/meter';
import type { Song } from '../../core/types';
import { replaceChords } from './chordEdits';
import type { AppState } from '../types';

/**
 * Auditioning a candidate "in context" without a second player: while a candidate is being heard, the
 * song the audio engine reads carries one extra phrase (the candidate, with the current phrase's chords,
 * name and colour) and the engine loops that phrase. Tempo, swing, instruments and chords are the song's
 * own, and nothing of it reaches the saved song or the undo history.
 */

export const AUDITION_PHRASE_ID = 'proposal-audition';
/** `auditioningId` while the suggested chords are heard under the current phrase. */
export const HARMONY_AUDITION_ID = 'suggested-chords';

/** The song as playback should hear it: with the auditioned candidate added when there is one. */
export function songForPlayback(state: AppState): Song {
  const { song, proposals } = state;
  const id = proposals?.auditioningId;
  if (!id) return song;
  const current = song.phrases.find((p) => p.id === state.editor.currentPhraseId) ?? song.phrases[0];
  if (id === HARMONY_AUDITION_ID) {
    const suggested = proposals.harmony?.phrases.find((p) => p.phraseId === current?.id);
    if (!current || !suggested) return song;
    const written = suggested.slots.map((s) => ({ start: s.start, symbol: s.chosen }));
    const to = suggested.slots[suggested.slots.length - 1].start + suggested.slotSteps;
    const chords = replaceChords(current.chords, suggested.slots[0].start, to, written, current.bars * stepsPerBar(song.timeSignature));
    return { ...song, phrases: [...song.phrases, { ...current, id: AUDITION_PHRASE_ID, chords, history: [] }] };
  }
  const candidate = proposals.candidates.find((c) => c.id === id);
  if (!candidate || !current) return song;
  const audition = {
    ...current,
    id: AUDITION_PHRASE_ID,
    bars: candidate.bars,
    notes: candidate.notes,
    chords: candidate.chords?.length ? candidate.chords : current.chords,
    history: [],
  };
  return { ...song, phrases: [...song.phrases, audition] };
}
