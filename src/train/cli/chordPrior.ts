/**
 * `npm run chord-prior -- [--checkpoint DIR] [--corpus FOLDER]`: counts the chord-transition prior of
 * "Suggest chords" from the training split of the corpus (never the validation tunes, which the harmonize
 * evaluation scores) and writes it as chord_prior.json into the chord model's checkpoint folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHORD_PRIOR_FILE } from '../../model/chordPriorFile';
import { CorpusFolderError, readCorpus } from '../corpus/readCorpus';
import { countChordPrior } from '../eval/chordPriorCounts';
import { defaultCheckpoint, trainingCorpusOf } from '../eval/taskSetup';
import { parseArgs, str } from './args';

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const dir = str(args, 'checkpoint', '') || defaultCheckpoint('harmonizer');
  const corpusDir = str(args, 'corpus', trainingCorpusOf(dir));
  const corpus = readCorpus(corpusDir, { minPitch: 0, maxPitch: 127, requireChords: true });
  const prior = countChordPrior(corpus.train, corpusDir);
  const path = join(dir, CHORD_PRIOR_FILE);
  writeFileSync(path, JSON.stringify(prior) + '\n');
  const transitions = (['major', 'minor'] as const).map((f) => {
    const next = prior.families[f]?.bar?.next ?? {};
    return `${f} ${Object.values(next).reduce((s, row) => s + Object.values(row).reduce((a, b) => a + b, 0), 0)}`;
  });
  console.log(
    `${path}: ${prior.source.tunes} training tunes from ${corpusDir}; bar transitions ${transitions.join(', ')}`,
  );
}

try {
  main();
} catch (e) {
  console.error(e instanceof CorpusFolderError ? e.message : `chord-prior failed: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
}
