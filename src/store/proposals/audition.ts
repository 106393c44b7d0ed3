import type { Song } from '../../core/types';
import type { AppState } from '../types';
import { selectCurrentPhrase } from '../selectors';

/**
 * Auditioning a candidate "in context" without a second player: while a candidate is being heard, the
 * song the audio engine reads carries one extra phrase (the candidate, with the current phrase's chords,
 * name and colour) and the engine loops that phrase. Tempo, swing, instruments and chords are the song's
 * own, and nothing of it reaches the saved song or the undo history.
 */

export const AUDITION_PHRASE_ID = 'proposal-audition';

/** The song as playback should hear it: with the auditioned candidate added when there is one. */
export function songForPlayback(state: AppState): Song {
  const { song, proposals } = state;
  const id = proposals?.auditioningId;
  if (!id) return song;
  const candidate = proposals.candidates.find((c) => c.id === id);
  const current = selectCurrentPhrase(state);
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
