import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/audio/renderOffline';
import { loadPianoSamples } from '../../../src/audio/pianoSamples';
import { stepToSeconds } from '../../../src/core/time';
import type { Song } from '../../../src/core/types';
import { phraseWith, songWith } from '../../fixtures/playbackFixtures';
import { alignmentLag, findOnsets, rms } from './onsets';

// Notes every third step, so on- and off-beat sixteenths alternate and every release has died before the
// next onset; two bars, pitch C5.
const STEPS = Array.from({ length: 11 }, (_, i) => i * 3);
const sparse = (bars = 2) =>
  phraseWith(
    STEPS.map((start) => ({ start, pitch: 72, length: 1, velocity: 110 })),
    bars,
  );

function expectedOnsets(song: Song, steps: number[], leadIn = 0): number[] {
  return steps.map((step) => leadIn + stepToSeconds(step, song.tempo, song.swing));
}

/** Largest distance between each found onset and the expected one, in milliseconds. */
function worstErrorMs(found: number[], expected: number[]): number {
  expect(found).toHaveLength(expected.length);
  return Math.max(...found.map((t, i) => Math.abs(t - expected[i]) * 1000));
}

describe('renderOffline with a sharp synth', () => {
  const cases: [string, number, number][] = [
    ['120 BPM straight', 120, 0],
    ['97 BPM with swing 0.6', 97, 0.6],
    ['173 BPM with full swing', 173, 1],
    ['40 BPM with swing 0.3', 40, 0.3],
  ];
  for (const [name, tempo, swing] of cases) {
    it(`puts every onset within 1 ms of where tempo and swing place it (${name})`, async () => {
      const song = songWith([sparse()], { tempo, swing });
      const buffer = await renderOffline(song, { kind: 'phrase', phraseId: 'a' }, { melody: 'square-lead', tail: 0.3 });
      const error = worstErrorMs(findOnsets(buffer), expectedOnsets(song, STEPS));
      console.info(`onset error ${name}: ${error.toFixed(3)} ms`);
      expect(error).toBeLessThan(1);
    });
  }

  it('repeats a looped phrase for the cycles asked, after the lead-in', async () => {
    const song = songWith(
      [
        phraseWith(
          [0, 3, 6, 9, 12].map((start) => ({ start, pitch: 72 })),
          1,
        ),
      ],
      { tempo: 150, swing: 0.5 },
    );
    const steps = [0, 3, 6, 9, 12].flatMap((s) => [s, s + 16, s + 32]).sort((a, b) => a - b);
    const buffer = await renderOffline(
      song,
      { kind: 'phrase', phraseId: 'a' },
      { melody: 'square-lead', cycles: 3, leadIn: 0.25, tail: 0.3 },
    );
    expect(worstErrorMs(findOnsets(buffer), expectedOnsets(song, steps, 0.25))).toBeLessThan(1);
  });

  it('renders the whole song with section transposition and a metronome on the beats', async () => {
    const song = songWith([phraseWith([{ start: 2, pitch: 72 }], 1)], { tempo: 120 }, [
      { id: 's1', phraseId: 'a', repeats: 2, transpose: 0 },
    ]);
    const buffer = await renderOffline(song, { kind: 'song' }, { melody: 'square-lead', metronome: true, tail: 0.2 });
    // Clicks on steps 0, 4, 8, 12 of each bar and the note on step 2 of each: all 0.25 s apart at 120 BPM.
    const onsets = findOnsets(buffer, 0.05, 0.01);
    const expected = [0, 2, 4, 8, 12, 16, 18, 20, 24, 28].map((s) => s * 0.125);
    expect(worstErrorMs(onsets, expected)).toBeLessThan(1);
  });

  it('is silent where the melody channel is muted', async () => {
    const song = songWith([sparse()]);
    const muted = { ...song, instruments: { ...song.instruments, melodyMuted: true } };
    const buffer = await renderOffline(
      muted,
      { kind: 'phrase', phraseId: 'a' },
      { melody: 'triangle-synth', tail: 0.2 },
    );
    expect(rms(buffer, 0, buffer.duration)).toBe(0);
  });

  it('sounds every synth voice', async () => {
    for (const melody of ['triangle-synth', 'square-lead', 'fm-bell'] as const) {
      const buffer = await renderOffline(
        songWith([sparse()]),
        { kind: 'phrase', phraseId: 'a' },
        { melody, tail: 0.2 },
      );
      expect(rms(buffer, 0, 0.1), melody).toBeGreaterThan(0.01);
    }
  });
});

describe('renderOffline with the sampled piano', () => {
  // Each test loads the samples it uses (the loader keeps no cache between calls), so no test depends on
  // another having run first.
  it('loads the Salamander samples the app serves under /samples/piano/', async () => {
    const piano = await loadPianoSamples();
    expect(Object.keys(piano.buffers)).toHaveLength(30);
    expect(piano.buffers.C4.duration).toBeGreaterThan(1);
  });

  it('starts each piano sample where tempo and swing place its note', async () => {
    const piano = await loadPianoSamples();
    const song = songWith([sparse()], { tempo: 90, swing: 0.5 });
    const buffer = await renderOffline(song, { kind: 'phrase', phraseId: 'a' }, { melody: 'piano', piano, tail: 1 });
    // Pitch 72 is C5, one of the recorded notes, so the sampler plays that file unchanged at each onset.
    const lagsMs = expectedOnsets(song, STEPS).map((t) => alignmentLag(buffer, piano.buffers.C5, t) * 1000);
    console.info(`piano onset lags (ms): ${lagsMs.map((l) => l.toFixed(3)).join(' ')}`);
    for (const lag of lagsMs) expect(Math.abs(lag)).toBeLessThan(1);
    expect(rms(buffer, 0, 0.2)).toBeGreaterThan(0.01);
  });

  it('renders a synth in the piano place, and says so, when the samples cannot be had', async () => {
    const song = songWith([sparse()]);
    const messages: string[] = [];
    const buffer = await renderOffline(
      song,
      { kind: 'phrase', phraseId: 'a' },
      {
        melody: 'piano',
        tail: 0.2,
        loadPiano: () => loadPianoSamples('/samples/not-there/'),
        onFallback: (m) => messages.push(m),
      },
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^The piano sounds could not be loaded \(.+\)\. The triangle-synth was rendered instead\.$/,
    );
    expect(worstErrorMs(findOnsets(buffer, 0.1, 0.05), expectedOnsets(song, STEPS))).toBeLessThan(2);
  });
});
