/**
 * Musicality of a model's phrases (issue 13): for each prompt (prompts.ts) the model writes `samples`
 * phrases, an n-gram writes as many as a baseline, and both are compared feature by feature with the real
 * continuations. Plain data in, plain data out; sampling is passed in.
 */
import { NO_CHORD } from '../../corpus/chordSymbols';
import type { Rng } from '../../random';
import { eventsToNotes } from '../../corpus/melodyEvents';
import type { Tune } from '../../corpus/tune';
import { compareFeatures, type Comparison, type FeatureComparison, mean } from './compare';
import { motifReuseByBar } from './motifs';
import { phraseFeatures, type PhraseFeatures } from './phraseFeatures';
import { primerOf, realPhraseOf, type PhrasePrompt } from './prompts';

export interface MusicalityReport {
  prompts: number;
  samplesPerPrompt: number;
  bars: number;
  temperature: number;
  model: Comparison;
  ngram: Comparison;
  /** Real phrases of other tunes against the same real phrases (referenceComparison); absent in older reports. */
  reference?: Comparison;
  /** Mean motif reuse of the model's phrases, the n-gram's and the real ones. */
  motifReuse: number;
  ngramMotifReuse: number;
  motifReuseReal: number;
  /** Share of the motifs starting in each bar of the phrase that occur in the primer (pooled over phrases). */
  motifReuseByBar: { real: number[]; model: number[]; ngram: number[] };
}

/** Features of phrases written after each prompt (`phrases[i]` continues `prompts[i % prompts.length]`). */
export function featuresOf(prompts: PhrasePrompt[], phrases: ArrayLike<number>[]): PhraseFeatures[] {
  return phrases.map((p, i) => {
    const prompt = prompts[i % prompts.length];
    return phraseFeatures(p, primerOf(prompt), prompt.tune.stepsPerBar);
  });
}

/** Features of the prompts' real continuations. */
export function realFeatures(prompts: PhrasePrompt[]): PhraseFeatures[] {
  return featuresOf(prompts, prompts.map(realPhraseOf));
}

/** Motifs of the primer reused per bar of the phrases, pooled (`phrases[i]` continues `prompts[i % prompts.length]`). */
export function reuseByBar(prompts: PhrasePrompt[], phrases: ArrayLike<number>[], bars: number): number[] {
  const motifs = new Array<number>(bars).fill(0);
  const reused = new Array<number>(bars).fill(0);
  phrases.forEach((p, i) => {
    const prompt = prompts[i % prompts.length];
    const counts = motifReuseByBar(eventsToNotes(p), eventsToNotes(primerOf(prompt)), prompt.tune.stepsPerBar, bars);
    counts.motifs.forEach((n, bar) => {
      motifs[bar] += n;
      reused[bar] += counts.reused[bar];
    });
  });
  return motifs.map((n, bar) => (n ? reused[bar] / n : 0));
}

/** The report from the model's and the n-gram's phrases (each `samples` rounds over the prompts). */
export function musicalityReport(
  prompts: PhrasePrompt[],
  modelPhrases: ArrayLike<number>[],
  ngramPhrases: ArrayLike<number>[],
  o: {
    samples: number;
    bars: number;
    temperature: number;
    /** Other tunes' prompts for the reference column (referenceComparison) and the generator that draws them. */
    reference?: { others: PhrasePrompt[]; rng: Rng };
  },
): MusicalityReport {
  const real = realFeatures(prompts);
  const model = compareFeatures(real, featuresOf(prompts, modelPhrases));
  const ngram = compareFeatures(real, featuresOf(prompts, ngramPhrases));
  const reference =
    o.reference && o.reference.others.length > 0
      ? drawnReference(real, o.reference.others, modelPhrases.length, o.reference.rng)
      : undefined;
  const reuse = (c: Comparison) => c.features.find((f) => f.feature === 'motifReuse')!;
  return {
    prompts: prompts.length,
    samplesPerPrompt: o.samples,
    bars: o.bars,
    temperature: o.temperature,
    model,
    ngram,
    ...(reference ? { reference } : {}),
    motifReuse: reuse(model).generatedMean,
    ngramMotifReuse: reuse(ngram).generatedMean,
    motifReuseReal: reuse(model).realMean,
    motifReuseByBar: {
      real: reuseByBar(prompts, prompts.map(realPhraseOf), o.bars),
      model: reuseByBar(prompts, modelPhrases, o.bars),
      ngram: reuseByBar(prompts, ngramPhrases, o.bars),
    },
  };
}

/**
 * Real continuations of other tunes (`others`: the model's training tunes), drawn with replacement as many as
 * the model wrote, compared with the prompts' real continuations like the model's phrases are. Finite samples
 * never overlap 1, even from one distribution: this is what a model writing exactly like its corpus would
 * score, the ceiling the model's overlaps read against.
 */
export function referenceComparison(
  prompts: PhrasePrompt[],
  others: PhrasePrompt[],
  count: number,
  rng: Rng,
): Comparison {
  return drawnReference(realFeatures(prompts), others, count, rng);
}

/** referenceComparison against the prompts' real features, already measured. */
function drawnReference(real: PhraseFeatures[], others: PhrasePrompt[], count: number, rng: Rng): Comparison {
  const pool = featuresOf(others, others.map(realPhraseOf));
  const drawn = Array.from({ length: count }, () => pool[Math.floor(rng.next() * pool.length)]);
  return compareFeatures(real, drawn);
}

/**
 * The same model measured over several draws (eval `--seeds`): one seed's mean overlap moves by about +-0.02
 * (on POP909 nearly all of it the scale feature, where a few stray notes in ~600 phrases widen the kernel), so
 * choosing between models wants the mean over draws. `bySeed` holds each draw's mean overlap; `features` each
 * feature's overlap averaged over the draws.
 */
export interface SeedSpread {
  seeds: number[];
  bySeed: number[];
  meanOverlap: number;
  features: { feature: FeatureComparison['feature']; overlap: number }[];
}

/** SeedSpread of the comparisons of each draw, in the order of `seeds`. */
export function seedSpread(seeds: number[], draws: Comparison[]): SeedSpread {
  return {
    seeds,
    bySeed: draws.map((d) => d.meanOverlap),
    meanOverlap: mean(draws.map((d) => d.meanOverlap)),
    features: draws[0].features.map((f, i) => ({
      feature: f.feature,
      overlap: mean(draws.map((d) => d.features[i].overlap)),
    })),
  };
}

/** Tunes with their chords replaced by "no chord" everywhere (a chord model's NLL without chords). */
export function withoutChords(tunes: Tune[]): Tune[] {
  return tunes.map((t) => ({ ...t, chords: t.chords.map(() => NO_CHORD) }));
}
