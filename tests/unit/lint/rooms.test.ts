import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The rooms' import rules exactly as eslint.config.js defines them, run over snippets placed (virtually) in a
// room. Type information is not needed for these rules, so the snippets lint in milliseconds.
const root = path.resolve(__dirname, '../../..');
let eslint: ESLint;

beforeAll(async () => {
  const config = (await import(pathToFileURL(path.join(root, 'eslint.config.js')).href)) as {
    roomRules: Linter.Config[];
  };
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
      ...config.roomRules,
    ],
  });
});

/** The rule ids (with the line) that fail when `code` is the file at `filePath`. */
async function failures(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.map((m) => `${m.ruleId ?? m.message}@${m.line}`);
}

describe('the rooms of the house', () => {
  it('refuses core importing the store', async () => {
    expect(
      await failures('src/core/probe.ts', "import { getAppStore } from '../store';\nexport const s = getAppStore;\n"),
    ).toEqual(['boundaries/dependencies@1']);
  });

  it('refuses a library outside its owning room: Tone in core, React in the store', async () => {
    expect(await failures('src/core/probe.ts', "import { Synth } from 'tone';\nexport const s = Synth;\n")).toEqual([
      'no-restricted-imports@1',
    ]);
    expect(
      await failures('src/store/probe.ts', "import { useState } from 'react';\nexport const s = useState;\n"),
    ).toEqual(['no-restricted-imports@1']);
  });

  it("lets the store read another room's contract as a type, never its code", async () => {
    expect(
      await failures(
        'src/store/probe.ts',
        "import type { AudioEngine } from '../audio/types';\nexport type E = AudioEngine;\n",
      ),
    ).toEqual([]);
    expect(
      await failures(
        'src/store/probe.ts',
        "import { createAudioEngine } from '../audio/engine';\nexport const e = createAudioEngine;\n",
      ),
    ).toEqual(['boundaries/dependencies@1']);
  });

  it('lets the UI import the store and core but not the audio room', async () => {
    const ok =
      "import type { AppState } from '../store/types';\nimport { phraseSteps } from '../core/meter';\nexport type S = AppState;\nexport const p = phraseSteps;\n";
    expect(await failures('src/ui/probe.ts', ok)).toEqual([]);
    expect(
      await failures(
        'src/ui/probe.ts',
        "import type { AudioEngine } from '../audio/types';\nexport type E = AudioEngine;\n",
      ),
    ).toEqual(['boundaries/dependencies@1']);
  });

  it('keeps build-time code out of the app', async () => {
    expect(
      await failures(
        'src/app/probe.ts',
        "import { serviceWorkerPlugin } from '../build/serviceWorkerPlugin';\nexport const p = serviceWorkerPlugin;\n",
      ),
    ).toEqual(['boundaries/dependencies@1']);
  });
});
