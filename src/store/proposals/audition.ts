import { stepsPerBar } from '../../core/meter';
import type { Song } from '../../core/types';
import { replaceChords } from './chordEdits';
import type { AppState } from '../types';
import { selectCurrentPhrase } from '../selectors';
import { acceptIntoPhrase } from './accept';
import type { ProposalCandidate } from './types';

/**
 * Auditioning a candidate "in context" without a second player: while a candidate is being heard, the
 * song the audio engine reads carries one extra phrase (the candidate's phrase with the candidate written
 * into its span, so the musician's notes before and after it sound too, with the phrase's chords, name and
 * colour) and the engine loops that phrase. Tempo, swing, instruments and chords are the song's own, and
 * nothing of it reaches the saved song or the undo history.
 */

export const AUDITION_PHRASE_ID = 'proposal-audition';
/** `auditioningId` while the suggested chords are heard under the current phrase. */
export const HARMONY_AUDITION_ID = 'suggested-chords';
/** `auditioningId` while an interpolation path (proposals.pathAudition) is heard instead of a candidate. */
export const PATH_AUDITION_ID = 'interpolation-path';

// The engine asks for the song on every look-ahead window: the same inputs give the same object back.
let cached: { song: Song; candidate: ProposalCandidate; result: Song } | null = null;

/** The song as playback should hear it: with the auditioned candidate added when there is one. */
export function songForPlayback(state: AppState): Song {
  const { song, proposals } = state;
  const id = proposals?.auditioningId;
  if (!id) return song;
  if (id === HARMONY_AUDITION_ID) {
    const current = selectCurrentPhrase(state);
    const suggested = proposals.harmony?.phrases.find((p) => p.phraseId === current?.id);
    if (!current || !suggested) return song;
    const written = suggested.slots.map((s) => ({ start: s.start, symbol: s.chosen }));
    const to = suggested.slots[suggested.slots.length - 1].start + suggested.slotSteps;
    const chords = replaceChords(
      current.chords,
      suggested.slots[0].start,
      to,
      written,
      current.bars * stepsPerBar(song.timeSignature),
    );
    return { ...song, phrases: [...song.phrases, { ...current, id: AUDITION_PHRASE_ID, chords, history: [] }] };
  }
  if (id === PATH_AUDITION_ID) return songWithPath(state);
  const candidate = proposals.candidates.find((c) => c.id === id);
  if (!candidate) return song;
  if (cached && cached.song === song && cached.candidate === candidate) return cached.result;
  const phrase = song.phrases.find((p) => p.id === candidate.phraseId) ?? selectCurrentPhrase(state);
  if (!phrase) return song;
  const written = acceptIntoPhrase(phrase, candidate, 'replace', song.timeSignature, 0);
  const audition = {
    ...phrase,
    id: AUDITION_PHRASE_ID,
    bars: Math.max(written.bars, Math.ceil(candidate.span.end / stepsPerBar(song.timeSignature))),
    notes: written.notes,
    chords: written.chords,
    history: [],
  };
  const result = { ...song, phrases: [...song.phrases, audition] };
  cached = { song, candidate, result };
  return result;
}

let cachedPath: { song: Song; path: NonNullable<AppState['proposals']['pathAudition']>; result: Song } | null = null;

/** The song with the interpolation path (A, the in-betweens, B) as the looping audition phrase, over the current phrase's chords. */
function songWithPath(state: AppState): Song {
  const { song, proposals } = state;
  const path = proposals.pathAudition;
  const current = selectCurrentPhrase(state);
  if (!path || !current) return song;
  if (cachedPath && cachedPath.song === song && cachedPath.path === path) return cachedPath.result;
  const audition = { ...current, id: AUDITION_PHRASE_ID, bars: path.bars, notes: path.notes, history: [] };
  const result = { ...song, phrases: [...song.phrases, audition] };
  cachedPath = { song, path, result };
  return result;
}
