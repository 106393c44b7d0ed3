import { phraseSteps, stepsPerBar } from '../../core/meter';
import type { ChordEvent, Note, Phrase, Song, Steps } from '../../core/types';
import { withoutAuthors } from '../../core/authorship';
import type { FillRequest, ModelInfo, Primer } from '../../model/types';
import type { PitchRange, StepSpan } from '../types';
import { candidateEnding } from './ending';
import { chordsInWindow, notesInWindow, proposalContext, requestChords, scaleLockClasses } from './request';
import type { ProposalSettings } from './types';

/**
 * The model request for "Fill selection": the span is the candidate, everything before it in the phrase (after
 * the previous phrase, when that is the primer setting; a fill always hears its own phrase, even with the
 * primer set to none, since leading from one side into the other is what it is for) is the context, and up to two bars after it, running
 * on into the next section's phrase when the span ends near the phrase's end, are the notes it must lead into.
 */

/** Bars after the span the fill is scored on (the "up to two bars"). */
export const FILL_AFTER_BARS = 2;

/** The phrase the song plays after `phrase` (the next section's), transposed as that section is; null at the end. */
export function nextPhrase(song: Song, phrase: Phrase): { phrase: Phrase; transpose: number } | null {
  const at = song.arrangement.findIndex((s) => s.phraseId === phrase.id);
  if (at < 0 || at + 1 >= song.arrangement.length) return null;
  const section = song.arrangement[at + 1];
  const next = song.phrases.find((p) => p.id === section.phraseId);
  return next ? { phrase: next, transpose: section.transpose } : null;
}

/** A reason in plain words when `span` is not a span of the phrase, else null. */
export function spanProblem(span: StepSpan, phrase: Phrase, song: Song): string | null {
  const total = phraseSteps(phrase, song.timeSignature);
  if (
    !Number.isInteger(span.start) ||
    !Number.isInteger(span.end) ||
    span.start < 0 ||
    span.end > total ||
    span.end <= span.start
  ) {
    return `Select steps inside the phrase (1 to ${total}) to fill`;
  }
  return null;
}

/** Concatenates two stretches of notes and chords (the second starts `offset` steps after the first). */
function join(first: Primer | null, notes: Note[], chords: ChordEvent[], offset: Steps, steps: Steps): Primer {
  return {
    notes: [...(first?.notes ?? []), ...notes.map((n) => ({ ...n, start: n.start + offset }))],
    steps: offset + steps,
    chords: [...(first?.chords ?? []), ...chords.map((c) => ({ ...c, start: c.start + offset }))],
  };
}

export interface FillInput {
  song: Song;
  phrase: Phrase;
  span: StepSpan;
  settings: ProposalSettings;
  info: Pick<ModelInfo, 'kind' | 'range'>;
  pitchRange?: PitchRange;
  fallbackChord: string;
}

/** The fill request (`span` must be valid: see spanProblem). */
export function buildFillRequest({
  song,
  phrase,
  span,
  settings,
  info,
  pitchRange,
  fallbackChord,
}: FillInput): FillRequest {
  const ts = song.timeSignature;
  const total = phraseSteps(phrase, ts);
  const steps = span.end - span.start;
  const chordModel = info.kind === 'chord';

  const before = proposalContext(song, phrase, span, settings.primer === 'none' ? 'own' : settings.primer);

  // What follows: the rest of this phrase, then the next section's phrase, up to two bars in all.
  const afterSteps = FILL_AFTER_BARS * stepsPerBar(ts);
  const inPhrase = Math.min(afterSteps, total - span.end);
  let after = join(
    null,
    notesInWindow(phrase.notes, span.end, span.end + inPhrase),
    chordsInWindow(phrase.chords, span.end, span.end + inPhrase),
    0,
    inPhrase,
  );
  const next = inPhrase < afterSteps ? nextPhrase(song, phrase) : null;
  if (next) {
    const more = Math.min(afterSteps - inPhrase, phraseSteps(next.phrase, ts));
    const notes = notesInWindow(next.phrase.notes, 0, more).map((n) => ({ ...n, pitch: n.pitch + next.transpose }));
    after = join(after, notes, chordsInWindow(next.phrase.chords, 0, more), inPhrase, more);
  }
  after = { ...after, notes: withoutAuthors(after.notes) };
  const followed = after.notes.length > 0;
  // Chord models hear chords after the span too: the phrase's own, else the span's last chord carried on.
  const spanChords = chordModel ? requestChords(phrase, span, fallbackChord) : undefined;
  const lastSpanChord = spanChords
    ? ([...spanChords].sort((a, b) => b.start - a.start).find((c) => c.start < steps)?.symbol ?? fallbackChord)
    : undefined;
  const afterChords = after.chords?.length
    ? after.chords
    : lastSpanChord
      ? [{ start: 0, symbol: lastSpanChord }]
      : undefined;

  const range = pitchRange
    ? { min: Math.max(pitchRange.low, info.range.min), max: Math.min(pitchRange.high, info.range.max) }
    : undefined;
  return {
    candidates: settings.candidates,
    oversample: settings.fillOversample,
    selection: 'best',
    steps,
    primer: before,
    temperature: settings.temperature,
    seed: settings.seed,
    scalePitchClasses: scaleLockClasses(song.key, settings.scaleLock),
    ...(range && range.max - range.min >= 11 ? { range } : {}),
    ...(spanChords ? { chords: spanChords } : {}),
    after: followed
      ? { notes: after.notes, steps: after.steps, ...(chordModel && afterChords ? { chords: afterChords } : {}) }
      : null,
    returnProbabilities: false,
    ...(followed
      ? {}
      : {
          ending: candidateEnding({
            song,
            phrase,
            from: span.start,
            to: span.end,
            endOnCadence: settings.endOnCadence,
            fallbackChord,
          }),
        }),
    ...(before ? {} : { startWithNote: true }),
  };
}
