import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedSampleName } from '../../../samples/sampleSet';
import { listServedSamples, samplesPlugin } from '../../../src/build/samplesPlugin';

const root = path.resolve(__dirname, '../../..');

describe('the samples plugin', () => {
  it('finds every piano sample of the index in its npm package, under URL-safe names', () => {
    const served = listServedSamples(path.join(root, 'samples'), root);
    expect(served).toHaveLength(30);
    for (const sample of served) {
      expect(existsSync(sample.file), sample.file).toBe(true);
      expect(sample.url).toMatch(/^samples\/piano\/[A-G]s?\d\.mp3$/);
    }
    expect(served.map((s) => s.url)).toContain('samples/piano/Ds4.mp3');
  });

  it('spells a sharp as "s" because "#" would end the URL path', () => {
    expect(servedSampleName('F#3', 'F#3v10.mp3')).toBe('Fs3.mp3');
    expect(servedSampleName('C4', 'C4v10.mp3')).toBe('C4.mp3');
  });

  it('writes every sample into the build output', () => {
    const plugin = samplesPlugin();
    (plugin.configResolved as (c: unknown) => void)({ base: '/', root });
    const emitted: { fileName: string; source: Uint8Array }[] = [];
    (plugin.generateBundle as (this: unknown) => void).call({
      emitFile: (f: { fileName: string; source: Uint8Array }) => emitted.push(f),
    });
    expect(emitted).toHaveLength(30);
    const c4 = emitted.find((f) => f.fileName === 'samples/piano/C4.mp3');
    expect(c4?.source.byteLength).toBeGreaterThan(10_000);
  });
});
