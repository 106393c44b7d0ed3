import { Note } from 'tonal';
import { isChordSymbol, isNoChord, parseChordSymbol } from '../chords';
import { child, el, numberOf, textOf, type XmlElement } from './xml';

/**
 * Chord symbols as MusicXML `<harmony>`: the root (step and alter), the kind (MusicXML's fixed list, with
 * the symbol's own suffix kept in `text` so "m7" stays "m7"), and a slash bass. Reading takes the
 * `text` when it makes a chord this app knows, else builds the suffix from the kind.
 */

/** Symbol suffixes by MusicXML kind (the reverse of KIND_BY_SUFFIX, one spelling each). */
const SUFFIX_BY_KIND: Record<string, string> = {
  major: '',
  minor: 'm',
  augmented: 'aug',
  diminished: 'dim',
  dominant: '7',
  'major-seventh': 'maj7',
  'minor-seventh': 'm7',
  'diminished-seventh': 'dim7',
  'augmented-seventh': '7#5',
  'half-diminished': 'm7b5',
  'major-minor': 'mMaj7',
  'major-sixth': '6',
  'minor-sixth': 'm6',
  'dominant-ninth': '9',
  'major-ninth': 'maj9',
  'minor-ninth': 'm9',
  'dominant-11th': '11',
  'major-11th': 'maj11',
  'minor-11th': 'm11',
  'dominant-13th': '13',
  'major-13th': 'maj13',
  'minor-13th': 'm13',
  'suspended-second': 'sus2',
  'suspended-fourth': 'sus4',
  power: '5',
};

const KIND_BY_SUFFIX: Record<string, string> = {
  ...Object.fromEntries(Object.entries(SUFFIX_BY_KIND).map(([kind, suffix]) => [suffix, kind])),
  M: 'major',
  maj: 'major',
  min: 'minor',
  '-': 'minor',
  '+': 'augmented',
  '°': 'diminished',
  o: 'diminished',
  M7: 'major-seventh',
  maj7: 'major-seventh',
  Maj7: 'major-seventh',
  '^7': 'major-seventh',
  min7: 'minor-seventh',
  '-7': 'minor-seventh',
  o7: 'diminished-seventh',
  '°7': 'diminished-seventh',
  ø: 'half-diminished',
  ø7: 'half-diminished',
  mM7: 'major-minor',
  sus: 'suspended-fourth',
};

const STEP_PATTERN = /^([A-G])(#{1,2}|b{1,2})?/;

function stepAndAlter(name: string): { step: string; alter: number } | null {
  const match = STEP_PATTERN.exec(name);
  if (!match) return null;
  const accidental = match[2] ?? '';
  return { step: match[1], alter: accidental.startsWith('#') ? accidental.length : -accidental.length };
}

function noteName(step: string, alter: number): string {
  return step + (alter > 0 ? '#'.repeat(Math.min(alter, 2)) : 'b'.repeat(Math.min(-alter, 2)));
}

/** A chord symbol moved by `semitones` ("Am7/G" + 2 → "Bm7/A"), spelled with sharps going up and flats going down. */
export function transposeChordSymbol(symbol: string, semitones: number): string {
  if (semitones === 0 || isNoChord(symbol)) return symbol;
  const parsed = parseChordSymbol(symbol);
  if (!parsed) return symbol;
  const move = (name: string) => {
    const midi = (Note.chroma(name) as number) + semitones + 120;
    const names =
      semitones > 0
        ? ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B']
        : ['C', 'Db', 'D', 'Eb', 'E', 'F', 'Gb', 'G', 'Ab', 'A', 'Bb', 'B'];
    return names[midi % 12];
  };
  const slash = symbol.lastIndexOf('/');
  const upper = slash > 0 ? symbol.slice(0, slash) : symbol;
  const root = STEP_PATTERN.exec(upper.trim())?.[0] ?? parsed.root;
  const suffix = upper.trim().slice(root.length);
  return `${move(root)}${suffix}${parsed.bass ? `/${move(parsed.bass)}` : ''}`;
}

/** The `<harmony>` for a symbol ("N.C." is kind none), placed `offset` divisions after the note it precedes. */
export function harmonyElement(symbol: string, offset = 0): XmlElement {
  const offsetElement = offset > 0 ? el('offset', {}, offset) : null;
  const parsed = isNoChord(symbol) ? null : parseChordSymbol(symbol);
  if (!parsed) {
    return el(
      'harmony',
      {},
      el('root', {}, el('root-step', {}, 'C')),
      el('kind', { text: 'N.C.' }, 'none'),
      offsetElement,
    );
  }
  const slash = symbol.lastIndexOf('/');
  const upper = (slash > 0 ? symbol.slice(0, slash) : symbol).trim();
  const rootName = STEP_PATTERN.exec(upper)?.[0] ?? parsed.root;
  const suffix = upper.slice(rootName.length);
  const root = stepAndAlter(rootName) ?? { step: 'C', alter: 0 };
  const bass = parsed.bass ? stepAndAlter(parsed.bass) : null;
  const kind = KIND_BY_SUFFIX[suffix] ?? 'other';
  return el(
    'harmony',
    {},
    el('root', {}, el('root-step', {}, root.step), root.alter !== 0 ? el('root-alter', {}, root.alter) : null),
    el('kind', { text: suffix }, kind),
    bass
      ? el('bass', {}, el('bass-step', {}, bass.step), bass.alter !== 0 ? el('bass-alter', {}, bass.alter) : null)
      : null,
    offsetElement,
  );
}

/** The chord symbol a `<harmony>` spells, or null when it names no chord this app can play (kind none is "N.C."). */
export function harmonySymbol(harmony: XmlElement): string | null {
  const kindElement = child(harmony, 'kind');
  const kind = textOf(kindElement);
  if (kind === 'none') return 'N.C.';
  const step = textOf(child(harmony, 'root', 'root-step'));
  if (!/^[A-G]$/.test(step)) return null;
  const root = noteName(step, Math.round(numberOf(child(harmony, 'root', 'root-alter')) ?? 0));
  const bassStep = textOf(child(harmony, 'bass', 'bass-step'));
  const bass = /^[A-G]$/.test(bassStep)
    ? `/${noteName(bassStep, Math.round(numberOf(child(harmony, 'bass', 'bass-alter')) ?? 0))}`
    : '';
  const text = kindElement?.attributes.text;
  const candidates = [
    text !== undefined ? `${root}${text}${bass}` : null,
    `${root}${SUFFIX_BY_KIND[kind] ?? ''}${bass}`,
    `${root}${SUFFIX_BY_KIND[kind] ?? ''}`,
    root,
  ];
  return candidates.find((c): c is string => c !== null && isChordSymbol(c)) ?? null;
}
