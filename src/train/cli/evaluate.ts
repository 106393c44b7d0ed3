/**
 * `npm run eval -- [--checkpoint DIR] [--corpus DIR] [--compare DIR] [--write-card]`: scores a checkpoint
 * next to Kneser-Ney n-gram baselines (orders 1..--max-order) and measures the musicality of its phrases
 * against the real continuations, with the n-gram's phrases as a baseline in the same run. On the folder the
 * model was trained on, the validation split is evaluated; on any other folder, every tune in it (no split),
 * while the n-grams are still trained on the model's own training tunes (training.json) so the figures
 * compare like for like. The last line is `RESULT {json}`. eval.json and MODEL_CARD.md are rewritten only
 * with --write-card. `--max-tunes N` / `--stride K` / `--steps-per-bar N` (one meter) score a subset for quick sweeps
 * (never with --write-card).
 * `--seeds 7,8,9,10` also draws the model's phrases with the other seeds and reports the mean overlap over the
 * draws (the first seed's figures are the run's, as with `--seed`). `--card-only` rewrites MODEL_CARD.md (and,
 * for a shipped model, index.json) from the folder's training.json and eval.json without scoring anything: for
 * after its known limits in training.json were edited.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useTrainingBackend } from '../backend';
import { classEvent, eventClass } from '../corpus/melodyEvents';
import { CorpusFolderError, readCorpus } from '../corpus/readCorpus';
import type { Tune } from '../corpus/tune';
import { specFromConfig } from '../data/modelSpec';
import { readCheckpoint } from '../export/checkpointFiles';
import { updateCheckpointIndex, writeModelCard } from '../export/modelCard';
import { generate } from '../eval/generate';
import { KneserNeyModel, scoreNgram } from '../eval/kneserNey';
import { FEATURE_LABELS } from '../eval/musicality/phraseFeatures';
import { phrasePrompts, phraseRequests } from '../eval/musicality/prompts';
import { compareFeatures } from '../eval/musicality/compare';
import {
  featuresOf,
  musicalityReport,
  realFeatures,
  type SeedSpread,
  seedSpread,
  withoutChords,
} from '../eval/musicality/report';
import { sampleNgram } from '../eval/ngramSample';
import { scoreTunes } from '../eval/scoreModel';
import { shapeOfVariables } from '../model/rnnGraph';
import { createRng } from '../random';
import { num, parseArgs, str } from './args';
import { runEvalTask } from '../eval/tasks';
import {
  asksForSubset,
  DEFAULT_CORPUS,
  defaultCheckpoint,
  type Split,
  sweepTunes,
  tunesOfSplit,
} from '../eval/taskSetup';
import { evaluateVaeCommand } from './evaluateVae';
import { SHIPPED_CHECKPOINTS } from '../export/shippedModels';

function loadModel(dir: string) {
  if (!existsSync(join(dir, 'config.json'))) throw new CorpusFolderError(`no checkpoint (config.json) in ${dir}`);
  const { config, tensors } = readCheckpoint(dir);
  const trainingFile = join(dir, 'training.json');
  const training = existsSync(trainingFile)
    ? (JSON.parse(readFileSync(trainingFile, 'utf8')) as {
        corpus?: { folder?: string };
        options?: { anchorCounter?: boolean };
      })
    : null;
  // A model trained with its counter anchored at the opening bar is scored the way it was trained.
  const anchorCounter = training?.options?.anchorCounter === true;
  return {
    dir,
    config,
    tensors,
    training,
    anchorCounter,
    spec: specFromConfig(config, shapeOfVariables(tensors).hidden),
  };
}

const SPLIT_LABELS: Record<Split, string> = {
  validation: 'its validation split',
  all: 'every tune: not the training folder, no split',
  train: 'its training split',
};

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Writes the folder's MODEL_CARD.md from its JSON files, and the shipped index when it is a shipped model. */
function rewriteCard(dir: string): void {
  if (!existsSync(join(dir, 'eval.json')))
    throw new CorpusFolderError(`${dir} has no eval.json: run the eval with --write-card first`);
  writeModelCard(dir);
  if (resolve(dir).startsWith(resolve(SHIPPED_CHECKPOINTS))) updateCheckpointIndex(SHIPPED_CHECKPOINTS);
  console.log(`wrote ${join(dir, 'MODEL_CARD.md')}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.task !== undefined) return runEvalTask(args);
  if (str(args, 'kind', 'melody') === 'vae') return evaluateVaeCommand(args);
  const id = str(args, 'id', '');
  const dir = str(args, 'checkpoint', id ? join(SHIPPED_CHECKPOINTS, id) : '') || defaultCheckpoint('melody');
  if (args['card-only']) return rewriteCard(dir);
  const maxOrder = num(args, 'max-order', 6);
  const samples = num(args, 'samples', 3);
  const bars = num(args, 'bars', 4);
  const primerBars = num(args, 'primer-bars', 2);
  const temperature = num(args, 'temperature', 1);
  // --seeds 7,8,9,10: the first is the draw reported as before (as --seed), the others add the model's mean
  // overlap over draws (seedSpread) for choosing between models.
  const seeds = parseSeeds(args.seeds, num(args, 'seed', 7));
  const seed = seeds[0];

  // A model card reports every tune; a sweep's figures are for choosing a setting, not for the card.
  if (args['write-card'] && asksForSubset(args))
    throw new CorpusFolderError('--write-card reports every tune: leave out --max-tunes, --stride and --steps-per-bar');

  await useTrainingBackend(str(args, 'backend', 'wasm') === 'cpu' ? 'cpu' : 'wasm');
  const model = loadModel(dir);
  const { spec } = model;
  const trainingFolder: string = model.training?.corpus?.folder ?? DEFAULT_CORPUS;
  const corpusDir = str(args, 'corpus', trainingFolder);
  const sameCorpus = resolve(corpusDir) === resolve(trainingFolder);
  // No --split here: the n-grams train on the model's training tunes, so `--split train` would score them on
  // what they saw.
  const split: Split = sameCorpus ? 'validation' : 'all';
  const readOptions = { minPitch: spec.minPitch, maxPitch: spec.maxPitch, requireChords: spec.kind === 'chord' };
  const corpus = readCorpus(corpusDir, readOptions);
  const scored: Tune[] = tunesOfSplit(corpus, split);
  const tunes = sweepTunes(scored, args);
  const sweep = tunes.length < scored.length;
  const ngramTunes = sameCorpus ? corpus.train : readCorpus(trainingFolder, readOptions).train;
  if (tunes.length === 0)
    throw new CorpusFolderError(`no usable tunes in ${corpusDir} (${corpus.skipped.length} skipped)`);
  console.log(
    `${dir}: ${spec.kind} model ${spec.hidden.join('x')}${spec.attentionLength ? `, attention ${spec.attentionLength}` : ''}, aux ${spec.auxBits} bits\n` +
      `evaluating ${tunes.length} tunes of ${corpusDir} (${SPLIT_LABELS[split]}` +
      `${sweep ? `; a sweep: ${tunes.length} of ${scored.length}, by --max-tunes/--stride/--steps-per-bar` : ''}); ` +
      `n-grams trained on ${ngramTunes.length} training tunes of ${trainingFolder}`,
  );

  const classes = (list: Tune[]) => list.map((t) => Array.from(t.events, (e) => eventClass(e, spec.minPitch)));
  const depth = spec.maxPitch - spec.minPitch + 3;
  const trainSeqs = classes(ngramTunes);
  const evalSeqs = classes(tunes);
  const ngramModels: KneserNeyModel[] = [];
  const ngrams = [];
  for (let order = 1; order <= maxOrder; order++) {
    ngramModels.push(new KneserNeyModel(order, depth, trainSeqs));
    ngrams.push({ order, ...scoreNgram(ngramModels[order - 1], evalSeqs) });
  }
  const best = ngrams.reduce((a, b) => (b.nll < a.nll ? b : a));
  const t0 = performance.now();
  const score = await scoreTunes(model.tensors, spec, tunes, model.anchorCounter);
  const seconds = (performance.now() - t0) / 1000;
  const withoutChordsScore =
    spec.kind === 'chord' ? await scoreTunes(model.tensors, spec, withoutChords(tunes), model.anchorCounter) : null;
  let compare: { checkpoint: string; nll: number; accuracy: number } | null = null;
  if (typeof args.compare === 'string') {
    const other = loadModel(args.compare);
    compare = { checkpoint: other.dir, ...(await scoreTunes(other.tensors, other.spec, tunes, other.anchorCounter)) };
  }
  const reduction = 1 - score.nll / best.nll;

  console.log(
    `\nNLL: ${score.events} predicted events in ${tunes.length} whole tunes (model scored in ${seconds.toFixed(1)} s)`,
  );
  console.log('model                          NLL/event (nats)  next-event accuracy');
  const row = (name: string, s: { nll: number; accuracy: number }) =>
    console.log(`${name.padEnd(30)} ${s.nll.toFixed(4).padStart(16)}  ${pct(s.accuracy).padStart(19)}`);
  row('this checkpoint', score);
  if (withoutChordsScore) row('this checkpoint, no chords', withoutChordsScore);
  if (compare) row(compare.checkpoint.replace(/^public\/checkpoints\//, ''), compare);
  for (const g of ngrams) row(`KN ${g.order}-gram`, g);
  console.log(`model NLL is ${pct(reduction)} below the best n-gram (order ${best.order})`);
  if (withoutChordsScore)
    console.log(
      `with the tunes' chords: ${pct(1 - score.nll / withoutChordsScore.nll)} below the same model fed "no chord"`,
    );
  if (compare) console.log(`${pct(1 - score.nll / compare.nll)} below ${compare.checkpoint} on the same tunes`);

  // Musicality: `samples` phrases per prompt from the model (chords of the tune for chord models) and the best n-gram.
  const prompts = phrasePrompts(tunes, primerBars, bars);
  const rng = createRng(seed);
  const requests = phraseRequests(prompts, samples);
  const modelPhrases = await generate(model.tensors, spec, requests, temperature, rng);
  const ngramModel = ngramModels[best.order - 1];
  const ngramPhrases = requests.map((r) =>
    Int16Array.from(
      sampleNgram(
        ngramModel,
        Array.from(r.primer, (e) => eventClass(e, spec.minPitch)),
        r.steps,
        temperature,
        rng,
      ),
      (k) => classEvent(k, spec.minPitch),
    ),
  );
  const referencePrompts = phrasePrompts(ngramTunes, primerBars, bars);
  const musicality = musicalityReport(prompts, modelPhrases, ngramPhrases, {
    samples,
    bars,
    temperature,
    // Its own generator, so adding the reference changed none of the figures above.
    reference: { others: referencePrompts, rng: createRng(seed + 1) },
  });
  const reference = musicality.reference;
  console.log(
    `\nmusicality: ${prompts.length} prompts (${primerBars}-bar primer from the first bar with a downbeat note), ${samples} x ${bars}-bar phrases each at T=${temperature}, ` +
      `against the real next ${bars} bars; overlapping area of Gaussian KDEs (Silverman bandwidth)`,
  );
  if (reference)
    console.log(
      `reference: ${modelPhrases.length} real phrases drawn from the ${referencePrompts.length} prompts of the n-grams' training tunes, ` +
        'compared the same way (what writing exactly like that corpus scores; finite samples never give 1)',
    );
  const refCell = (x: number | undefined) => (x === undefined ? '' : x.toFixed(3).padStart(10));
  console.log(
    `${'feature'.padEnd(36)} ${'real'.padStart(7)} ${'model'.padStart(7)} ${`KN-${best.order}`.padStart(7)}  overlap: model  KN-${best.order}${reference ? '  reference' : ''}`,
  );
  musicality.model.features.forEach((f, i) => {
    const g = musicality.ngram.features[i];
    console.log(
      `${FEATURE_LABELS[f.feature].padEnd(36)} ${f.realMean.toFixed(3).padStart(7)} ${f.generatedMean.toFixed(3).padStart(7)} ${g.generatedMean.toFixed(3).padStart(7)}  ${f.overlap.toFixed(3).padStart(14)}  ${g.overlap.toFixed(3).padStart(5)} ${refCell(reference?.features[i].overlap)}`,
    );
  });
  console.log(
    `${'mean overlapping area'.padEnd(60)}  ${musicality.model.meanOverlap.toFixed(3).padStart(14)}  ${musicality.ngram.meanOverlap.toFixed(3).padStart(5)} ${refCell(reference?.meanOverlap)}`,
  );
  const byBar = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
  console.log(
    `motif reuse of the primer by phrase bar: real ${byBar(musicality.motifReuseByBar.real)}, model ${byBar(musicality.motifReuseByBar.model)}, KN-${best.order} ${byBar(musicality.motifReuseByBar.ngram)}`,
  );

  let spread: SeedSpread | null = null;
  if (seeds.length > 1) {
    const real = realFeatures(prompts);
    const draws = [musicality.model];
    for (const other of seeds.slice(1)) {
      // The model draws first from a fresh generator in a run of its own, so these equal `--seed other`'s.
      const phrases = await generate(model.tensors, spec, requests, temperature, createRng(other));
      draws.push(compareFeatures(real, featuresOf(prompts, phrases)));
    }
    const s = seedSpread(seeds, draws);
    spread = s;
    console.log(
      `mean overlap by seed: ${seeds.map((seedN, i) => `${seedN} ${s.bySeed[i].toFixed(3)}`).join(', ')}; mean ${s.meanOverlap.toFixed(3)}` +
        `\n  per feature over the seeds: ${s.features.map((f) => `${FEATURE_LABELS[f.feature]} ${f.overlap.toFixed(3)}`).join(', ')}`,
    );
  }

  if (args['write-card']) {
    const evaluation = {
      corpus: {
        folder: corpusDir,
        split,
        tunes: tunes.length,
        ngramTrainingTunes: ngramTunes.length,
      },
      model: score,
      ...(withoutChordsScore ? { withoutChords: withoutChordsScore } : {}),
      ...(compare ? { compare } : {}),
      ngrams,
      bestNgramOrder: best.order,
      reductionVsBestNgram: reduction,
      musicality,
      ...(spread ? { musicalitySeeds: spread } : {}),
    };
    writeFileSync(join(dir, 'eval.json'), JSON.stringify(evaluation, null, 1) + '\n');
    console.log(`\nwrote ${join(dir, 'eval.json')}`);
    rewriteCard(dir);
  }
  const result = {
    checkpoint: dir,
    tunes: tunes.length,
    nll: score.nll,
    accuracy: score.accuracy,
    bestNgramNll: best.nll,
    bestNgramOrder: best.order,
    meanOverlap: musicality.model.meanOverlap,
    motifReuse: musicality.motifReuse,
    motifReuseReal: musicality.motifReuseReal,
    ...(reference ? { referenceOverlap: reference.meanOverlap } : {}),
    ...(spread ? { overlapBySeed: spread.bySeed, meanOverlapOverSeeds: spread.meanOverlap } : {}),
    ...(withoutChordsScore ? { nllWithoutChords: withoutChordsScore.nll } : {}),
    ...(compare ? { compareCheckpoint: compare.checkpoint, compareNll: compare.nll } : {}),
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

/** `--seeds 7,8,9`: distinct integers, the first reported as the run's draw; else just `fallback`. */
function parseSeeds(value: string | boolean | undefined, fallback: number): number[] {
  if (typeof value !== 'string') return [fallback];
  const seeds = value.split(',').map((x) => Number(x.trim()));
  if (seeds.some((x) => !Number.isInteger(x)) || new Set(seeds).size !== seeds.length)
    throw new CorpusFolderError(`--seeds wants distinct integers separated by commas, got "${value}"`);
  return seeds;
}

main().catch((e) => {
  console.error(e instanceof CorpusFolderError ? e.message : `eval failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
