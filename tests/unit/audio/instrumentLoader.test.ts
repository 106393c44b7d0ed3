import { describe, expect, it } from 'vitest';
import { InstrumentLoader } from '../../../src/audio/instrumentLoader';
import type { PianoSamples } from '../../../src/audio/pianoSamples';
import type { InstrumentStatus } from '../../../src/audio/types';

/** A piano load the test settles by hand. */
function pendingPiano() {
  let settle!: { resolve: (p: PianoSamples) => void; reject: (e: Error) => void };
  let calls = 0;
  const load = () => {
    calls++;
    return new Promise<PianoSamples>((resolve, reject) => {
      settle = { resolve, reject };
    });
  };
  return { load, settle: () => settle, calls: () => calls };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const samples: PianoSamples = { buffers: {}, releaseSeconds: 1 };

describe('InstrumentLoader', () => {
  it('stands a synth in for the piano while it loads, then hands out the piano', async () => {
    const piano = pendingPiano();
    const statuses: InstrumentStatus[] = [];
    const loader = new InstrumentLoader(piano.load, (s) => statuses.push(s));
    loader.noteMelodyChoice('piano');
    expect(loader.resolve('piano')).toBe('triangle-synth');
    expect(statuses).toEqual([
      { kind: 'loading', instrument: 'piano', message: expect.stringContaining('Loading the piano') },
    ]);
    piano.settle().resolve(samples);
    await flush();
    expect(loader.resolve('piano')).toBe('piano');
    expect(loader.pianoSamples).toBe(samples);
    expect(statuses.map((s) => s.kind)).toEqual(['loading', 'ready']);
    expect(piano.calls()).toBe(1);
  });

  it('keeps the synth and reports a plain reason when the piano fails, without retrying in a loop', async () => {
    const piano = pendingPiano();
    const statuses: InstrumentStatus[] = [];
    const loader = new InstrumentLoader(piano.load, (s) => statuses.push(s));
    loader.noteMelodyChoice('piano');
    piano.settle().reject(new Error('The piano sounds could not be loaded (offline).'));
    await flush();
    expect(loader.resolve('piano')).toBe('triangle-synth');
    expect(statuses[1]).toEqual({
      kind: 'failed',
      instrument: 'piano',
      fallback: 'triangle-synth',
      message: 'The piano sounds could not be loaded (offline). A synth plays instead.',
    });
    loader.resolve('piano');
    expect(piano.calls()).toBe(1);
  });

  it('reports the chosen synth as ready, and the piano state again when the piano is chosen back', async () => {
    const piano = pendingPiano();
    const statuses: InstrumentStatus[] = [];
    const loader = new InstrumentLoader(piano.load, (s) => statuses.push(s));
    loader.noteMelodyChoice('fm-bell');
    expect(loader.resolve('fm-bell')).toBe('fm-bell');
    expect(piano.calls()).toBe(0); // the piano loads only when wanted
    loader.noteMelodyChoice('piano');
    piano.settle().resolve(samples);
    await flush();
    loader.noteMelodyChoice('square-lead');
    loader.noteMelodyChoice('piano');
    expect(statuses.map((s) => `${s.kind} ${s.instrument}`)).toEqual([
      'ready fm-bell',
      'loading piano',
      'ready piano',
      'ready square-lead',
      'ready piano',
    ]);
  });
});
