import { parseChordSymbol } from '../../core/chords';
import { phraseSteps } from '../../core/meter';
import { cadenceStart } from '../../core/phraseEnding';
import { tonicChroma } from '../../core/scale';
import type { ChordEvent, Phrase, Song, Steps } from '../../core/types';
import type { CandidateEnding } from '../../model/types';

/**
 * How a candidate should end, from where it sits in the song. Any candidate: no note starts on its last
 * step, unless the musician's phrase has one there itself. A candidate that reaches the end of its phrase
 * with "End on a cadence" on: its last note starts half a bar before the end (on a beat), is a tone of the
 * chord there (the tonic when the phrase ends the song) and is held to the bar line (see core/phraseEnding.ts
 * for the corpus figures; half a bar leaves the model the first half to lead into the cadence).
 */

/** True when `phrase` is the last thing the song plays (its last section, or its last phrase without an arrangement). */
export function endsSong(song: Song, phrase: Phrase): boolean {
  const last = song.arrangement[song.arrangement.length - 1];
  return last ? last.phraseId === phrase.id : song.phrases[song.phrases.length - 1]?.id === phrase.id;
}

/** The chord sounding at `step` of the phrase (its own chords, else `fallback`). */
function chordAt(chords: readonly ChordEvent[] | undefined, step: Steps, fallback: string): string {
  const sounding = [...(chords ?? [])].filter((c) => c.start <= step).sort((a, b) => b.start - a.start)[0];
  return sounding?.symbol ?? fallback;
}

export interface EndingInput {
  song: Song;
  phrase: Phrase;
  /** The candidate's span in the phrase, `to` exclusive (a candidate longer than the phrase may pass its end). */
  from: Steps;
  to: Steps;
  endOnCadence: boolean;
  /** The key's tonic triad, when the phrase has no chord at the cadence. */
  fallbackChord: string;
}

/** The ending rules for a candidate written into [from, to) of the phrase, relative to `from`. */
export function candidateEnding({ song, phrase, from, to, endOnCadence, fallbackChord }: EndingInput): CandidateEnding {
  const steps = to - from;
  const ending: CandidateEnding = { noLastStepOnset: !phrase.notes.some((n) => n.start === to - 1) };
  const reachesEnd = to >= phraseSteps(phrase, song.timeSignature);
  if (!endOnCadence || !reachesEnd) return ending;
  const start = cadenceStart(steps, song.timeSignature);
  if (start <= 0) return ending;
  const tonic = tonicChroma(song.key);
  const final = endsSong(song, phrase) && tonic !== null;
  const chord = parseChordSymbol(chordAt(phrase.chords, from + start, fallbackChord));
  const pitchClasses = final ? [tonic!] : (chord?.pitchClasses ?? (tonic !== null ? [tonic] : []));
  if (pitchClasses.length === 0) return ending;
  return { ...ending, cadence: { start, pitchClasses } };
}
