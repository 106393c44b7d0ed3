import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The command of this training run, and every command of the runs it continues: a resumed run keeps the
 * commands recorded in the checkpoint's training.json, so the model card shows the whole recipe.
 */
export function trainingCommands(resumed: boolean, outDir: string): { command: string; commands: string[] } {
  const command = `npm run train -- ${process.argv.slice(2).join(' ')}`.trim();
  const previousFile = join(outDir, 'training.json');
  const previous =
    resumed && existsSync(previousFile)
      ? (JSON.parse(readFileSync(previousFile, 'utf8')) as { commands?: string[] })
      : null;
  return { command, commands: [...(previous?.commands ?? []), command] };
}
