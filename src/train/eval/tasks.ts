/**
 * The evaluation tasks beside the default model-vs-n-gram report: `--task fill`, `--task harmonize`,
 * `--task endings` and `--task repeats`. Each prints a table and, last, one line `RESULT {json}` for other tools.
 */
import { str, type Args } from '../cli/args';
import { runEndingsTask } from './endingsTask';
import { runFillTask } from './fillTask';
import { runHarmonizeTask } from './harmonizeTask';
import { runRepeatsTask } from './repeatsTask';

export async function runEvalTask(args: Args): Promise<void> {
  const task = str(args, 'task', '');
  if (task === 'fill') return runFillTask(args);
  if (task === 'harmonize') return runHarmonizeTask(args);
  if (task === 'endings') return runEndingsTask(args);
  if (task === 'repeats') return runRepeatsTask(args);
  throw new Error(`unknown --task "${task}" (fill, harmonize, endings or repeats)`);
}
