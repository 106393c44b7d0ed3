import { describe, expect, it } from 'vitest';
import { HOLD, RELEASE, notesToEvents, type GridNote } from '../../../src/train/corpus/melodyEvents';
import type { Tune } from '../../../src/train/corpus/tune';
import { compareFeatures } from '../../../src/train/eval/musicality/compare';
import { overlapArea, silvermanBandwidth } from '../../../src/train/eval/musicality/kdeOverlap';
import { motifKeys, motifReuse, motifReuseByBar } from '../../../src/train/eval/musicality/motifs';
import {
  grooveConsistency,
  leapShare,
  meanAbsInterval,
  meanInterOnset,
  phraseFeatures,
  pitchClassEntropy,
  pitchRange,
  scaleConsistency,
} from '../../../src/train/eval/musicality/phraseFeatures';
import { phrasePrompts, primerOf, realPhraseOf } from '../../../src/train/eval/musicality/prompts';
import { rewardFeatures } from '../../../src/train/eval/musicality/rewardFeatures';
import { referenceComparison, seedSpread } from '../../../src/train/eval/musicality/report';
import { createRng } from '../../../src/train/random';

/** Notes from [pitch, start, length] triples. */
const notes = (...spec: [number, number, number][]): GridNote[] =>
  spec.map(([pitch, start, len]) => ({ pitch, start, end: start + len }));

