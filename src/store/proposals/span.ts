import { stepsPerBar } from '../../core/meter';
import { LIMITS, type Note, type Phrase, type Steps, type TimeSignature } from '../../core/types';
import type { StepSpan } from '../types';

/**
 * Where the model writes in a phrase, so that the loop keeps what the musician wrote: inside the selection
 * when there is one; else after the last written note (the notes and the silences between them stay, and
 * the model continues from there); else, in an empty phrase, from its first step. Pure, shared by Propose
 * and every other model action that writes into the phrase (fill, harmonize), so they agree on the span.
 */

export type SpanChoice =
  { ok: true; span: StepSpan; from: 'selection' | 'after-notes' | 'empty-phrase' } | { ok: false; reason: string };

/** `span` clipped to [0, total); null when nothing of it is left. */
export function clipSpan(span: StepSpan | null | undefined, total: Steps): StepSpan | null {
  if (!span) return null;
  const start = Math.max(0, Math.min(total, Math.round(Math.min(span.start, span.end))));
  const end = Math.max(0, Math.min(total, Math.round(Math.max(span.start, span.end))));
  return end > start ? { start, end } : null;
}

/** First step after the last written note (0 for an empty phrase). */
export function writtenEnd(notes: readonly Note[]): Steps {
  return notes.reduce((end, n) => Math.max(end, n.start + n.length), 0);
}

/**
 * The span a proposal of `bars` bars writes: the selection (clipped to the phrase); else from the end of
 * the last written note to the bar line that makes it closest to `bars` bars long (so a partly written bar is
 * finished first, and a bar whose last note sits on its last beat asked for one bar more gets the next bar,
 * not the three sixteenths left of its own); else bars 1..`bars`. Never past the 8-bar limit; a full phrase
 * without a selection is refused with the reason.
 */
export function proposalSpan(
  phrase: Pick<Phrase, 'bars' | 'notes'>,
  selection: StepSpan | null | undefined,
  bars: number,
  ts: TimeSignature,
): SpanChoice {
  const perBar = stepsPerBar(ts);
  const longest = LIMITS.bars.max * perBar;
  const selected = clipSpan(selection, phrase.bars * perBar);
  if (selected) return { ok: true, span: selected, from: 'selection' };
  const wanted = Math.max(1, Math.round(bars));
  const after = writtenEnd(phrase.notes);
  if (after === 0)
    return { ok: true, span: { start: 0, end: Math.min(longest, wanted * perBar) }, from: 'empty-phrase' };
  const nextBarLine = Math.floor(after / perBar) + 1;
  const end = Math.min(longest, Math.max(nextBarLine, Math.round((after + wanted * perBar) / perBar)) * perBar);
  if (end <= after) {
    return {
      ok: false,
      reason: `The phrase is full (${LIMITS.bars.max} bars): select the steps you want the model to rewrite.`,
    };
  }
  return { ok: true, span: { start: after, end }, from: 'after-notes' };
}

/** Written notes a candidate over `span` would replace: those starting inside it and those sounding into it. */
export function notesUnderSpan(notes: readonly Note[], span: StepSpan): Note[] {
  return notes.filter(
    (n) => (n.start >= span.start && n.start < span.end) || (n.start < span.start && n.start + n.length > span.start),
  );
}

/**
 * The phrase's notes with `written` put into `span`: notes before it stay (one sounding into it is cut at its
 * start), notes starting inside it go, notes after it stay. `written` is relative to the span's start.
 */
export function notesWithSpan(notes: readonly Note[], span: StepSpan, written: readonly Note[]): Note[] {
  const before = notes
    .filter((n) => n.start < span.start)
    .map((n) => (n.start + n.length > span.start ? { ...n, length: span.start - n.start } : { ...n }));
  const inside = written
    .filter((n) => n.start >= 0 && n.start < span.end - span.start)
    .map((n) => ({ ...n, start: n.start + span.start, length: Math.min(n.length, span.end - span.start - n.start) }));
  const after = notes.filter((n) => n.start >= span.end).map((n) => ({ ...n }));
  return [...before, ...inside, ...after];
}
