/**
 * MODEL_CARD.md for a checkpoint folder, built from its config.json, training.json (written by
 * `npm run train`) and eval.json (written by `npm run eval`), and public/checkpoints/index.json listing
 * every checkpoint folder.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-redundant-type-constituents --
   the JSON files are our own (written by npm run train / npm run eval), read back loosely for a report */
type Json = any;

function readJson(path: string): Json | null {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

const NAMES: Record<string, string> = { melody: 'Folk melody RNN', chord: 'Folk melody RNN over chords' };

function describe(kind: string, hidden: number[], auxBits: number): string {
  const base =
    kind === 'chord'
      ? 'Continues a melody over a chord progression you give (one chord symbol per step group, e.g. per bar)'
      : 'Continues a melody, one sixteenth step at a time';
  return `${base}; ${hidden.length}x${hidden[0]} LSTM${auxBits ? `, ${auxBits}-bit position counter` : ''}, trained on Nottingham folk tunes.`;
}

function table(rows: (string | number)[][]): string {
  const [head, ...body] = rows;
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
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
  const c = training.corpus;
  const lines: string[] = [
    `# ${training.id}: ${NAMES[spec.kind] ?? spec.kind}`,
    '',
    describe(spec.kind, spec.hidden, spec.auxBits),
    '',
    '## Format',
    `- Magenta.js MusicRNN checkpoint: \`new mm.MusicRNN(url)\` (@magenta/music 1.23.1) loads this folder unchanged.`,
    `- MelodyConverter, pitches ${spec.minPitch}..${spec.maxPitch} (${spec.maxPitch - spec.minPitch + 3} classes)` +
      (spec.kind === 'chord' ? ', PitchChordEncoder (chord symbols such as "G", "Em", "D7", "N.C."; no slash chords)' : '') +
      (spec.auxBits ? `, BinaryCounter aux input (${spec.auxBits} bits: steps since the primer start)` : '') +
      '.',
    `- ${spec.hidden.length} LSTM layers of ${spec.hidden.join(', ')} units; weights.bin ${(weights / 1e6).toFixed(2)} MB (float32).`,
    `- Start primers on a bar line: the position counter counts from the first primer step, as in training.`,
    '',
    '## Data',
    `- ${c.trainTunes} training and ${c.validationTunes} validation tunes from \`${c.folder}\` (split by file-name hash), ` +
      `${c.trainSteps} training steps; ${c.skipped.length} files skipped` +
      (c.skipped.length ? ` (${c.skipped.map((s: Json) => `${s.file}: ${s.reason}`).join('; ')})` : '') +
      '.',
    `- Melody = highest voice, quantized to sixteenths (${c.offGridNotes} of ${c.melodyNotes} notes were off the grid, mostly triplets), ` +
      `${c.octaveShifted} tunes moved by octaves into range; augmented by random transposition up to ±${training.options.maxShift} semitones within range.`,
    ...(spec.kind === 'chord' ? ['- Chords: one symbol per beat from the accompaniment track (major, minor, 7, m7, maj7, 6, dim, dim7, m7b5, aug, sus4).'] : []),
    '- Data licence: the Nottingham Music Database (Eric Foxley), cleaned MIDI version `jukedeck/nottingham-dataset`, GNU GPLv3. ' +
      'These weights are derived from it; treat them as GPLv3-covered.',
    '',
    '## Training',
    `- Command${(training.commands ?? [training.command]).length > 1 ? 's, in order' : ''}: ${(training.commands ?? [training.command]).map((c: string) => `\`${c}\``).join(', then ')} (from the repository root; --resume continues from .train-cache/<id>).`,
    `- ${r.steps} steps of ${training.options.batchSize} windows x ${training.options.windowSteps} steps (${r.passesOverData.toFixed(1)} passes over the data) in ` +
      `${r.minutes.toFixed(1)} min on tfjs ${training.backend} (Node, 2 shared cores): ${r.stepsPerSecond.toFixed(2)} steps/s, ${Math.round(r.eventsPerSecond)} events/s.`,
    `- Adam lr ${training.options.learningRate} (halved when validation stalls` +
      (training.options.annealMinutes ? `; decayed 10x over the last ${training.options.annealMinutes} min of the budget` : '') +
      `), clip ${training.options.clipNorm}; best validation-window NLL ${r.bestValWindowNll.toFixed(4)} at step ${r.bestStep}; stopped by ${r.stoppedBy}.`,
    '',
  ];
  if (evaluation) {
    lines.push('## Evaluation (validation split, whole tunes)', '');
    lines.push(
      table([
        ['model', 'NLL nats/event', 'next-event accuracy'],
        [`this model`, evaluation.model.nll.toFixed(4), `${(100 * evaluation.model.accuracy).toFixed(1)}%`],
        ...evaluation.ngrams.map((g: Json) => [`KN ${g.order}-gram`, g.nll.toFixed(4), `${(100 * g.accuracy).toFixed(1)}%`]),
      ]),
    );
    lines.push('', `NLL ${(100 * evaluation.reductionVsBestNgram).toFixed(1)}% below the best n-gram (order ${evaluation.bestNgramOrder}).`, '');
    lines.push(`Generated phrases (${evaluation.generation.count} x ${evaluation.generation.bars} bars after a one-bar primer, temperature ${evaluation.generation.temperature}) against ${evaluation.generation.bars}-bar stretches of the validation tunes:`, '');
    const g = evaluation.generation;
    lines.push(
      table([
        ['statistic', 'generated', 'corpus'],
        ['pitch-class histogram distance (L1, 0..2)', g.pitchClassDistance.toFixed(3), '0'],
        ['share of notes in key', g.generated.inKey.toFixed(3), g.corpus.inKey.toFixed(3)],
        ['notes per bar', g.generated.notesPerBar.toFixed(2), g.corpus.notesPerBar.toFixed(2)],
        ['repeated-bar ratio', g.generated.repeatedBars.toFixed(3), g.corpus.repeatedBars.toFixed(3)],
      ]),
      '',
    );
  }
  lines.push(
    '## Known limits',
    '- Folk idiom only (jigs, reels, hornpipes, waltzes, mostly major keys); it knows nothing of other styles.',
    '- Monophonic, sixteenth grid: triplets were rounded onto the grid; no dynamics.',
    `- Pitch range ${spec.minPitch}..${spec.maxPitch}: transpose primers into it by octaves.`,
    spec.kind === 'chord'
      ? '- Chords it saw are mostly I/IV/V/vi triads and dominant sevenths in G, D, A, C, F; rare chord types steer it weakly.'
      : '- Without chords it keeps to a key well but does not plan a harmony.',
    '',
  );
  writeFileSync(join(dir, 'MODEL_CARD.md'), lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n'));
}

/** The index entry of a MusicVAE folder; `reconstruction` is eval.json's greedy figure, else training's best validation. */
function vaeEntry(id: string, dir: string): Json {
  const training = readJson(join(dir, 'training.json'));
  const evaluation = readJson(join(dir, 'eval.json'));
  const spec = training?.spec;
  const reconstruction: number | undefined = evaluation?.reconstruction ?? training?.result?.bestValidation?.greedyAccuracy;
  return {
    id,
    name: 'Folk 2-bar melody MusicVAE',
    kind: 'vae',
    description: `Similar and Interpolate: encodes two bars of 4/4 into a latent code and back${
      spec ? `; ${spec.encoderHidden}-unit bidirectional encoder, ${spec.zSize}-d code, ${spec.decoderHidden.join('x')} decoder` : ''
    }, trained on Nottingham folk tunes.`,
    path: `checkpoints/${id}`,
    sizes: { weightsBytes: fileSize(join(dir, 'weights.bin')), totalBytes: readdirSync(dir).reduce((s, f) => s + fileSize(join(dir, f)), 0) },
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
    const hidden: number[] = training?.spec.hidden ?? [];
    const auxBits = training?.spec.auxBits ?? 0;
    const weightsBytes = fileSize(join(dir, 'weights.bin'));
    const totalBytes = readdirSync(dir).reduce((s, f) => s + fileSize(join(dir, f)), 0);
    entries.push({
      id,
      name: NAMES[kind] ?? id,
      kind,
      description: describe(kind, hidden, auxBits),
      path: `checkpoints/${id}`,
      sizes: { weightsBytes, totalBytes },
      ...(evaluation ? { validationNll: Number(evaluation.model.nll.toFixed(4)) } : {}),
    });
  }
  // Similar and Interpolate use the first MusicVAE listed: the one that reconstructs best.
  vaes.sort((a, b) => (b.reconstruction ?? 0) - (a.reconstruction ?? 0));
  writeFileSync(join(root, 'index.json'), JSON.stringify({ checkpoints: [...entries, ...vaes] }, null, 2) + '\n');
}
