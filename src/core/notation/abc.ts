import { stepsPerBar } from '../meter';
import type { KeySignature } from '../types';
import { beatGroups, groupAt, groupBoundaries } from './beats';
import type { NotationModel } from './notationModel';
import { keySpelling, signatureMode, spellPitch, type Letter, type SpelledPitch } from './spelling';

/**
 * The notation model as ABC text (abcjs draws it): L:1/16 so a length is a count of steps, the key field
 * carries the signature and clef, and accidentals are written only where the key signature or an earlier
 * accidental in the same bar would otherwise make the note sound different.
 */

export interface AbcOptions {
  title?: string;
  /** Text written under a note's first symbol, by the note's index in the input (theory labels). */
  annotations?: ReadonlyMap<number, readonly string[]>;
  /** Bars per staff line (default 4). */
  barsPerLine?: number;
}

const MODE_SUFFIX: Record<ReturnType<typeof signatureMode>, string> = {
  major: '',
  minor: 'm',
  dorian: 'dor',
  phrygian: 'phr',
  lydian: 'lyd',
  mixolydian: 'mix',
  locrian: 'loc',
};

/** The ABC key field value: "G", "Em", "Ddor", "Bbm"; with a clef when it is not treble. */
export function abcKeyField(key: KeySignature, clef: 'treble' | 'bass' = 'treble'): string {
  const tonic = /^[A-Ga-g][#b]?$/.test(key.tonic) ? key.tonic[0].toUpperCase() + key.tonic.slice(1) : 'C';
  const field = `${tonic}${MODE_SUFFIX[signatureMode(key)]}`;
  return clef === 'bass' ? `${field} clef=bass` : field;
}

/** ABC pitch letters: C4 is "C", C5 "c", C6 "c'", C3 "C,". */
export function abcPitch(p: SpelledPitch): string {
  if (p.octave >= 5) return p.letter.toLowerCase() + "'".repeat(p.octave - 5);
  return p.letter + ','.repeat(Math.max(0, 4 - p.octave));
}

const ACCIDENTAL: Record<number, string> = { [-2]: '__', [-1]: '_', 0: '=', 1: '^', 2: '^^' };

function quoted(text: string): string {
  return text.replace(/["\\]/g, '');
}

/** Writes the model as an ABC tune. */
export function notationToAbc(model: NotationModel, options: AbcOptions = {}): string {
  const { signature } = keySpelling(model.key);
  const barsPerLine = Math.max(1, options.barsPerLine ?? 4);
  const ts = model.timeSignature;
  const header = [
    'X:1',
    ...(options.title ? [`T:${options.title.replace(/[\r\n]/g, ' ')}`] : []),
    `M:${ts.beats}/${ts.beatUnit}`,
    'L:1/16',
    `K:${abcKeyField(model.key, model.clef)}`,
  ];
  const annotated = new Set<number>();
  const lines: string[] = [];
  const perBar = stepsPerBar(ts);
  const bounds = groupBoundaries(beatGroups(ts));
  let line = '';
  model.bars.forEach((bar, b) => {
    // Accidentals in effect in this bar, per letter and octave (the key signature until one is written).
    const inEffect = new Map<string, number>();
    const tokens: string[] = [];
    // ABC beams notes written without a space between them: notes of one beat group are joined, a rest or a
    // new group starts a new word, so eighths and sixteenths are beamed by the beat as a printed score has them.
    let previous: { group: number; rest: boolean } | null = null;
    for (const event of bar.events) {
      let token = '';
      if (event.chord !== undefined) token += `"${quoted(event.chord)}"`;
      if (event.kind === 'rest' || event.pitch === undefined) {
        token += 'z';
      } else {
        const index = event.noteIndex ?? -1;
        const labels = options.annotations?.get(index);
        if (labels && !annotated.has(index)) {
          annotated.add(index);
          for (const label of labels) token += `"_${quoted(label)}"`;
        }
        const spelled = spellPitch(event.pitch, model.key);
        const slot = `${spelled.letter}${spelled.octave}`;
        const current = inEffect.get(slot) ?? signature[spelled.letter as Letter];
        if (current !== spelled.alter) token += ACCIDENTAL[spelled.alter] ?? '';
        inEffect.set(slot, spelled.alter);
        token += abcPitch(spelled);
      }
      if (event.length !== 1) token += String(event.length);
      if (event.tieToNext) token += '-';
      const group = groupAt(bounds, event.start % perBar).start;
      const rest = event.kind === 'rest' || event.pitch === undefined;
      const beamed = previous !== null && previous.group === group && !previous.rest && !rest;
      if (beamed) tokens[tokens.length - 1] += token;
      else tokens.push(token);
      previous = { group, rest };
    }
    const last = b === model.bars.length - 1;
    line += `${tokens.join(' ')} ${last ? '|]' : '|'}`;
    if (last || (b + 1) % barsPerLine === 0) {
      lines.push(line);
      line = '';
    } else {
      line += ' ';
    }
  });
  return [...header, ...lines].join('\n') + '\n';
}
