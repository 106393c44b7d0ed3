import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trainingCommands } from '../../../src/train/cli/trainingCommands';

// The commands a model card shows: the whole recipe, whether a run resumes itself or starts from a base model.

const dirs: string[] = [];
function checkpointWith(commands: string[] | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-commands-'));
  dirs.push(dir);
  if (commands) writeFileSync(join(dir, 'training.json'), JSON.stringify({ commands }));
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('trainingCommands', () => {
  const argv = ['--kind', 'melody', '--attention', '64'];
  const command = 'npm run train -- --kind melody --attention 64';

  it('a fresh run records its own command only', () => {
    expect(trainingCommands(false, checkpointWith(['old']), undefined, argv)).toEqual({ command, commands: [command] });
  });

  it('a warm-started run records the base run commands first', () => {
    const base = checkpointWith(['npm run train -- --id base']);
    const out = checkpointWith(null);
    expect(trainingCommands(false, out, base, argv).commands).toEqual(['npm run train -- --id base', command]);
  });

  it('a resumed run keeps its own earlier commands (which hold its base run commands)', () => {
    const out = checkpointWith(['base', 'stage 2']);
    const base = checkpointWith(['base']);
    expect(trainingCommands(true, out, base, argv).commands).toEqual(['base', 'stage 2', command]);
  });

  it('a base without training.json adds nothing', () => {
    expect(trainingCommands(false, checkpointWith(null), checkpointWith(null), argv).commands).toEqual([command]);
  });
});
