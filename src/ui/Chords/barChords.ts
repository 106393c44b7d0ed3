import { isChordSymbol, isNoChord } from '../../core/chords';
import type { ChordEvent, Steps } from '../../core/types';

/**
 * The chord picker's text per bar ("Am G" = two chords splitting the bar) and back. Pure, so the parsing
 * rules are tested without React.
 */

/** The symbols starting in each bar, space-separated. */
export function chordTextPerBar(chords: readonly ChordEvent[] | undefined, bars: number, perBar: Steps): string[] {
  const texts: string[][] = Array.from({ length: bars }, () => []);
  for (const c of [...(chords ?? [])].sort((a, b) => a.start - b.start)) {
    const bar = Math.floor(c.start / perBar);
    if (bar >= 0 && bar < bars) texts[bar].push(c.symbol);
  }
  return texts.map((t) => t.join(' '));
}

export type BarParse = { ok: true; chords: ChordEvent[] } | { ok: false; reason: string };

/** Reads one bar's text into chords spread evenly over the bar; unknown symbols are refused by name. */
export function parseBarChords(text: string, bar: number, perBar: Steps): BarParse {
  const symbols = text.split(/[\s,|]+/).filter((s) => s !== '');
  if (symbols.length > perBar) return { ok: false, reason: `At most ${perBar} chords fit in a bar` };
  const bad = symbols.filter((s) => !isNoChord(s) && !isChordSymbol(s));
  if (bad.length)
    return { ok: false, reason: `"${bad[0]}" is not a chord symbol this app knows (try Am, G7, Fmaj7, C/E or N.C.)` };
  const span = symbols.length ? Math.floor(perBar / symbols.length) : perBar;
  return { ok: true, chords: symbols.map((symbol, i) => ({ start: bar * perBar + i * span, symbol })) };
}

/** The phrase's chords with bar `bar` replaced by `barChords`. */
export function replaceBar(
  chords: readonly ChordEvent[] | undefined,
  bar: number,
  perBar: Steps,
  barChords: ChordEvent[],
): ChordEvent[] {
  const others = (chords ?? []).filter((c) => Math.floor(c.start / perBar) !== bar);
  return [...others, ...barChords].sort((a, b) => a.start - b.start);
}
