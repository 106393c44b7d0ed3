import type { PlaybackTarget } from '../../store/types';
import { phraseSteps } from '../../core/meter';
import type { Song, Steps } from '../../core/types';
import { sectionAt, sectionSpans, type SectionSpan } from '../Arrangement/sectionSpans';

/**
 * Where the grid's playhead goes: the engine reports a step inside what it plays (a phrase loop, a section
 * loop, the whole song); the grid shows one phrase. Null when the phrase being heard is not the one in the
 * grid, so the line never runs over phrase A's notes while phrase B sounds.
 */
export interface PlayheadInput {
  step: Steps | null;
  target: PlaybackTarget | null;
  /** The song as playback hears it (with an audition phrase while one is heard). */
  song: Song;
  /** The phrase in the grid, and the phrase an audition writes into (they are the same while previewing). */
  phraseId: string;
  auditionPhraseId?: string;
  /** Steps of the grid. */
  steps: Steps;
  /** Section spans of `song`, when the caller keeps them between frames. */
  spans?: readonly SectionSpan[];
}

export function gridPlayheadStep({
  step,
  target,
  song,
  phraseId,
  auditionPhraseId,
  steps,
  spans,
}: PlayheadInput): Steps | null {
  if (step === null || !target || steps <= 0) return null;
  const lengthOf = (id: string) => {
    const phrase = song.phrases.find((p) => p.id === id);
    return phrase ? phraseSteps(phrase, song.timeSignature) : 0;
  };
  let within: Steps | null = null;
  if (target.kind === 'phrase') {
    const heard = target.phraseId === phraseId || target.phraseId === auditionPhraseId;
    const length = lengthOf(target.phraseId);
    within = heard && length > 0 ? step % length : null;
  } else if (target.kind === 'section') {
    const section = song.arrangement.find((s) => s.id === target.sectionId);
    const length = section?.phraseId === phraseId ? lengthOf(phraseId) : 0;
    within = length > 0 ? step % length : null;
  } else {
    const playing = sectionAt(spans ?? sectionSpans(song), step);
    const section = playing && song.arrangement.find((s) => s.id === playing.id);
    const span = playing && (spans ?? sectionSpans(song)).find((s) => s.id === playing.id);
    const length = section?.phraseId === phraseId ? lengthOf(phraseId) : 0;
    within = span && length > 0 ? (step - span.start) % length : null;
  }
  return within !== null && within >= 0 && within < steps ? within : null;
}
