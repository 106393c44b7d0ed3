// Over 300 lines: the model card and the checkpoint index share the readers of training.json and eval.json.
/**
 * MODEL_CARD.md for a checkpoint folder, built from its config.json, training.json (written by
 * `npm run train`) and eval.json (written by `npm run eval`), and public/checkpoints/index.json listing
 * every checkpoint folder.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_LABELS, type FeatureName } from '../eval/musicality/phraseFeatures';
import { lossOptionLines } from './lossOptionLines';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-redundant-type-constituents --
   the JSON files are our own (written by npm run train / npm run eval), read back loosely for a report */
type Json = any;

function readJson(path: string): Json | null {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** What a card and the index say about each style of training data. */
interface StyleText {
  /** The style picker's name. */
  name: string;
  /** First word of the model names ("Pop melody RNN"). */
  label: string;
  trainedOn: string;
  licence: string;
  limits: { idiom: string; chords: string };
}

const STYLES: Record<string, StyleText> = {
  folk: {
    name: 'Folk (Nottingham)',
    label: 'Folk',
    trainedOn: 'Nottingham folk tunes',
    licence:
      'the Nottingham Music Database (Eric Foxley), cleaned MIDI version `jukedeck/nottingham-dataset`, GNU GPLv3. ' +
      'These weights are derived from it; treat them as GPLv3-covered.',
    limits: {
      idiom: 'Folk idiom only (jigs, reels, hornpipes, waltzes, mostly major keys); it knows nothing of other styles.',
      chords:
        'Chords it saw are mostly I/IV/V/vi triads and dominant sevenths in G, D, A, C, F; rare chord types steer it weakly.',
    },
  },
  pop: {
    name: 'Pop (POP909)',
    label: 'Pop',
    trainedOn: 'POP909 pop songs',
    licence:
      'POP909 (Wang, Chen, Jiang, Zhang, Xu, Dai, Bin, Xia: "POP909: A Pop-song Dataset for Music Arrangement ' +
      'Generation", ISMIR 2020; github.com/music-x-lab/POP909-Dataset), MIT licence, Copyright (c) 2020 Music X Lab. These weights are ' +
      'derived from it and are shared under the same MIT terms, with this credit.',
    limits: {
      idiom:
        'Pop idiom of one collection: Chinese pop songs, mostly 4/4 ballads and mid-tempo songs, sung melodies with long held notes ' +
        'and syncopation; it writes neither folk dances nor other pop traditions well.',
      chords:
        'Chords it saw are the sung-pop vocabulary (I-V-vi-IV and relatives, in all twelve keys); sus2 was read as the major triad, ' +
        '7sus4 as sus4 and slash chords in root position, so it does not tell those apart.',
    },
  },
};

function styleText(style: string | undefined): StyleText {
  return STYLES[style ?? 'folk'] ?? { ...STYLES.folk, name: style ?? 'folk', label: style ?? 'Folk' };
}

function modelName(kind: string, style: string | undefined): string {
  const label = styleText(style).label;
  return kind === 'chord' ? `${label} melody RNN over chords` : `${label} melody RNN`;
}

function describe(kind: string, hidden: number[], auxBits: number, style?: string): string {
  const base =
    kind === 'chord'
      ? 'Continues a melody over a chord progression you give (one chord symbol per step group, e.g. per bar)'
      : 'Continues a melody, one sixteenth step at a time';
  return `${base}; ${hidden.length}x${hidden[0]} LSTM${auxBits ? `, ${auxBits}-bit position counter` : ''}, trained on ${styleText(style).trainedOn}.`;
}

/** The Data section's lines for the corpus the checkpoint was trained on. */
function dataLines(training: Json, kind: string): string[] {
  const c = training.corpus;
  const text = styleText(training.style);
  const skipped = c.skipped.length ? ` (${c.skipped.map((s: Json) => `${s.file}: ${s.reason}`).join('; ')})` : '';
  if (c.layout === 'pop909') {
    return [
      `- ${c.trainTunes} training and ${c.validationTunes} validation tunes (runs of whole bars) from \`${c.folder}\`, songs split by the hash of ` +
        `their MIDI file name, ${c.trainSteps} training steps; ${c.skipped.length} songs skipped${skipped}.`,
      '- What the reader did (MELODY track on the sixteenth grid of the annotated beats; bar lines and meter from the downbeats, not the ' +
        "header; overlaps as in Magenta's melody extraction; chords from chord_midi.txt; keys from key_audio.txt):",
      ...(c.report ?? []).map((line: string) => `  - ${line}`),
      `- Augmented by random transposition up to ±${training.options.maxShift} semitones within range.`,
      `- Data licence: ${text.licence}`,
    ];
  }
  return [
    `- ${c.trainTunes} training and ${c.validationTunes} validation tunes from \`${c.folder}\` (split by file-name hash), ` +
      `${c.trainSteps} training steps; ${c.skipped.length} files skipped${skipped}.`,
    `- Melody = highest voice, quantized to sixteenths (${c.offGridNotes} of ${c.melodyNotes} notes were off the grid, mostly triplets), ` +
      `${c.octaveShifted} tunes moved by octaves into range; augmented by random transposition up to ±${training.options.maxShift} semitones within range.`,
    ...(kind === 'chord'
      ? [
          '- Chords: one symbol per beat from the accompaniment track (major, minor, 7, m7, maj7, 6, dim, dim7, m7b5, aug, sus4).',
        ]
      : []),
    `- Data licence: ${text.licence}`,
  ];
}

function table(rows: (string | number)[][]): string {
  const [head, ...body] = rows;
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The card's evaluation section from eval.json (written by `npm run eval -- --write-card`). */
function evaluationSection(evaluation: Json): string[] {
  const where = evaluation.corpus
    ? `${evaluation.corpus.split === 'validation' ? 'validation split of' : 'every tune of'} \`${evaluation.corpus.folder}\`, ${evaluation.corpus.tunes} whole tunes`
    : 'validation split, whole tunes';
  const lines = [`## Evaluation (${where})`, ''];
  const rows: (string | number)[][] = [['model', 'NLL nats/event', 'next-event accuracy']];
  rows.push(['this model', evaluation.model.nll.toFixed(4), `${(100 * evaluation.model.accuracy).toFixed(1)}%`]);
  if (evaluation.withoutChords)
    rows.push([
      'this model fed "no chord" throughout',
      evaluation.withoutChords.nll.toFixed(4),
      `${(100 * evaluation.withoutChords.accuracy).toFixed(1)}%`,
    ]);
  if (evaluation.compare)
    rows.push([
      `${String(evaluation.compare.checkpoint).replace(/^.*\//, '')} (same tunes)`,
      evaluation.compare.nll.toFixed(4),
      `${(100 * evaluation.compare.accuracy).toFixed(1)}%`,
    ]);
  for (const g of evaluation.ngrams)
    rows.push([`KN ${g.order}-gram`, g.nll.toFixed(4), `${(100 * g.accuracy).toFixed(1)}%`]);
  lines.push(
    table(rows),
    '',
    `NLL ${(100 * evaluation.reductionVsBestNgram).toFixed(1)}% below the best n-gram (order ${evaluation.bestNgramOrder}).`,
  );
  if (evaluation.withoutChords)
    lines.push(
      `With the tunes' chords ${(100 * (1 - evaluation.model.nll / evaluation.withoutChords.nll)).toFixed(1)}% below the same model fed no chords.`,
    );
  if (evaluation.compare)
    lines.push(
      `${(100 * (1 - evaluation.model.nll / evaluation.compare.nll)).toFixed(1)}% below ${evaluation.compare.checkpoint} on the same tunes.`,
    );
  lines.push('');
  const m = evaluation.musicality;
  if (m) {
    const order = evaluation.bestNgramOrder;
    lines.push(
      `Musicality: after a two-bar primer (the first bar with a note on its downbeat, and the next) from each of ${m.prompts} tunes, ` +
        `${m.samplesPerPrompt} phrases of ${m.bars} bars at temperature ${m.temperature} from this model and from the KN ${order}-gram, ` +
        `against the tunes' real next ${m.bars} bars. Overlap: area shared by the Gaussian KDEs (Silverman bandwidth) of generated and real values.` +
        (m.reference
          ? ' The last column draws as many real phrases from the training tunes and compares them the same way: what writing exactly like the corpus scores (finite samples never give 1).'
          : ''),
      '',
    );
    const featureRows: (string | number)[][] = [
      [
        'feature (per 4-bar phrase)',
        'real',
        'this model',
        `KN ${order}-gram`,
        'overlap: model',
        `overlap: KN ${order}`,
        // Older eval.json files have no reference.
        ...(m.reference ? ['overlap: real phrases of training tunes (ceiling)'] : []),
      ],
    ];
    m.model.features.forEach((f: Json, i: number) => {
      const g = m.ngram.features[i];
      featureRows.push([
        FEATURE_LABELS[f.feature as FeatureName] ?? f.feature,
        f.realMean.toFixed(3),
        f.generatedMean.toFixed(3),
        g.generatedMean.toFixed(3),
        f.overlap.toFixed(3),
        g.overlap.toFixed(3),
        ...(m.reference ? [m.reference.features[i].overlap.toFixed(3)] : []),
      ]);
    });
    featureRows.push([
      '**mean overlapping area**',
      '',
      '',
      '',
      `**${m.model.meanOverlap.toFixed(3)}**`,
      m.ngram.meanOverlap.toFixed(3),
      ...(m.reference ? [m.reference.meanOverlap.toFixed(3)] : []),
    ]);
    lines.push(table(featureRows), '');
    const spread = evaluation.musicalitySeeds;
    if (spread)
      lines.push(
        `Over ${spread.seeds.length} draws (seeds ${spread.seeds.join(', ')}; the table is the first): mean overlapping area ` +
          `${spread.bySeed.map((x: number) => x.toFixed(3)).join(', ')}, mean **${spread.meanOverlap.toFixed(3)}**. One draw's figure moves by about ±0.02.`,
        '',
      );
    // Older eval.json files have no per-bar reuse.
    const byBar = m.motifReuseByBar;
    if (byBar) {
      const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
      lines.push(
        `Motif reuse of the primer by bar of the phrase (share of the motifs starting in that bar): real ${fmt(byBar.real)}; ` +
          `this model ${fmt(byBar.model)}; KN ${order}-gram ${fmt(byBar.ngram)}.`,
        '',
      );
    }
  }
  return lines;
}

/** Writes MODEL_CARD.md into a checkpoint folder from the JSON files found there. */
export function writeModelCard(dir: string): void {
  const config = readJson(join(dir, 'config.json'));
  const training = readJson(join(dir, 'training.json'));
  const evaluation = readJson(join(dir, 'eval.json'));
  if (!config || !training) return;
  const spec = training.spec;
  const weights = fileSize(join(dir, 'weights.bin'));
  const r = training.result;
  const style = styleText(training.style);
  const lines: string[] = [
    `# ${training.id}: ${modelName(spec.kind, training.style)}`,
    '',
    describe(spec.kind, spec.hidden, spec.auxBits, training.style),
    '',
    '## Format',
    `- Magenta.js MusicRNN checkpoint: \`new mm.MusicRNN(url)\` (@magenta/music 1.23.1) loads this folder unchanged.`,
    `- MelodyConverter, pitches ${spec.minPitch}..${spec.maxPitch} (${spec.maxPitch - spec.minPitch + 3} classes)` +
      (spec.kind === 'chord'
        ? ', PitchChordEncoder (chord symbols such as "G", "Em", "D7", "N.C."; no slash chords)'
        : '') +
      (spec.auxBits ? `, BinaryCounter aux input (${spec.auxBits} bits: steps since the primer start)` : '') +
      '.',
    `- ${spec.hidden.length} LSTM layers of ${spec.hidden.join(', ')} units; weights.bin ${(weights / 1e6).toFixed(2)} MB (float32).`,
    training.options.anchorCounter
      ? `- Start primers on the phrase's first bar (a bar with a note on its downbeat, after any pickup): in training the position counter counted from each tune's opening bar, so its ${2 ** spec.auxBits}-step cycle says where in the phrase a step is.`
      : `- Start primers on a bar line: the position counter counts from the first primer step, as in training.`,
    '',
    '## Data',
    ...dataLines(training, spec.kind),
    '',
    '## Training',
    `- Command${(training.commands ?? [training.command]).length > 1 ? 's, in order' : ''}: ${(training.commands ?? [training.command]).map((c: string) => `\`${c}\``).join(', then ')} (from the repository root; --resume continues from .train-cache/<id>).`,
    `- ${r.steps} steps of ${training.options.batchSize} windows x ${training.options.windowSteps} steps (${r.passesOverData.toFixed(1)} passes over the data) in ` +
      `${r.minutes.toFixed(1)} min on tfjs ${training.backend} (Node, 2 shared cores): ${r.stepsPerSecond.toFixed(2)} steps/s, ${Math.round(r.eventsPerSecond)} events/s.`,
    `- Adam lr ${training.options.learningRate} (halved when validation stalls` +
      (training.options.annealMinutes
        ? `; decayed 10x over the last ${training.options.annealMinutes} min of the budget`
        : '') +
      `), clip ${training.options.clipNorm}; best validation-window NLL ${r.bestValWindowNll.toFixed(4)} at step ${r.bestStep}; stopped by ${r.stoppedBy}.`,
    ...(training.options.averageDecay
      ? [
          `- These weights are a moving average of the trained ones (decay ${training.options.averageDecay} per step, lower over the first steps): validation scored the average, and the best average is this checkpoint.`,
        ]
      : []),
    ...(training.options.phraseHopBars
      ? [
          `- Training windows started at each tune's opening bar and every ${training.options.phraseHopBars} bars after it (and at the start of a pickup), so a window's fresh state met a phrase start.`,
        ]
      : []),
    ...lossOptionLines(training.options),
    '',
  ];
  if (evaluation) lines.push(...evaluationSection(evaluation));
  const limits = [
    `- ${style.limits.idiom}`,
    '- Monophonic, sixteenth grid: triplets were rounded onto the grid; no dynamics.',
    `- Pitch range ${spec.minPitch}..${spec.maxPitch}: transpose primers into it by octaves.`,
    spec.kind === 'chord'
      ? `- ${style.limits.chords}`
      : '- Without chords it keeps to a key well but does not plan a harmony.',
  ];
  // Limits learnt after training (e.g. why a model is not the app's harmonizer) live in training.json's
  // "limits", so rewriting the card with new figures (`npm run eval -- --write-card`) keeps them.
  const learnt = ((training.limits ?? []) as string[]).map((l) => `- ${l}`);
  lines.push('## Known limits', ...limits, ...learnt, '');
  writeFileSync(join(dir, 'MODEL_CARD.md'), lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n'));
}

/** LSTM sizes and counter bits from the files a checkpoint always has (for folders without a training.json). */
function shapeFromFiles(dir: string, config: Json): { hidden: number[]; auxBits: number } {
  const manifest: Json[] = readJson(join(dir, 'weights_manifest.json')) ?? [];
  const biases = manifest
    .flatMap((group: Json) => group.weights ?? [])
    .filter((w: Json) => /cell_\d+\/basic_lstm_cell\/bias$/.test(w.name))
    .map((w: Json) => w.shape[0] / 4);
  return { hidden: biases, auxBits: config.auxInputs?.[0]?.args?.numBits ?? 0 };
}

/** The index entry of a MusicVAE folder; `reconstruction` is eval.json's greedy figure, else training's best validation. */
function vaeEntry(id: string, dir: string): Json {
  const training = readJson(join(dir, 'training.json'));
  const evaluation = readJson(join(dir, 'eval.json'));
  const spec = training?.spec;
  const reconstruction: number | undefined =
    evaluation?.reconstruction ?? training?.result?.bestValidation?.greedyAccuracy;
  return {
    id,
    name: 'Folk 2-bar melody MusicVAE',
    kind: 'vae',
    description: `Similar and Interpolate: encodes two bars of 4/4 into a latent code and back${
      spec
        ? `; ${spec.encoderHidden}-unit bidirectional encoder, ${spec.zSize}-d code, ${spec.decoderHidden.join('x')} decoder`
        : ''
    }, trained on Nottingham folk tunes.`,
    path: `checkpoints/${id}`,
    sizes: {
      weightsBytes: fileSize(join(dir, 'weights.bin')),
      totalBytes: readdirSync(dir).reduce((s, f) => s + fileSize(join(dir, f)), 0),
    },
    ...(reconstruction !== undefined ? { reconstruction: Number(reconstruction.toFixed(4)) } : {}),
  };
}

/** Rewrites `root`/index.json from the checkpoint folders found under it (continuation models, then MusicVAEs best first). */
export function updateCheckpointIndex(root: string): void {
  const entries: Json[] = [];
  const vaes: Json[] = [];
  for (const id of readdirSync(root).sort()) {
    const dir = join(root, id);
    if (!statSync(dir).isDirectory() || !existsSync(join(dir, 'config.json'))) continue;
    const config = readJson(join(dir, 'config.json'));
    // The MusicVAE is not a continuation model: listed apart (kind "vae"), the picker does not offer it.
    if (config.type === 'MusicVAE') {
      vaes.push(vaeEntry(id, dir));
      continue;
    }
    const training = readJson(join(dir, 'training.json'));
    const evaluation = readJson(join(dir, 'eval.json'));
    const kind = config.chordEncoder ? 'chord' : 'melody';
    const { hidden, auxBits } = training ? training.spec : shapeFromFiles(dir, config);
    const weightsBytes = fileSize(join(dir, 'weights.bin'));
    const totalBytes = readdirSync(dir).reduce((s, f) => s + fileSize(join(dir, f)), 0);
    const style: string = training?.style ?? 'folk';
    entries.push({
      id,
      name: training?.harmonizer ? `${modelName(kind, style)} (Suggest chords)` : modelName(kind, style),
      kind,
      style,
      styleName: styleText(style).name,
      description: describe(kind, hidden, auxBits, style),
      path: `checkpoints/${id}`,
      sizes: { weightsBytes, totalBytes },
      ...(evaluation ? { validationNll: Number(evaluation.model.nll.toFixed(4)) } : {}),
      // A chord model kept for Suggest chords only says so in its training.json (see core/checkpointIndex.ts stylePair).
      ...(training?.harmonizer ? { harmonizer: true } : {}),
    });
  }
  // Similar and Interpolate use the first MusicVAE listed: the one that reconstructs best.
  vaes.sort((a, b) => (b.reconstruction ?? 0) - (a.reconstruction ?? 0));
  writeFileSync(join(root, 'index.json'), JSON.stringify({ checkpoints: [...entries, ...vaes] }, null, 2) + '\n');
}