describe('musicality features of hand-made phrases', () => {
  const cMajorRun = notes([60, 0, 4], [62, 4, 4], [64, 8, 4], [65, 12, 4]);

  it('pitch-class entropy: one pitch class is 0 bits, four equally used are 2 bits', () => {
    expect(pitchClassEntropy(notes([60, 0, 2], [72, 4, 2], [48, 8, 2]))).toBe(0);
    expect(pitchClassEntropy(cMajorRun)).toBeCloseTo(2, 12);
    expect(pitchClassEntropy(notes([60, 0, 2], [60, 2, 2], [64, 4, 2], [64, 6, 2], [67, 8, 8]))).toBeCloseTo(
      -(0.4 * Math.log2(0.4) * 2 + 0.2 * Math.log2(0.2)),
      12,
    );
  });

  it('pitch range and mean absolute interval', () => {
    expect(pitchRange(cMajorRun)).toBe(5);
    expect(meanAbsInterval(cMajorRun)).toBeCloseTo(5 / 3, 12);
    expect(meanAbsInterval(notes([60, 0, 1], [72, 1, 1], [60, 2, 1]))).toBe(12);
    expect(meanAbsInterval(notes([60, 0, 1]))).toBe(0);
  });

  it('mean inter-onset interval counts steps between onsets, whatever the note lengths', () => {
    expect(meanInterOnset(cMajorRun)).toBe(4);
    expect(meanInterOnset(notes([60, 0, 1], [62, 2, 1], [64, 8, 8]))).toBe(4);
  });

  it('scale consistency: the best major or natural-minor scale', () => {
    expect(scaleConsistency(cMajorRun)).toBe(1);
    const whole = notes([60, 0, 2], [62, 2, 2], [64, 4, 2], [66, 6, 2], [68, 8, 2], [70, 10, 2]);
    expect(scaleConsistency(whole)).toBeCloseTo(4 / 6, 12); // a whole-tone scale: any diatonic scale holds 4 of its 6 notes
    expect(scaleConsistency(notes([57, 0, 2], [60, 2, 2], [63, 4, 2]))).toBe(1); // A C Eb: in C natural minor (Eb major)
  });

  it('groove consistency: identical bars 1, complementary onset patterns 0', () => {
    const bar = (onsets: number[]) => {
      const e = new Int16Array(16).fill(HOLD);
      for (const s of onsets) e[s] = 60;
      return e;
    };
    const same = Int16Array.from([...bar([0, 4, 8, 12]), ...bar([0, 4, 8, 12]), ...bar([0, 4, 8, 12])]);
    expect(grooveConsistency(same, 16)).toBe(1);
    const all = Array.from({ length: 16 }, (_, i) => i);
    expect(grooveConsistency(Int16Array.from([...bar(all), ...bar([])]), 16)).toBe(0);
    // Bars 1-2 differ in 2 steps, bars 2-3 in 0: 1 - (2/16 + 0)/2.
    expect(
      grooveConsistency(Int16Array.from([...bar([0, 8]), ...bar([0, 4, 8, 12]), ...bar([0, 4, 8, 12])]), 16),
    ).toBeCloseTo(1 - 1 / 16, 12);
    // Note-offs are not onsets.
    const withOffs = bar([0, 8]);
    withOffs[4] = RELEASE;
    expect(grooveConsistency(Int16Array.from([...withOffs, ...bar([0, 8])]), 16)).toBe(1);
  });

  it('leap share counts intervals larger than a fifth', () => {
    expect(leapShare(notes([60, 0, 1], [67, 1, 1], [75, 2, 1], [62, 3, 1]))).toBeCloseTo(2 / 3, 12);
    expect(leapShare(cMajorRun)).toBe(0);
  });

  it('motifs are 3 intervals + 3 onset gaps: a transposed motif is the same, a changed rhythm is not', () => {
    expect(motifKeys(cMajorRun)).toEqual(['2,2,1|4,4,4']);
    const transposed = notes([67, 0, 4], [69, 4, 4], [71, 8, 4], [72, 12, 4]);
    expect(motifReuse(transposed, cMajorRun)).toBe(1);
    const otherRhythm = notes([67, 0, 2], [69, 2, 2], [71, 4, 4], [72, 8, 4]);
    expect(motifReuse(otherRhythm, cMajorRun)).toBe(0);
    // Two windows, one of them the primer's motif.
    expect(motifReuse(notes([67, 0, 4], [69, 4, 4], [71, 8, 4], [72, 12, 4], [60, 16, 4]), cMajorRun)).toBe(0.5);
    expect(motifReuse(notes([60, 0, 4], [62, 4, 4]), cMajorRun)).toBe(0); // too short for a motif
  });

  it('motif reuse by bar counts each motif in the bar of its first note', () => {
    // Bar 0: four motifs, the first the primer's transposed; bar 1: the primer's own and three new; bar 2: one,
    // the primer's transposed again.
    const phrase = notes(
      [67, 0, 4],
      [69, 4, 4],
      [71, 8, 4],
      [72, 12, 4],
      [60, 16, 4],
      [62, 20, 4],
      [64, 24, 4],
      [65, 28, 4],
      [62, 32, 4],
      [64, 36, 4],
      [66, 40, 4],
      [67, 44, 4],
    );
    const { motifs, reused } = motifReuseByBar(phrase, cMajorRun, 16, 3);
    expect(motifs).toEqual([4, 4, 1]);
    expect(reused).toEqual([1, 1, 1]);
  });

  it('phraseFeatures reads an event list and measures reuse against the primer', () => {
    const primer = notesToEvents(cMajorRun, 32);
    const phrase = notesToEvents(notes([67, 0, 4], [69, 4, 4], [71, 8, 4], [72, 12, 4]), 64);
    const f = phraseFeatures(phrase, primer, 16);
    expect(f.notesPerBar).toBe(1);
    expect(f.motifReuse).toBe(1);
    expect(f.pitchRange).toBe(5);
  });

  it("the reward's shape features: reuse of the primer's motifs in each half of the phrase", () => {
    const primer = notesToEvents(cMajorRun, 32);
    // Bars 1-2 leap between C and G (new material), bars 3-4 restate the primer's run at G, then at C.
    const leaps = Array.from({ length: 8 }, (_, i): [number, number, number] => [i % 2 ? 67 : 60, i * 4, 4]);
    const runs = [67, 69, 71, 72, 60, 62, 64, 65].map((p, i): [number, number, number] => [p, 32 + i * 4, 4]);
    const phrase = notesToEvents(notes(...leaps, ...runs), 64);
    const f = rewardFeatures(phrase, primer, 16);
    expect(f.reuseFirstHalf).toBe(0); // 8 motifs start in bars 1-2, none the primer's
    expect(f.reuseSecondHalf).toBeCloseTo(2 / 5, 12); // of 5 in bars 3-4, the two runs
    expect(f.motifReuse).toBeCloseTo(2 / 13, 12); // the eval's features are all there, unchanged
    expect(f.pitchRange).toBe(phraseFeatures(phrase, primer, 16).pitchRange);
    // No motif in a half: 0, not NaN.
    expect(rewardFeatures(notesToEvents(notes([60, 0, 64]), 64), primer, 16).reuseSecondHalf).toBe(0);
  });
});

