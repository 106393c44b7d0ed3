/**
 * What `npm run eval -- --task fill|harmonize|endings` share: the checkpoint loaded for the app's own model
 * code, the corpus and which of its tunes to score, and the conversions from corpus tunes to the app's notes
 * and chord symbols.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_STYLE, type ChordEvent, type Note, type StyleId } from '../../core/types';
import { useTrainingBackend } from '../backend';
import type { Args } from '../cli/args';
import { num, str } from '../cli/args';
import { chordSymbol, type GridChord } from '../corpus/chordSymbols';
import { eventsToNotes } from '../corpus/melodyEvents';
import { CorpusFolderError, readCorpus } from '../corpus/readCorpus';
import type { Tune } from '../corpus/tune';
import { loadAppModel, type AppModel } from './appModel';
import { SHIPPED_CHECKPOINTS, shippedModel, shippedModelDir } from '../export/shippedModels';

/** The corpus a checkpoint without a training.json is taken to have been trained on. */
export const DEFAULT_CORPUS = '../shared/corpus/nottingham';

/** Which of a style's models an eval command defaults to: the melody model, or the harmonizer (Suggest chords). */
export type DefaultRole = 'melody' | 'harmonizer';

/**
 * The eval commands' default checkpoint for `role`: the app's own model for it (the folk one unless `style`
 * says otherwise), so shipping a model changes nothing on the training side.
 */
export function defaultCheckpoint(role: DefaultRole, style: StyleId = DEFAULT_STYLE): string {
  const entry = shippedModel(style, role);
  if (!entry)
    throw new CorpusFolderError(
      `${SHIPPED_CHECKPOINTS}/index.json lists no ${style} ${role} model: name one with --checkpoint`,
    );
  return shippedModelDir(entry);
}

/**
 * The corpus folder the checkpoint in `dir` was trained on (its training.json; DEFAULT_CORPUS without one).
 * Throws CorpusFolderError when `dir` holds no checkpoint.
 */
export function trainingCorpusOf(dir: string): string {
  if (!existsSync(join(dir, 'config.json'))) throw new CorpusFolderError(`no checkpoint (config.json) in ${dir}`);
  const trainingFile = join(dir, 'training.json');
  const training = existsSync(trainingFile)
    ? (JSON.parse(readFileSync(trainingFile, 'utf8')) as { corpus?: { folder?: string } })
    : null;
  return training?.corpus?.folder ?? DEFAULT_CORPUS;
}

/** Which tunes of a corpus are scored: its validation split, all of it, or (for choosing a setting) its training split. */
export type Split = 'validation' | 'all' | 'train';

export interface TaskSetup {
  dir: string;
  corpusDir: string;
  model: AppModel;
  /** The tunes scored: the validation split of the training corpus, or every tune of any other folder. */
  tunes: Tune[];
  split: Split;
}

/**
 * Tunes the model trained on say nothing: on its own corpus only the validation split counts; any other
 * folder is unseen, so all of it is scored (unless --split says otherwise). `--split train` is for choosing a
 * setting (beam, prior weight, slot) on tunes other than the ones the figures are reported on.
 */
export function chooseSplit(trainedOn: string, corpusDir: string, args: Args): Split {
  const sameCorpus = resolve(trainedOn) === resolve(corpusDir);
  const asked = str(args, 'split', sameCorpus ? 'validation' : 'all');
  return asked === 'all' || asked === 'train' ? asked : 'validation';
}

/** The tunes of `split`. */
export function tunesOfSplit<T>(corpus: { train: T[]; validation: T[] }, split: Split): T[] {
  return split === 'all'
    ? [...corpus.train, ...corpus.validation]
    : split === 'train'
      ? corpus.train
      : corpus.validation;
}

/** Whether the options ask for a subset of the tunes (a sweep), whose figures never go on a model card. */
export const asksForSubset = (args: Args) => sweepOf(args) !== null;

