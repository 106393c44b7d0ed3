import type { ChordEvent } from '../../core/types';

/**
 * The phrase's chords with [from, to) replaced by `written`; a chord that was sounding at `to` (and the phrase
 * goes on past `to`) starts again there, so the bars after the suggestion keep their harmony.
 */
export function replaceChords(
  chords: readonly ChordEvent[] | undefined,
  from: number,
  to: number,
  written: ChordEvent[],
  total: number,
): ChordEvent[] {
  const kept = (chords ?? []).filter((c) => c.start < from || c.start >= to);
  const sounding = [...(chords ?? [])].filter((c) => c.start < to).sort((a, b) => b.start - a.start)[0];
  const resumes =
    sounding && to < total && !kept.some((c) => c.start === to) ? [{ start: to, symbol: sounding.symbol }] : [];
  return [...kept, ...written, ...resumes].sort((a, b) => a.start - b.start);
}
