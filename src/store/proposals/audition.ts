import type { Song } from '../../core/types';
import type { AppState } from '../types';

/**
 * Auditioning a candidate "in context" without a second player: while a candidate is being heard, the
 * song the audio engine reads carries one extra phrase (the candidate, with the current phrase's chords,
 * name and colour) and the engine loops that phrase. Tempo, swing, instruments and chords are the song's
 * own, and nothing of it reaches the saved song or the undo history.
 */

export const AUDITION_PHRASE_ID = 'proposal-audition';
/** `auditioningId` while an interpolation path (proposals.pathAudition) is heard instead of a candidate. */
export const PATH_AUDITION_ID = 'interpolation-path';

/** The song as playback should hear it: with the auditioned candidate added when there is one. */
export function songForPlayback(state: AppState): Song {
  const { song, proposals } = state;
  const id = proposals?.auditioningId;
  if (!id) return song;
  const candidate = id === PATH_AUDITION_ID ? proposals.pathAudition : proposals.candidates.find((c) => c.id === id);
  const current = song.phrases.find((p) => p.id === state.editor.currentPhraseId) ?? song.phrases[0];
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