/**
 * Loads the checkpoint (--checkpoint, else the app's own model for `role`) and the tunes for a task;
 * `needsChords` keeps only tunes with a chord track.
 */
export async function setUpTask(args: Args, role: DefaultRole, needsChords: boolean): Promise<TaskSetup> {
  const dir = str(args, 'checkpoint', '') || defaultCheckpoint(role);
  const trainedOn = trainingCorpusOf(dir);
  const corpusDir = str(args, 'corpus', trainedOn);
  const split = chooseSplit(trainedOn, corpusDir, args);
  await useTrainingBackend(str(args, 'backend', 'wasm') === 'cpu' ? 'cpu' : 'wasm');
  const model = loadAppModel(dir);
  const corpus = readCorpus(corpusDir, {
    minPitch: model.spec.minPitch,
    maxPitch: model.spec.maxPitch,
    requireChords: needsChords,
  });
  const tunes = sweepTunes(tunesOfSplit(corpus, split), args);
  if (tunes.length === 0)
    throw new CorpusFolderError(`no usable tunes in ${corpusDir} (${corpus.skipped.length} skipped)`);
  return { dir, corpusDir, model, tunes, split };
}

interface Sweep {
  stride: number;
  maxTunes: number;
  /** Only tunes with this many sixteenths per bar (0: any meter). */
  stepsPerBar: number;
}

/**
 * The subset a quick sweep of a setting asks for, or null for every tune (the reported figures): --max-tunes N
 * keeps the first N; --stride K takes every Kth tune first, so a small sweep spans the corpus's kinds of tune
 * (files sort by kind); --steps-per-bar N keeps one meter's tunes (16: 4/4, 12: 6/8 and 3/4), to see where a
 * model's figures come from. The one place that knows these options, so asksForSubset and sweepTunes agree.
 */
function sweepOf(args: Args): Sweep | null {
  if (args['max-tunes'] === undefined && args.stride === undefined && args['steps-per-bar'] === undefined) return null;
  return {
    stride: Math.max(1, Math.floor(num(args, 'stride', 1))),
    maxTunes: num(args, 'max-tunes', Infinity),
    stepsPerBar: num(args, 'steps-per-bar', 0),
  };
}

/** The tunes a sweep keeps (all of them without --max-tunes / --stride / --steps-per-bar). */
export function sweepTunes<T extends Pick<Tune, 'stepsPerBar'>>(all: T[], args: Args): T[] {
  const sweep = sweepOf(args);
  if (!sweep) return all;
  const ofMeter = sweep.stepsPerBar > 0 ? all.filter((t) => t.stepsPerBar === sweep.stepsPerBar) : all;
  return ofMeter.filter((_, i) => i % sweep.stride === 0).slice(0, sweep.maxTunes);
}

/** The tune's melody as app notes between steps [from, to), relative to `from` (cut at `to`). */
export function tuneNotes(tune: Tune, from: number, to: number): Note[] {
  return eventsToNotes(tune.events)
    .filter((n) => n.start >= from && n.start < to)
    .map((n) => ({ pitch: n.pitch, start: n.start - from, length: Math.min(n.end, to) - n.start, velocity: 96 }));
}

/** The tune's chords between steps [from, to) as chord events relative to `from` (one per change). */
export function tuneChords(tune: Tune, from: number, to: number): ChordEvent[] {
  const out: ChordEvent[] = [];
  let previous: GridChord | null = null;
  for (let s = from; s < Math.min(to, tune.chords.length); s++) {
    const chord = tune.chords[s];
    if (previous && previous.root === chord.root && previous.mask === chord.mask) continue;
    out.push({ start: s - from, symbol: chordSymbol(chord) });
    previous = chord;
  }
  return out;
}

/** Prints the machine-readable line other tools read: always the last line of the output. */
export function printResult(result: Record<string, unknown>): void {
  console.log(`RESULT ${JSON.stringify(result)}`);
}

/** A number rounded for the RESULT line. */
export const round = (x: number, digits = 4) => Number(x.toFixed(digits));
