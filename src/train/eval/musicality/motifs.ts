/**
 * Motifs as the issue defines them: four consecutive notes, described by their 3 intervals and 3 onset gaps
 * (so a motif is the same when transposed, not when its rhythm changes). Reuse is how much of a phrase is
 * made of the primer's motifs, what a musician hears as the continuation remembering the opening.
 */
import type { GridNote } from '../../corpus/melodyEvents';

/**
 * What makes two four-note windows the same motif: the same 3 intervals and 3 onset gaps at any pitch level (the
 * issue's definition, the default), or the same pitches and gaps (a restatement at the same pitch level, never a
 * sequence moved to another degree, which copied interval for interval can leave the key).
 */
export type MotifIdentity = 'intervals' | 'pitches';

/** The motif keys of every window of four consecutive notes, in order (with repeats). */
export function motifKeys(notes: GridNote[], identity: MotifIdentity = 'intervals'): string[] {
  const keys: string[] = [];
  for (let i = 0; i + 3 < notes.length; i++) {
    const w = notes.slice(i, i + 4);
    const gaps = [1, 2, 3].map((k) => w[k].start - w[k - 1].start);
    const shape = identity === 'pitches' ? w.map((n) => n.pitch) : [1, 2, 3].map((k) => w[k].pitch - w[k - 1].pitch);
    keys.push(`${shape.join(',')}|${gaps.join(',')}`);
  }
  return keys;
}

/**
 * The steps a motif's continuation spans in window `w` (from its second note's onset to its fourth's, both
 * included): the steps where predicting the next event means carrying the motif on.
 */
export function motifContinuation(notes: GridNote[], w: number): { from: number; to: number } {
  return { from: notes[w + 1].start, to: notes[w + 3].start };
}

/** Marks the steps of window `w`'s motif continuation (motifContinuation) with 1. */
export function markMotifContinuation(marks: Uint8Array, notes: GridNote[], w: number): void {
  const { from, to } = motifContinuation(notes, w);
  for (let s = from; s <= to; s++) marks[s] = 1;
}

/** Share of the phrase's four-note motifs that also occur in the primer; 0 when the phrase has none. */
export function motifReuse(phrase: GridNote[], primer: GridNote[]): number {
  const own = motifKeys(phrase);
  if (own.length === 0) return 0;
  const known = new Set(motifKeys(primer));
  return own.filter((k) => known.has(k)).length / own.length;
}

/**
 * Per bar of the phrase (by its first note's onset): how many of the phrase's motifs start there and how many
 * of those occur in the primer. Pooled over phrases, it shows where a continuation returns to its opening
 * (real folk tunes mostly four bars on) and whether a model does the same.
 */
export function motifReuseByBar(
  phrase: GridNote[],
  primer: GridNote[],
  stepsPerBar: number,
  bars: number,
): { motifs: number[]; reused: number[] } {
  const motifs = new Array<number>(bars).fill(0);
  const reused = new Array<number>(bars).fill(0);
  const known = new Set(motifKeys(primer));
  motifKeys(phrase).forEach((key, w) => {
    const bar = Math.floor(phrase[w].start / stepsPerBar);
    if (bar >= bars) return;
    motifs[bar]++;
    if (known.has(key)) reused[bar]++;
  });
  return { motifs, reused };
}
