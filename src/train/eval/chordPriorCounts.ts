/**
 * Counts the chord-transition prior from corpus tunes: the chord at each slot's first step (a bar, or half a
 * bar), as a class in scale degrees of the tune's key (core/harmony/chordClass.ts), chained from slot to slot;
 * a slot without a chord breaks the chain.
 */
import { chordClassOf } from '../../core/harmony/chordClass';
import type { ChordPrior, KeyFamily, SlotLength, TransitionCounts } from '../../core/harmony/chordPrior';
import type { ToneCounts } from '../../core/harmony/chordTones';
import { pitchClass } from '../../core/pitch';
import type { GridChord } from '../corpus/chordSymbols';
import { eventsToNotes } from '../corpus/melodyEvents';
import { tuneKey } from '../corpus/tuneKey';
import type { Tune } from '../corpus/tune';

/** The pitch classes of a grid chord's mask. */
export function maskPitchClasses(mask: number): number[] {
  return Array.from({ length: 12 }, (_, pc) => pc).filter((pc) => mask & (1 << pc));
}

/** The class of a grid chord in a key, or null for no chord. */
export function gridChordClass(chord: GridChord, tonic: number): string | null {
  return chord.root < 0 ? null : chordClassOf(chord.root, maskPitchClasses(chord.mask), tonic);
}

/** The chord at the first step of every slot of the tune. */
export function slotChords(tune: Tune, slotSteps: number): GridChord[] {
  const out: GridChord[] = [];
  for (let s = 0; s < tune.chords.length; s += slotSteps) out.push(tune.chords[s]);
  return out;
}

/** Adds the steps each melody pitch class sounds over each chord class of the tune. */
function countTones(tune: Tune, tonic: number, tones: ToneCounts): void {
  for (const note of eventsToNotes(tune.events)) {
    for (let s = note.start; s < note.end && s < tune.chords.length; s++) {
      const chord = gridChordClass(tune.chords[s], tonic);
      if (chord === null) continue;
      (tones[chord] ??= new Array<number>(12).fill(0))[pitchClass(note.pitch - tonic)]++;
    }
  }
}

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

function emptyCounts(): TransitionCounts {
  return { start: {}, end: {}, next: {} };
}

/** The prior counted from `tunes` (tunes without chords or notes are skipped). */
export function countChordPrior(tunes: Tune[], corpus: string): ChordPrior {
  const families: Record<KeyFamily, Record<SlotLength, TransitionCounts>> = {
    major: { bar: emptyCounts(), halfBar: emptyCounts() },
    minor: { bar: emptyCounts(), halfBar: emptyCounts() },
  };
  const tones: Record<KeyFamily, ToneCounts> = { major: {}, minor: {} };
  let used = 0;
  for (const tune of tunes) {
    const key = tuneKey(tune);
    if (!key || !tune.hasChords) continue;
    used++;
    countTones(tune, key.tonic, tones[key.family]);
    for (const slot of ['bar', 'halfBar'] as const) {
      const slotSteps = slot === 'bar' ? tune.stepsPerBar : Math.max(1, Math.floor(tune.stepsPerBar / 2));
      const counts = families[key.family][slot];
      const classes = slotChords(tune, slotSteps).map((c) => gridChordClass(c, key.tonic));
      const present = classes.filter((c): c is string => c !== null);
      if (present.length === 0) continue;
      bump(counts.start, present[0]);
      bump(counts.end, present[present.length - 1]);
      const halves = slot === 'halfBar' && slotSteps * 2 === tune.stepsPerBar;
      for (let i = 1; i < classes.length; i++) {
        const from = classes[i - 1];
        const to = classes[i];
        if (from === null || to === null) continue;
        bump((counts.next[from] ??= {}), to);
        if (!halves) continue;
        const table = i % 2 === 1 ? (counts.within ??= {}) : (counts.across ??= {});
        bump((table[from] ??= {}), to);
      }
    }
  }
  return { format: 'phrasewright-chord-prior', version: 1, source: { corpus, tunes: used }, families, tones };
}
