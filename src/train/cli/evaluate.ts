/**
 * `npm run eval -- [--checkpoint DIR]`: scores a trained checkpoint on the validation split of its corpus
 * next to Kneser-Ney n-gram baselines (orders 1-6, trained on the same training split), then compares 100
 * generated phrases with the real continuations of the same primers. Writes eval.json and refreshes the
 * model card when the checkpoint has a training.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTrainingBackend } from '../backend';
import { eventClass } from '../corpus/melodyEvents';
import { CorpusFolderError, readCorpus } from '../corpus/readCorpus';
import { specFromConfig } from '../data/modelSpec';
import { readCheckpoint } from '../export/checkpointFiles';
import { updateCheckpointIndex, writeModelCard } from '../export/modelCard';
import { generate } from '../eval/generate';
import { KneserNeyModel, scoreNgram } from '../eval/kneserNey';
import { diatonicKey, histogramDistance, pitchClassHistogram, phraseStats } from '../eval/phraseStats';
import { scoreTunes } from '../eval/scoreModel';
import { shapeOfVariables } from '../model/rnnGraph';
import { createRng } from '../random';
import { num, parseArgs, str } from './args';
import { evaluateVaeCommand } from './evaluateVae';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (str(args, 'kind', 'melody') === 'vae') return evaluateVaeCommand(args);
  const dir = str(args, 'checkpoint', join('public/checkpoints', str(args, 'id', 'melody-rnn-v2')));
  if (!existsSync(join(dir, 'config.json'))) throw new CorpusFolderError(`no checkpoint (config.json) in ${dir}`);
  const trainingFile = join(dir, 'training.json');
  const training = existsSync(trainingFile) ? (JSON.parse(readFileSync(trainingFile, 'utf8')) as { corpus: { folder: string } }) : null;
  const corpusDir = str(args, 'corpus', training?.corpus.folder ?? '../shared/corpus/nottingham');
  const maxOrder = num(args, 'max-order', 6);
  const phrases = num(args, 'phrases', 100);
  const bars = num(args, 'bars', 4);
  const temperature = num(args, 'temperature', 1);
  const rng = createRng(num(args, 'seed', 7));

  await useTrainingBackend(str(args, 'backend', 'wasm') === 'cpu' ? 'cpu' : 'wasm');
  const { config, tensors } = readCheckpoint(dir);
  const spec = specFromConfig(config, shapeOfVariables(tensors).hidden);
  const corpus = readCorpus(corpusDir, { minPitch: spec.minPitch, maxPitch: spec.maxPitch, requireChords: spec.kind === 'chord' });
  console.log(`${dir}: ${spec.kind} model ${spec.hidden.join('x')}, aux ${spec.auxBits} bits; ${corpus.train.length} train / ${corpus.validation.length} validation tunes from ${corpusDir}`);

  const classes = (tunes: typeof corpus.train) => tunes.map((t) => Array.from(t.events, (e) => eventClass(e, spec.minPitch)));
  const trainSeqs = classes(corpus.train);
  const valSeqs = classes(corpus.validation);
  const depth = spec.maxPitch - spec.minPitch + 3;
  const ngrams = [];
  for (let order = 1; order <= maxOrder; order++) {
    ngrams.push({ order, ...scoreNgram(new KneserNeyModel(order, depth, trainSeqs), valSeqs) });
  }
  const t0 = performance.now();
  const model = await scoreTunes(tensors, spec, corpus.validation);
  const best = ngrams.reduce((a, b) => (b.nll < a.nll ? b : a));
  const reduction = 1 - model.nll / best.nll;

  console.log(`\nvalidation: ${model.events} predicted events in ${corpus.validation.length} whole tunes (model scored in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  console.log('model              NLL/event (nats)  next-event accuracy');
  console.log(`this checkpoint    ${model.nll.toFixed(4).padStart(16)}  ${(100 * model.accuracy).toFixed(1).padStart(18)}%`);
  for (const g of ngrams) console.log(`KN ${g.order}-gram         ${g.nll.toFixed(4).padStart(16)}  ${(100 * g.accuracy).toFixed(1).padStart(18)}%`);
  console.log(`model NLL is ${(100 * reduction).toFixed(1)}% below the best n-gram (order ${best.order}); target: at least 30%`);

  // Phrases: one-bar primers from bar lines of validation tunes, `bars` bars of continuation.
  const starts = corpus.validation.flatMap((tune) => {
    const out: { tune: typeof tune; start: number }[] = [];
    for (let s = 0; s + (bars + 1) * tune.stepsPerBar <= tune.events.length; s += tune.stepsPerBar) out.push({ tune, start: s });
    return out;
  });
  const picks = Array.from({ length: phrases }, () => starts[Math.floor(rng.next() * starts.length)]);
  const requests = picks.map(({ tune, start }) => ({
    primer: tune.events.slice(start, start + tune.stepsPerBar),
    chords: tune.chords.slice(start, start + (bars + 1) * tune.stepsPerBar),
    steps: bars * tune.stepsPerBar,
  }));
  const generated = await generate(tensors, spec, requests, temperature, rng);
  const real = picks.map(({ tune, start }) => tune.events.slice(start + tune.stepsPerBar, start + (bars + 1) * tune.stepsPerBar));
  const describe = (events: Int16Array[]) => events.map((e, i) => ({ events: e, key: diatonicKey(picks[i].tune.events), stepsPerBar: picks[i].tune.stepsPerBar }));
  const generation = {
    count: phrases,
    bars,
    temperature,
    pitchClassDistance: histogramDistance(pitchClassHistogram(generated), pitchClassHistogram(real)),
    generated: phraseStats(describe(generated)),
    corpus: phraseStats(describe(real)),
  };
  console.log(`\n${phrases} generated phrases (${bars} bars after a one-bar primer, T=${temperature}) vs the real continuations:`);
  console.log(`pitch-class histogram L1 distance ${generation.pitchClassDistance.toFixed(3)}`);
  console.log(`share of notes in key   generated ${generation.generated.inKey.toFixed(3)}   corpus ${generation.corpus.inKey.toFixed(3)}`);
  console.log(`notes per bar           generated ${generation.generated.notesPerBar.toFixed(2)}    corpus ${generation.corpus.notesPerBar.toFixed(2)}`);
  console.log(`repeated-bar ratio      generated ${generation.generated.repeatedBars.toFixed(3)}   corpus ${generation.corpus.repeatedBars.toFixed(3)}`);

  if (!args['no-write']) {
    const evaluation = { model, ngrams, bestNgramOrder: best.order, reductionVsBestNgram: reduction, validationTunes: corpus.validation.length, generation };
    writeFileSync(join(dir, 'eval.json'), JSON.stringify(evaluation, null, 1) + '\n');
    writeModelCard(dir);
    if (dir.startsWith('public/checkpoints/')) updateCheckpointIndex('public/checkpoints');
  }
}

main().catch((e) => {
  console.error(e instanceof CorpusFolderError ? e.message : `eval failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
