/**
 * `npm run train -- [options]`: trains a MusicRNN melody model (or a chord-conditioned one with
 * `--kind chord`) on a folder of MIDI files and writes a Magenta checkpoint. Run with --help for options.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nativeKernelsNote, useTrainingBackend } from '../backend';
import { CorpusFolderError, readCorpus } from '../corpus/readCorpus';
import { KEY_BLOCK_BARS, withInferredKeys } from '../corpus/inferredKeys';
import type { ModelSpec } from '../data/modelSpec';
import type { CopyMode, EchoMotifs } from '../data/echoSteps';
import { updateCheckpointIndex, writeModelCard } from '../export/modelCard';
import { FEATURE_NAMES } from '../eval/musicality/phraseFeatures';
import { REWARD_FEATURE_NAMES, SHAPE_FEATURE_NAMES, type RewardFeatureName } from '../eval/musicality/rewardFeatures';
import type { FeatureWeights } from '../eval/musicality/featureReward';
import { train } from '../trainer';
import { trainingCommands } from './trainingCommands';
import { num, parseArgs, str } from './args';
import { trainVaeCommand } from './trainVae';

const HELP = `npm run train -- [--kind melody|chord|vae] [--corpus DIR] [--id NAME] [--out DIR] [--style folk|pop]   (--kind vae --help: the MusicVAE's options)
  --corpus           a folder of MIDI files, or a POP909-style folder of song folders (found by its annotation files)
  --style            the style the checkpoint is listed under (default: pop for a POP909 folder, else folk)
  --hidden 256,256   LSTM layer sizes        --aux-bits 5     BinaryCounter bits (0 = none)
  --attention N      Magenta's attention RNN over the last N outputs (needs --hidden H,H,H)
  --window 64        steps per window        --batch 64       windows per batch
  --lr 0.002         Adam learning rate      --clip 5         gradient global-norm clip
  --max-minutes 35   wall-clock budget       --patience 6     validations without improvement before stopping
  --eval-every 100   steps between validations             --eval-windows 256  validation windows scored
  --max-shift 6      transposition augmentation (semitones) --seed 1
  --resume           continue from .train-cache/<id>       --max-steps N  stop after N steps
  --reset-lr         on resume, restart from --lr instead of the saved rate
  --halve-after 2    halve the rate after every N validations without improvement (0 = never: a stage started
                     from a trained model scores well at once, and its first steps of adapting are no plateau)
  --init-from DIR    start the LSTM layers (and output biases) from a trained checkpoint where shapes match
  --anneal-minutes N decay the rate 10x over the last N minutes of the budget (default 0: none)
  --anchor-counter   count the BinaryCounter from each tune's opening bar (first bar with a downbeat note),
                     as phrases count in the app, instead of from each window's start (--aux-bits 7: 8 bars of 4/4)
  --phrase-windows N start training windows at each tune's opening bar and every N bars after it (8: its
                     strains), so a window's fresh state meets a phrase start as a proposal after the musician's
                     opening does (default: every 2 bars from the tune's first step, one bar off after a pickup)
  --echo-weight 1    loss weight of steps that continue a motif heard earlier in the window (1 = plain)
  --echo-motifs intervals  what counts as heard earlier: intervals (the same 3 intervals and gaps at any pitch
                     level, as the musicality measure), pitches (the same pitches and gaps: exact restatements),
                     or repeats (inside a step-for-step repeat of 8+ steps with 3+ onsets, as --copy-sources repeats)
  --input-noise 0    share of note onsets inside a repeated motif fed to the model as a wrong note (1-2 semitones
                     off), the target kept: teaches it to get back to the motif after a wrong note of its own
  --dropout 0        training-time dropout of what each LSTM layer passes up (to the next layer or the output)
  --copy-weight 0    attention models: weight of a loss steering the attention, at steps that repeat a motif
                     still in its memory, to the step they repeat (the model's output is left to learn the copy)
  --copy-sources motifs  what that loss points at: motifs (repeated four-note motifs, from their second note)
                     or repeats (exact step-for-step repeats at any lag, runs of 8+ steps with 3+ onsets, from
                     their first step: teaches where a restatement starts)
  --return-weight 1  loss weight of the steps where an exact repeat (as above, within the memory's reach) starts,
                     up to its first note: where the model decides to restate (1 = plain)
  --return-lag-bars 0  only the repeats of what sounded exactly N bars earlier get that weight (4: a phrase
                     returning to its opening; 0 = any lag)
  --off-key-weight 1  loss weight (times the above) of targets that start a note outside the key annotated there
                     (POP909-style corpora; major or natural minor): below 1, the model leaves the key less often
  --off-key-penalty 0  weight of a loss -log(1 - P(a note outside the annotated key)) at every step with a key (the
                     real off-key target excepted): what the model leaks to wrong notes, which no target pays for.
                     A corpus without annotated keys (MIDI files) gets keys read off its notes: per 4 bars from the
                     opening bar, the major scale holding most of their onsets (corpus/inferredKeys.ts)
  --own-inputs 0     attention models: share of steps fed the model's own sampled event instead of the real one
                     (scheduled sampling; targets stay real), so it learns to continue from its own phrases
  --own-inputs-ramp  raise that share linearly from 0 at the start to --own-inputs at the end of the budget
  --average-decay 0  keep an exponential moving average of the weights with this decay per step (0.998: about
                     the last 500 steps; lower until step 4500, about the last step/9), validate it and export it
                     as the best checkpoint (0 = none)
  --phrase-reward 0  weight of a policy gradient on whole phrases (train/phraseTuning.ts): each step the model
                     writes 4-bar continuations of training tunes' 2-bar openings, rewarded by how much rarer their
                     musicality features are in its recent phrases than in the real continuations; every
                     validation then keeps the current weights (0 = none; melody models)
  --phrase-prompts 8 openings per step      --phrase-samples 4  phrases per opening
  --phrase-memory 512  recent phrases the model's side of the reward is estimated from
  --phrase-features a,b  the features the reward matches: the eval's (default, all of them: ${FEATURE_NAMES.join(', ')};
                     "eval" names them all) and the reward's own ${SHAPE_FEATURE_NAMES.join(', ')} (where in the
                     phrase the primer's motifs come back; eval/musicality/rewardFeatures.ts)
  --phrase-focus     weigh each feature in the reward by 1 - the overlap of the model's recent phrases with real
                     ones on it, so the features farthest off pull hardest (default: equal weights)
  --phrase-boost f=x,g=y  multiply those features' weights in the reward (e.g. motifReuse=3)
  --backend wasm|cpu`;

/** `motifReuse=3,pitchRange=2` as feature weights; every value a positive number. */
function parseBoost(text: string): FeatureWeights {
  const boost: FeatureWeights = {};
  for (const part of text.split(',').filter(Boolean)) {
    const [feature, value] = part.split('=');
    const x = Number(value);
    if (!(x > 0)) throw new Error(`--phrase-boost: ${part} is not feature=positive number`);
    boost[feature as RewardFeatureName] = x;
  }
  return boost;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (str(args, 'kind', 'melody') === 'vae') return trainVaeCommand(args);
  if (args.help) {
    console.log(HELP);
    return;
  }
  const kind = str(args, 'kind', 'melody') === 'chord' ? 'chord' : 'melody';
  const id = str(args, 'id', kind === 'chord' ? 'chord-melody-rnn-v1' : 'melody-rnn-v2');
  const corpusDir = str(args, 'corpus', '../shared/corpus/nottingham');
  const outDir = str(args, 'out', join('public/checkpoints', id));
  const spec: ModelSpec = {
    kind,
    minPitch: 48,
    maxPitch: 83,
    auxBits: num(args, 'aux-bits', 5),
    hidden: str(args, 'hidden', '256,256').split(',').map(Number),
    ...(args.attention ? { attentionLength: num(args, 'attention', 0) } : {}),
  };
  const backend = await useTrainingBackend(str(args, 'backend', 'wasm') === 'cpu' ? 'cpu' : 'wasm');
  const t0 = performance.now();
  const corpus = readCorpus(corpusDir, {
    minPitch: spec.minPitch,
    maxPitch: spec.maxPitch,
    requireChords: kind === 'chord',
  });
  const trainSteps = corpus.train.reduce((s, t) => s + t.events.length, 0);
  console.log(
    `corpus ${corpusDir}: ${corpus.train.length} train + ${corpus.validation.length} validation tunes (${trainSteps} train steps), ` +
      `${corpus.skipped.length} skipped, ${corpus.offGridNotes} of ${corpus.melodyNotes} melody notes off the sixteenth grid, ` +
      `${corpus.octaveShifted} tunes octave-shifted; read in ${((performance.now() - t0) / 1000).toFixed(1)} s; backend ${backend} (${nativeKernelsNote()})`,
  );
  for (const line of corpus.report) console.log(`  ${line}`);
  for (const s of corpus.skipped) console.log(`  skipped ${s.file}: ${s.reason}`);
  const style = str(args, 'style', corpus.layout === 'pop909' ? 'pop' : 'folk');
  if (corpus.train.length === 0 || corpus.validation.length === 0)
    throw new Error(`not enough usable tunes in ${corpusDir} for a train/validation split`);

  const options = {
    windowSteps: num(args, 'window', 64),
    batchSize: num(args, 'batch', 64),
    learningRate: num(args, 'lr', 0.002),
    clipNorm: num(args, 'clip', 5),
    maxMinutes: num(args, 'max-minutes', 35),
    patience: num(args, 'patience', 6),
    halveAfter: num(args, 'halve-after', 2),
    evalEvery: num(args, 'eval-every', 100),
    evalWindows: num(args, 'eval-windows', 256),
    maxShift: num(args, 'max-shift', 6),
    seed: num(args, 'seed', 1),
    maxSteps: args['max-steps'] ? num(args, 'max-steps', 0) : undefined,
    annealMinutes: num(args, 'anneal-minutes', 0),
    echoWeight: num(args, 'echo-weight', 1),
    echoMotifs: str(args, 'echo-motifs', 'intervals') as EchoMotifs,
    anchorCounter: Boolean(args['anchor-counter']),
    phraseHopBars: num(args, 'phrase-windows', 0),
    dropout: num(args, 'dropout', 0),
    inputNoise: num(args, 'input-noise', 0),
    copyWeight: num(args, 'copy-weight', 0),
    copySources: str(args, 'copy-sources', 'motifs') as CopyMode,
    returnWeight: num(args, 'return-weight', 1),
    returnLagBars: num(args, 'return-lag-bars', 0),
    offKeyWeight: num(args, 'off-key-weight', 1),
    offKeyPenalty: num(args, 'off-key-penalty', 0),
    ownInputs: num(args, 'own-inputs', 0),
    ownInputsRamp: Boolean(args['own-inputs-ramp']),
    averageDecay: num(args, 'average-decay', 0),
    phraseReward: num(args, 'phrase-reward', 0),
    phrasePrompts: num(args, 'phrase-prompts', 8),
    phraseSamples: num(args, 'phrase-samples', 4),
    phraseMemory: num(args, 'phrase-memory', 512),
    phraseFocus: Boolean(args['phrase-focus']),
    phraseBoost: parseBoost(str(args, 'phrase-boost', '')),
    phraseFeatures: args['phrase-features']
      ? str(args, 'phrase-features', '')
          .split(',')
          .flatMap((f) => (f === 'eval' ? [...FEATURE_NAMES] : [f]))
      : [...FEATURE_NAMES],
  };
  if (!['intervals', 'pitches', 'repeats'].includes(options.echoMotifs))
    throw new Error('--echo-motifs must be intervals, pitches or repeats');
  if (options.copySources !== 'motifs' && options.copySources !== 'repeats')
    throw new Error('--copy-sources must be motifs or repeats');
  if (options.copyWeight && !spec.attentionLength) throw new Error('--copy-weight needs an --attention model');
  if (options.ownInputs && !spec.attentionLength) throw new Error('--own-inputs needs an --attention model');
  if (options.ownInputsRamp && !options.ownInputs) throw new Error('--own-inputs-ramp needs --own-inputs p');
  if (options.ownInputs < 0 || options.ownInputs > 1) throw new Error('--own-inputs must be between 0 and 1');
  if (!Number.isInteger(options.phraseHopBars) || options.phraseHopBars < 0)
    throw new Error('--phrase-windows must be a whole number of bars');
  if (!(options.returnWeight > 0)) throw new Error('--return-weight must be above 0');
  if (!(options.offKeyWeight > 0)) throw new Error('--off-key-weight must be above 0');
  if (!(options.offKeyPenalty >= 0)) throw new Error('--off-key-penalty must be 0 or more');
  if ((options.offKeyWeight !== 1 || options.offKeyPenalty > 0) && !corpus.train.some((t) => t.keys?.length)) {
    // Plain MIDI files carry no key annotations: read a key off each tune's notes, four bars at a time. Only the
    // training tunes need them: the validation NLL is the plain likelihood.
    corpus.train = corpus.train.map(withInferredKeys);
    console.log(`  keys: none annotated; inferred per ${KEY_BLOCK_BARS} bars from the notes (corpus/inferredKeys.ts)`);
  }
  if (!Number.isInteger(options.returnLagBars) || options.returnLagBars < 0)
    throw new Error('--return-lag-bars must be a whole number of bars (0: any lag)');
  if (!Number.isInteger(options.halveAfter) || options.halveAfter < 0)
    throw new Error('--halve-after must be a whole number of validations (0: never halve)');
  if (options.inputNoise < 0 || options.inputNoise > 1) throw new Error('--input-noise must be between 0 and 1');
  if (options.dropout < 0 || options.dropout >= 1) throw new Error('--dropout must be at least 0 and below 1');
  if (options.averageDecay < 0 || options.averageDecay >= 1)
    throw new Error('--average-decay must be at least 0 and below 1 (0: no average)');
  if (!(options.phraseReward >= 0)) throw new Error('--phrase-reward must be 0 or more');
  if (options.phraseReward > 0 && kind !== 'melody') throw new Error('--phrase-reward is for melody models');
  if (!Number.isInteger(options.phrasePrompts) || options.phrasePrompts < 1)
    throw new Error('--phrase-prompts must be a whole number of openings, 1 or more');
  if (!Number.isInteger(options.phraseSamples) || options.phraseSamples < 2)
    throw new Error('--phrase-samples must be a whole number, 2 or more (each phrase is measured against the others)');
  if (!Number.isInteger(options.phraseMemory) || options.phraseMemory < 2)
    throw new Error('--phrase-memory must be a whole number of phrases, 2 or more');
  const unknownFeature = options.phraseFeatures.find((f) => !(REWARD_FEATURE_NAMES as readonly string[]).includes(f));
  if (unknownFeature)
    throw new Error(`--phrase-features: no feature ${unknownFeature} (${REWARD_FEATURE_NAMES.join(', ')}, or eval)`);
  const unknownBoost = Object.keys(options.phraseBoost).find((f) => !options.phraseFeatures.includes(f));
  if (unknownBoost) throw new Error(`--phrase-boost: ${unknownBoost} is not among the rewarded features`);
  const initFrom = args['init-from'] ? str(args, 'init-from', '') : undefined;
  const progress = await train({
    ...options,
    spec,
    corpus,
    outDir,
    stateDir: join('.train-cache', id),
    resume: Boolean(args.resume),
    resetLearningRate: Boolean(args['reset-lr']),
    ...(initFrom ? { initFrom } : {}),
    phraseTuning: {
      weight: options.phraseReward,
      promptsPerStep: options.phrasePrompts,
      samplesPerPrompt: options.phraseSamples,
      memory: options.phraseMemory,
      features: options.phraseFeatures as RewardFeatureName[],
      focus: options.phraseFocus,
      boost: options.phraseBoost,
    },
    log: (line) => console.log(line),
  });
  const { command, commands } = trainingCommands(Boolean(args.resume), outDir, initFrom);
  const training = {
    id,
    style,
    spec,
    command,
    commands,
    corpus: {
      folder: corpusDir,
      layout: corpus.layout,
      report: corpus.report,
      trainTunes: corpus.train.length,
      validationTunes: corpus.validation.length,
      trainSteps,
      skipped: corpus.skipped,
      offGridNotes: corpus.offGridNotes,
      melodyNotes: corpus.melodyNotes,
      octaveShifted: corpus.octaveShifted,
    },
    options,
    backend,
    result: {
      steps: progress.step,
      epochsCompleted: progress.epoch,
      passesOverData: progress.eventsSeen / Math.max(trainSteps, 1),
      minutes: progress.seconds / 60,
      stepsPerSecond: progress.step / Math.max(progress.seconds, 1),
      eventsPerSecond: progress.eventsSeen / Math.max(progress.seconds, 1),
      bestValWindowNll: progress.bestValNll,
      bestStep: progress.bestStep,
      stoppedBy: progress.stoppedBy,
      history: progress.history,
    },
  };
  writeFileSync(join(outDir, 'training.json'), JSON.stringify(training, null, 1) + '\n');
  writeModelCard(outDir);
  updateCheckpointIndex('public/checkpoints');
}

main().catch((e) => {
  console.error(e instanceof CorpusFolderError ? e.message : `train failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
