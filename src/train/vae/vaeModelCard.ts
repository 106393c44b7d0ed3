/**
 * MODEL_CARD.md for a MusicVAE checkpoint folder, from its training.json (`npm run train -- --kind vae`)
 * and eval.json (`npm run eval -- --kind vae`).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-redundant-type-constituents --
   the JSON files are our own (written by npm run train / npm run eval -- --kind vae), read back loosely for a report, as modelCard.ts does */
type Json = any;

const read = (path: string): Json | null => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Writes MODEL_CARD.md into a VAE checkpoint folder from the JSON files found there. */
export function writeVaeModelCard(dir: string): void {
  const training = read(join(dir, 'training.json'));
  const evaluation = read(join(dir, 'eval.json'));
  if (!training) return;
  const { spec, options: o, result: r, corpus: c } = training;
  const weights = existsSync(join(dir, 'weights.bin')) ? statSync(join(dir, 'weights.bin')).size : 0;
  const lines = [
    `# ${training.id}: 2-bar folk melody MusicVAE`,
    '',
    'Encodes a two-bar 4/4 melody into a latent code and decodes codes back into melodies: the model behind',
    '"Similar" (codes near a phrase\'s code) and "Interpolate" (codes on the line between two phrases).',
    '',
    '## Format',
    '- Magenta.js MusicVAE checkpoint: `new mm.MusicVAE(url)` (@magenta/music 1.23.1) loads this folder unchanged;',
    '  `encode`, `decode`, `interpolate`, `similar` and `sample` work on it.',
    `- MelodyConverter, ${spec.numSteps} steps (two bars of sixteenths), pitches ${spec.minPitch}..${spec.maxPitch} (${spec.maxPitch - spec.minPitch + 3} classes).`,
    `- Layout of Magenta's \`cat-mel_2bar_small\`, smaller: bidirectional LSTM encoder 2x${spec.encoderHidden}, latent code of ${spec.zSize},` +
      ` decoder LSTM ${spec.decoderHidden.join('x')} whose initial state is tanh(dense(z)) and whose every input is [previous event, z];` +
      ` weights.bin ${(weights / 1e6).toFixed(2)} MB (float32; encoder/sigma is included for Magenta's Python but unused by Magenta.js).`,
    '',
    '## Data',
    `- ${c.fourFourTrainTunes} 4/4 tunes of the ${c.trainTunes} training tunes of \`${c.folder}\` (other meters left out: the model's bars are 16 steps),` +
      ` ${c.validationTunes} validation tunes (split by file-name hash). Two-bar windows starting on every bar line, windows without notes left out,` +
      ` randomly transposed up to ±${o.maxShift} semitones within range.`,
    '- Data licence: the Nottingham Music Database (Eric Foxley), cleaned MIDI version `jukedeck/nottingham-dataset`, GNU GPLv3.' +
      ' These weights are derived from it; treat them as GPLv3-covered.',
    '',
    '## Training',
    `- Command${training.commands.length > 1 ? 's, in order' : ''}: ${training.commands.map((x: string) => `\`${x}\``).join(', then ')} (from the repository root).`,
    `- ${r.steps} steps of ${o.batchSize} windows (${r.epochsCompleted} epochs) in ${r.minutes.toFixed(1)} min on tfjs ${training.backend} (Node, one of 2 shared cores), ${r.stepsPerSecond.toFixed(2)} steps/s.`,
    `- Loss as MusicVAE's: cross-entropy summed over the ${spec.numSteps} steps + beta x max(KL - free bits, 0); KL annealing beta = ${o.maxBeta} x (1 - ${o.betaRate}^step),` +
      ` free bits ${o.freeBits}; teacher forcing (no scheduled sampling). Adam lr ${o.learningRate}, halved on stalls, decayed 10x over the last ${o.annealMinutes} min; clip ${o.clipNorm}.`,
    `- Best validation objective (reconstruction NLL + ${o.maxBeta} x KL) ${r.bestObjective.toFixed(3)} nats/window at step ${r.bestStep}` +
      (r.bestValidation
        ? ` (reconstruction NLL ${r.bestValidation.reconstructionNll.toFixed(3)}, KL ${(r.bestValidation.klNats / Math.log(2)).toFixed(1)} bits, greedy reconstruction ${pct(r.bestValidation.greedyAccuracy)})`
        : '') +
      `; stopped by ${r.stoppedBy}.`,
    '',
  ];
  if (evaluation) {
    const e = evaluation;
    lines.push(
      `## Evaluation (${e.windows} two-bar validation windows of \`${e.corpus}\`)`,
      '',
      '| measure | value | target |',
      '|---|---|---|',
      `| reconstruction, greedy (steps equal) | ${pct(e.reconstruction)} | ≥ 90% |`,
      ...Object.entries(e.reconstructionByTemperature ?? {}).map(
        ([t, v]) => `| reconstruction at temperature ${t} | ${pct(v as number)} | |`,
      ),
      `| interpolation: in-between notes in the ends' shared key | ${pct(e.interpolationInKey)} (${e.interpolationPairsSharingKey} of ${e.interpolationPairs} pairs share a key) | ≥ 90% |`,
      `| interpolation: mean distance of neighbouring steps vs. the ends | ${pct(e.stepDistance)} vs ${pct(e.endsDistance)} | neighbours closer |`,
      `| similar at 0.9: steps kept | ${pct(e.similarKept90)} | ≥ 70% |`,
      `| similar at 0.5: steps kept | ${pct(e.similarKept50)} | fewer than at 0.9 |`,
      '',
      `Latent-space smoothness (for the latent map): ${e.smoothness ?? 'not measured'}.`,
      '',
    );
  }
  lines.push(
    '## Known limits',
    '- Two bars of 4/4 only: longer phrases are handled window by window, other meters are refused.',
    '- Folk idiom (Nottingham: jigs, reels, hornpipes, mostly major keys); monophonic, sixteenth grid, no dynamics.',
    `- Pitch range ${spec.minPitch}..${spec.maxPitch}: phrases are moved by octaves into it and back.`,
    '',
  );
  writeFileSync(join(dir, 'MODEL_CARD.md'), lines.join('\n'));
}
