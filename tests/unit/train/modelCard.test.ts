import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeModelCard } from '../../../src/train/export/modelCard';
import { FEATURE_NAMES } from '../../../src/train/eval/musicality/phraseFeatures';

const SHIPPED = 'public/checkpoints/chord-melody-rnn-v7';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of a shipped chord model's JSON files (no weights: the card then says 0 MB), with `limits` set. */
function checkpointWith(limits?: string[], options: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-card-'));
  dirs.push(dir);
  for (const f of ['config.json', 'eval.json']) copyFileSync(join(SHIPPED, f), join(dir, f));
  const training = JSON.parse(readFileSync(join(SHIPPED, 'training.json'), 'utf8'));
  if (limits) training.limits = limits;
  else delete training.limits;
  Object.assign(training.options, options);
  writeFileSync(join(dir, 'training.json'), JSON.stringify(training));
  return dir;
}

const limitsOf = (dir: string) =>
  readFileSync(join(dir, 'MODEL_CARD.md'), 'utf8').split('## Known limits\n')[1].trim().split('\n');

describe('model card known limits', () => {
  it("ends with the limits learnt after training (training.json's limits), after the ones every card has", () => {
    const plain = checkpointWith();
    writeModelCard(plain);
    const learnt = checkpointWith(['Not the harmonizer: Suggest chords uses another model.']);
    writeModelCard(learnt);
    expect(limitsOf(learnt)).toEqual([...limitsOf(plain), '- Not the harmonizer: Suggest chords uses another model.']);
  });

  it('keeps them when the card is written again with new figures (eval --write-card)', () => {
    const dir = checkpointWith(['A limit found by hand.']);
    writeModelCard(dir);
    const evaluation = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8'));
    evaluation.model.nll = 0.5;
    writeFileSync(join(dir, 'eval.json'), JSON.stringify(evaluation));
    writeModelCard(dir);
    const card = readFileSync(join(dir, 'MODEL_CARD.md'), 'utf8');
    expect(card).toContain('| this model | 0.5000 |');
    expect(limitsOf(dir).filter((l) => l === '- A limit found by hand.')).toHaveLength(1);
  });
});

describe('model card training lines', () => {
  const averageLine = (dir: string) =>
    readFileSync(join(dir, 'MODEL_CARD.md'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('moving average'));

  it('say when the weights are a moving average of the trained ones, and with what decay', () => {
    const averaged = checkpointWith(undefined, { averageDecay: 0.998 });
    writeModelCard(averaged);
    expect(averageLine(averaged)).toEqual([expect.stringContaining('decay 0.998 per step')]);
    const plain = checkpointWith();
    writeModelCard(plain);
    expect(averageLine(plain)).toEqual([]);
  });

  it('say when a phrase reward tuned the model, on which features, and that the last weights are kept', () => {
    const linesWith = (dir: string) =>
      readFileSync(join(dir, 'MODEL_CARD.md'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('- Phrase reward'));
    const tuned = checkpointWith(undefined, {
      phraseReward: 4,
      phrasePrompts: 8,
      phraseSamples: 4,
      phraseMemory: 512,
      phraseFeatures: ['motifReuse'],
    });
    writeModelCard(tuned);
    const [line] = linesWith(tuned);
    expect(line).toContain('weight 4');
    expect(line).toContain('4 four-bar continuations of each of 8');
    expect(line).toContain('whose motif reuse is rarer in its own recent 512 phrases');
    expect(line).toContain('keeps its last weights');
    const plain = checkpointWith();
    writeModelCard(plain);
    expect(linesWith(plain)).toEqual([]);
    const weighed = checkpointWith(undefined, {
      phraseReward: 2,
      phrasePrompts: 8,
      phraseSamples: 4,
      phraseMemory: 512,
      phraseFocus: true,
      phraseBoost: { motifReuse: 3 },
      phraseFeatures: [...FEATURE_NAMES, 'reuseSecondHalf'],
    });
    writeModelCard(weighed);
    expect(linesWith(weighed)[0]).toContain(
      "whose musicality features and motif reuse in the phrase's second half are rarer",
    );
    expect(linesWith(weighed)[0]).toContain(
      'weighed 1 - the overlap of the recent phrases with real ones on it, times motif reuse x3.',
    );
  });
});