describe('overlapping area of Gaussian KDEs', () => {
  const rng = createRng(3);
  const gauss = (mean: number, sd: number, n: number) =>
    Array.from(
      { length: n },
      () => mean + sd * Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()),
    );

  it('identical samples overlap 1, even constant ones', () => {
    const a = gauss(0, 1, 200);
    expect(overlapArea(a, a.slice())).toBeCloseTo(1, 3);
    expect(overlapArea([1, 1, 1, 1], [1, 1, 1, 1])).toBeCloseTo(1, 3);
  });

  it('disjoint samples overlap about 0', () => {
    expect(overlapArea(gauss(0, 1, 200), gauss(50, 1, 200))).toBeLessThan(1e-6);
    expect(overlapArea([1, 1, 1], [2, 2, 2])).toBeLessThan(1e-6);
  });

  it('two normal samples one standard deviation apart overlap about 2Φ(-1/2) = 0.617', () => {
    expect(overlapArea(gauss(0, 1, 500), gauss(1, 1, 500))).toBeGreaterThan(0.55);
    expect(overlapArea(gauss(0, 1, 500), gauss(1, 1, 500))).toBeLessThan(0.68);
  });

  it('Silverman bandwidth: 0.9 min(sd, IQR/1.34) n^-1/5, falling back to sd when the IQR is 0', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const sd = Math.sqrt(110 / 12);
    expect(silvermanBandwidth(xs)).toBeCloseTo(0.9 * Math.min(sd, 4.5 / 1.34) * 10 ** -0.2, 12);
    const mostlyOne = [1, 1, 1, 1, 1, 1, 1, 1, 0.5, 1];
    expect(silvermanBandwidth(mostlyOne)).toBeGreaterThan(0);
  });

  it('compareFeatures gives each feature and the mean overlap: a phrase set against itself overlaps 1', () => {
    const primer = notesToEvents(notes([60, 0, 4], [62, 4, 4], [64, 8, 4], [65, 12, 4]), 32);
    const phrases = [0, 1, 2, 3, 4, 5].map((k) =>
      phraseFeatures(notesToEvents(notes([60 + k, 0, 2], [64, 2 + k, 2], [67, 8, 4], [72 - k, 16, 8]), 64), primer, 16),
    );
    const c = compareFeatures(phrases, phrases);
    expect(c.features).toHaveLength(9);
    expect(c.meanOverlap).toBeCloseTo(1, 3);
  });

  it('seedSpread averages each draw and each feature over the draws, keeping the seeds in order', () => {
    const primer = notesToEvents(notes([60, 0, 4], [62, 4, 4], [64, 8, 4], [65, 12, 4]), 32);
    const phrase = (k: number) =>
      phraseFeatures(notesToEvents(notes([60 + k, 0, 2], [64, 2 + k, 2], [67, 8, 4], [72 - k, 16, 8]), 64), primer, 16);
    const real = [0, 1, 2, 3, 4, 5].map(phrase);
    const same = compareFeatures(real, real);
    const shifted = compareFeatures(real, [3, 4, 5, 6, 7, 8].map(phrase));
    const spread = seedSpread([7, 8], [same, shifted]);
    expect(spread.seeds).toEqual([7, 8]);
    expect(spread.bySeed).toEqual([same.meanOverlap, shifted.meanOverlap]);
    expect(spread.meanOverlap).toBeCloseTo((same.meanOverlap + shifted.meanOverlap) / 2, 12);
    expect(shifted.meanOverlap).toBeLessThan(same.meanOverlap);
    spread.features.forEach((f, i) => {
      expect(f.feature).toBe(same.features[i].feature);
      expect(f.overlap).toBeCloseTo((same.features[i].overlap + shifted.features[i].overlap) / 2, 12);
    });
  });
});

