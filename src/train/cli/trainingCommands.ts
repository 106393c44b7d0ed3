import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The command of this training run, and every command of the runs it continues: a resumed run keeps the
 * commands recorded in its own training.json, a warm-started one (`--init-from DIR`) those of DIR's, so the
 * model card shows the whole recipe (the base run's command included).
 */
export function trainingCommands(
  resumed: boolean,
  outDir: string,
  initFrom?: string,
  argv: readonly string[] = process.argv.slice(2),
): { command: string; commands: string[] } {
  const command = `npm run train -- ${argv.join(' ')}`.trim();
  const continued = resumed ? outDir : initFrom;
  const previousFile = continued === undefined ? null : join(continued, 'training.json');
  const previous =
    previousFile && existsSync(previousFile)
      ? (JSON.parse(readFileSync(previousFile, 'utf8')) as { commands?: string[] })
      : null;
  return { command, commands: [...(previous?.commands ?? []), command] };
}
