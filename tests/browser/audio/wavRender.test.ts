import { getContext } from 'tone';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../src/audio/wav';
import { renderSongWav } from '../../../src/audio/wavRender';
import type { Song } from '../../../src/core/types';
import { phraseWith, songWith } from '../../fixtures/playbackFixtures';

// Four bars at 150 BPM (6.4 s): a melody on every third step (square lead) over a chord a bar (triangle
// synth), so chunks of one second cut through sounding notes and up to three chunks overlap.
function fourBarSong(): Song {
  const melody = Array.from({ length: 21 }, (_, i) => ({ start: i * 3, pitch: 64 + ((i * 5) % 12), length: 2 }));
  const phrase = {
    ...phraseWith(melody, 4),
    chords: ['C', 'Am', 'F', 'G'].map((symbol, bar) => ({ start: bar * 16, symbol })),
  };
  const song = songWith([phrase], { tempo: 150 });
  return { ...song, instruments: { ...song.instruments, melody: 'square-lead', chords: 'triangle-synth' } };
}

function largestDifference(a: Float32Array[], b: Float32Array[]): number {
  let worst = 0;
  for (let c = 0; c < a.length; c++)
    for (let i = 0; i < a[c].length; i++) worst = Math.max(worst, Math.abs(a[c][i] - b[c][i]));
  return worst;
}

const LSB = 1 / 0x8000;

/** The largest level difference (dB) between two signals over windows of `size` samples where `b` is not quiet. */
function worstWindowDb(a: Float32Array, b: Float32Array, size: number): number {
  const level = (x: Float32Array, from: number) => {
    let sum = 0;
    for (let i = from; i < from + size; i++) sum += x[i] * x[i];
    return Math.sqrt(sum / size);
  };
  let worst = 0;
  for (let from = 0; from + size <= b.length; from += size) {
    const reference = level(b, from);
    if (reference > 0.01) worst = Math.max(worst, Math.abs(20 * Math.log10(level(a, from) / reference)));
  }
  return worst;
}

describe('renderSongWav', () => {
  it('renders the same audio with chunks one at a time or several at once, and leaves Tone’s live context alone', async () => {
    const song = fourBarSong();
    const live = getContext();
    const contextsSeen = new Set<unknown>();
    const progress: number[] = [];
    const one = decodeWav(await renderSongWav(song, { chunkSeconds: 1, concurrency: 1 }));
    const several = decodeWav(
      await renderSongWav(song, {
        chunkSeconds: 1,
        concurrency: 3,
        onProgress: (f) => {
          progress.push(f);
          contextsSeen.add(getContext());
        },
      }),
    );
    expect(several.frames).toBe(one.frames);
    expect(Math.abs(several.frames / 44_100 - 6.4)).toBeLessThan(0.001);
    let peak = 0;
    for (const x of one.samples[0]) peak = Math.max(peak, Math.abs(x));
    expect(peak).toBeGreaterThan(0.05);
    // Only float rounding differs where three chunks overlap: at most one step of the 16-bit scale.
    expect(largestDifference(several.samples, one.samples)).toBeLessThanOrEqual(LSB);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    // Between chunks, and after, the app's global context is still the live one.
    expect([...contextsSeen]).toEqual([live]);
    expect(getContext()).toBe(live);
  });

  it('adds chunks up to what one long render gives: the same loudness in every 20 ms, at chunk starts too', async () => {
    // The melody alone at -8 dB, cut into chunks that start where its notes start (every 0.3 s). A note's
    // chunk-relative time can round to the next sample, so the comparison is of loudness, not of samples.
    // (The triangle chords come out of chunks with the same tones at the same levels, measured at each
    // tone's frequency, but other phases, so their sum's level over 20 ms differs by up to 1 dB: no check.)
    const base = fourBarSong();
    const song = { ...base, instruments: { ...base.instruments, melodyVolume: -8, chordsMuted: true } };
    const whole = decodeWav(await renderSongWav(song, { chunkSeconds: 60, concurrency: 1 }));
    const chunked = decodeWav(await renderSongWav(song, { chunkSeconds: 0.3, concurrency: 2 }));
    const worst = worstWindowDb(chunked.samples[0], whole.samples[0], Math.round(0.02 * 44_100));
    console.info(`chunked vs whole render: largest loudness difference over 20 ms windows ${worst.toFixed(2)} dB`);
    expect(worst).toBeLessThan(0.1);
  });

  it('stops between chunks when aborted, rejects with an AbortError and reports no progress after that', async () => {
    const controller = new AbortController();
    let settled = false;
    const lateReports: number[] = [];
    const rendering = renderSongWav(fourBarSong(), {
      chunkSeconds: 1,
      concurrency: 2,
      signal: controller.signal,
      onProgress: (f) => {
        if (settled) lateReports.push(f);
        if (f > 0) controller.abort();
      },
    });
    await expect(rendering).rejects.toMatchObject({ name: 'AbortError' });
    settled = true;
    // The other renderer was mid-chunk when the first saw the abort: the export must not report progress once it
    // has settled (the UI reopened a finished export's dialog that way). A whole render of the song takes longer
    // than any chunk left in flight, so after one, a late report would have arrived.
    await renderSongWav(fourBarSong(), { chunkSeconds: 1, concurrency: 2 });
    expect(lateReports).toEqual([]);
  });
});
