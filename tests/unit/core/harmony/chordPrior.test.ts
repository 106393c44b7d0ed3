import { describe, expect, it } from 'vitest';
import { CHORD_CLASS_COUNT, QUALITY_CLASSES, symbolClass } from '../../../../src/core/harmony/chordClass';
import { parseChordPrior, TransitionPrior, type ChordPrior } from '../../../../src/core/harmony/chordPrior';

const prior = (
  next: Record<string, Record<string, number>>,
  start: Record<string, number> = {},
  end: Record<string, number> = {},
): ChordPrior => ({
  format: 'phrasewright-chord-prior',
  version: 1,
  source: { corpus: 'test', tunes: 1 },
  families: { major: { bar: { start, end, next } } },
});

describe('chord classes count in scale degrees', () => {
  it('names a chord by its root above the tonic and its quality, the same in every key', () => {
    expect(symbolClass('G7', 0)).toBe('7:7');
    expect(symbolClass('D7', 7)).toBe('7:7'); // V7 in G as in C
    expect(symbolClass('Am', 0)).toBe('9:m');
    expect(symbolClass('Bb', 0)).toBe('10:maj');
    expect(symbolClass('Dm7', 0)).toBe('2:m7');
    expect(symbolClass('Bm7b5', 0)).toBe('11:m7b5');
    expect(symbolClass('C/E', 0)).toBe('0:maj');
    expect(symbolClass('N.C.', 0)).toBeNull();
    expect(CHORD_CLASS_COUNT).toBe(12 * QUALITY_CLASSES.length);
  });
});

describe('the transition prior', () => {
  it('prefers what the corpus did, keeps the unseen possible, and sums to one over every class', () => {
    const p = new TransitionPrior(
      prior({ '7:7': { '0:maj': 30, '9:m': 5 }, '0:maj': { '5:maj': 10, '7:7': 10 } }),
      'major',
      'bar',
    );
    expect(p.transition('7:7', '0:maj')).toBeGreaterThan(p.transition('7:7', '9:m'));
    expect(p.transition('7:7', '9:m')).toBeGreaterThan(p.transition('7:7', '2:m'));
    expect(Number.isFinite(p.transition('7:7', '6:dim'))).toBe(true);
    const classes = Array.from({ length: 12 }, (_, d) => QUALITY_CLASSES.map((q) => `${d}:${q}`)).flat();
    const total = classes.reduce((s, to) => s + Math.exp(p.transition('7:7', to)), 0);
    expect(total).toBeCloseTo(1, 6);
    // A chord never seen as a "from" backs off to how often chords occur at all.
    expect(p.transition('3:maj', '0:maj')).toBeGreaterThan(p.transition('3:maj', '4:m'));
  });

  it('falls back from half bars to bars and to the other family, and scores nothing without a prior', () => {
    const p = new TransitionPrior(prior({ '0:maj': { '7:maj': 9 } }), 'minor', 'halfBar');
    expect(p.transition('0:maj', '7:maj')).toBeGreaterThan(p.transition('0:maj', '2:m'));
    const none = new TransitionPrior(null, 'major', 'bar');
    expect(none.transition('0:maj', '7:maj')).toBe(none.transition('0:maj', '2:m'));
    expect(none.end('0:maj')).toBe(0);
  });

  it('scores half-bar transitions by their place when the prior has them apart, and by the whole table when not', () => {
    const halves: ChordPrior = {
      ...prior({}),
      families: {
        major: {
          halfBar: {
            start: {},
            end: {},
            next: { '0:maj': { '0:maj': 10, '5:maj': 10 } },
            within: { '0:maj': { '0:maj': 9, '5:maj': 1 } },
            across: { '0:maj': { '0:maj': 1, '5:maj': 9 } },
          },
        },
      },
    };
    const p = new TransitionPrior(halves, 'major', 'halfBar');
    expect(p.transition('0:maj', '0:maj', 'within')).toBeGreaterThan(p.transition('0:maj', '5:maj', 'within'));
    expect(p.transition('0:maj', '5:maj', 'across')).toBeGreaterThan(p.transition('0:maj', '0:maj', 'across'));
    expect(p.transition('0:maj', '0:maj')).toBeCloseTo(p.transition('0:maj', '5:maj'), 9);
    // An older file without the places: every place reads the whole table.
    const old = new TransitionPrior(prior({ '0:maj': { '5:maj': 9 } }), 'major', 'halfBar');
    expect(old.transition('0:maj', '5:maj', 'within')).toBe(old.transition('0:maj', '5:maj'));
    expect(() =>
      parseChordPrior({
        ...halves,
        families: { major: { halfBar: { ...halves.families.major!.halfBar!, within: { a: { b: -1 } } } } },
      }),
    ).toThrow(/malformed/);
  });

  it('rewards ending on the chords tunes end on', () => {
    const p = new TransitionPrior(
      prior({ '0:maj': { '7:maj': 5 }, '7:maj': { '0:maj': 5 } }, {}, { '0:maj': 10 }),
      'major',
      'bar',
    );
    expect(p.end('0:maj')).toBeGreaterThan(p.end('7:maj'));
  });

  it('refuses a file that is not a prior', () => {
    expect(() => parseChordPrior({ format: 'x' })).toThrow(/not a phrasewright chord prior/);
    expect(() =>
      parseChordPrior({ ...prior({}), families: { major: { bar: { start: { a: -1 }, end: {}, next: {} } } } }),
    ).toThrow(/malformed/);
    expect(parseChordPrior(JSON.parse(JSON.stringify(prior({ '0:maj': { '5:maj': 1 } }))))).toBeTruthy();
  });
});