describe('phrase prompts', () => {
  it('start at the first bar with a note on its downbeat and need primer + phrase bars after it', () => {
    const events = new Int16Array(16 * 8).fill(HOLD);
    events[12] = 67; // pickup: bar 0 has no downbeat note
    events[16] = 60;
    events[36] = 62;
    const tune: Tune = {
      name: 't',
      events,
      chords: [],
      hasChords: false,
      stepsPerBar: 16,
      offGridNotes: 0,
      melodyNotes: 3,
    };
    const [p] = phrasePrompts([tune, { ...tune, events: events.slice(0, 16 * 6) }]);
    expect(phrasePrompts([tune, { ...tune, events: events.slice(0, 16 * 6) }])).toHaveLength(1);
    expect(p.start).toBe(16);
    expect(primerOf(p)).toHaveLength(32);
    expect(primerOf(p)[0]).toBe(60);
    expect(realPhraseOf(p)).toHaveLength(64);
  });
});

describe('reference comparison (real phrases of other tunes)', () => {
  /** A 6-bar tune: a C major primer, then four bars of `phrase` notes. */
  const tune = (name: string, phrase: GridNote[]): Tune => ({
    name,
    events: notesToEvents([...notes([60, 0, 4], [62, 4, 4], [64, 8, 8], [67, 16, 16]), ...phrase], 96),
    chords: [],
    hasChords: false,
    stepsPerBar: 16,
    offGridNotes: 0,
    melodyNotes: 8,
  });
  const stepwise = (k: number) =>
    notes([60 + k, 32, 4], [62 + k, 36, 4], [64, 40, 8], [65, 48, 16], [67, 64, 8], [65, 72, 8], [64, 80, 16]);
  const leaping = (k: number) =>
    notes([48 + k, 32, 2], [72, 34, 2], [50, 36, 2], [75, 38, 2], [49, 40, 4], [80, 44, 20], [55, 64, 32]);

  it('draws as many phrases as asked, only from the other tunes, seeded', () => {
    const prompts = phrasePrompts([0, 1, 2].map((k) => tune(`p${k}`, stepwise(k))));
    const one = phrasePrompts([tune('o', stepwise(5))]);
    const c = referenceComparison(prompts, one, 9, createRng(1));
    expect(c.phrases).toBe(9);
    const own = compareFeatures(
      [0, 1, 2].map((k) => phraseFeatures(realPhraseOf(prompts[k]), primerOf(prompts[k]), 16)),
      [phraseFeatures(realPhraseOf(one[0]), primerOf(one[0]), 16)],
    );
    c.features.forEach((f, i) => expect(f.generatedMean).toBeCloseTo(own.features[i].generatedMean, 12));
    const others = phrasePrompts([3, 4, 5, 6].map((k) => tune(`o${k}`, stepwise(k))));
    expect(referenceComparison(prompts, others, 9, createRng(2))).toEqual(
      referenceComparison(prompts, others, 9, createRng(2)),
    );
  });

  it('is high for tunes written alike and far below for tunes that leap about', () => {
    const prompts = phrasePrompts([0, 1, 2, 3].map((k) => tune(`p${k}`, stepwise(k))));
    const alike = phrasePrompts([0, 1, 2, 3].map((k) => tune(`a${k}`, stepwise(k))));
    const unlike = phrasePrompts([0, 1, 2, 3].map((k) => tune(`u${k}`, leaping(k))));
    const near = referenceComparison(prompts, alike, 400, createRng(3)).meanOverlap;
    const far = referenceComparison(prompts, unlike, 400, createRng(3)).meanOverlap;
    // Four real phrases against 400 draws: the bandwidths differ (n^-1/5), so even alike tunes stay below 1.
    expect(near).toBeGreaterThan(0.65);
    expect(far).toBeLessThan(0.35);
  });
});
