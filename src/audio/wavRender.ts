import { Offline } from 'tone';
import { resolveTimeline } from '../core/playback';
import { planRange, type TimedEvent } from '../core/playbackPlanner';
import { stepSeconds } from '../core/time';
import type { InstrumentId, Seconds, Song } from '../core/types';
import { FALLBACK_INSTRUMENT } from './instrumentIds';
import { createInstrument } from './instruments';
import { applyInstrumentSettings, createMixer, playTimedEvent } from './mixer';
import { sharedPianoSamples, type PianoSamples } from './pianoSamples';
import { encodeWav } from './wav';

/**
 * WAV export: the whole song rendered offline through the same planner and mixer as live playback, in
 * chunks of a few seconds, so the user sees real progress and can cancel between chunks. Each chunk
 * renders the notes that START in it plus a tail for their release, and the chunks are added together
 * (overlap-add): the mixer is linear, so the sum is what one long render would give, without holding a
 * single huge offline context.
 *
 * The file is exactly the song's length (its last bar line), so it lines up bar for bar in a DAW; notes
 * still ringing at the end are faded out over the last few milliseconds rather than cut with a click.
 */

export const WAV_SAMPLE_RATE = 44_100;
const CHANNELS = 2;
/** Seconds of song per offline render: long enough that set-up cost is small, short enough for smooth progress. */
const CHUNK_SECONDS: Seconds = 12;
/** Release time rendered after each chunk's last onset. */
const CHUNK_TAIL: Seconds = 2;
const END_FADE: Seconds = 0.01;

export interface WavRenderOptions {
  /** Told the share done, 0..1, after each chunk. */
  onProgress?: (fraction: number) => void;
  /** Aborting stops the render between chunks; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Told when the piano could not be loaded and a synth was rendered in its place. */
  onFallback?: (message: string) => void;
  piano?: PianoSamples;
  loadPiano?: () => Promise<PianoSamples>;
  /** Default CHUNK_SECONDS; tests shorten it. */
  chunkSeconds?: Seconds;
}

/** The song's length in seconds: its arrangement played once, to the last bar line. */
export function songDurationSeconds(song: Song): Seconds {
  const timeline = resolveTimeline(song, { kind: 'song' });
  return (timeline?.length ?? 0) * stepSeconds(song.tempo);
}

function abortError(): Error {
  const error = new Error('The audio export was cancelled.');
  error.name = 'AbortError';
  return error;
}

/** Renders one chunk's events (times already relative to the chunk) and adds them into `out` at `offset` frames. */
async function renderChunk(
  song: Song,
  events: TimedEvent[],
  seconds: Seconds,
  resolve: (id: InstrumentId) => InstrumentId,
  piano: PianoSamples | null,
  out: Float32Array[],
  offset: number,
): Promise<void> {
  const rendered = await Offline(
    ({ destination }) => {
      const mixer = createMixer(destination, (id) => createInstrument(id, piano));
      applyInstrumentSettings(mixer, song.instruments, resolve, 0);
      for (const event of events) playTimedEvent(mixer, event);
    },
    seconds,
    CHANNELS,
    WAV_SAMPLE_RATE,
  );
  const buffer = rendered.get();
  if (!buffer) throw new Error('the offline render produced no audio');
  for (let c = 0; c < CHANNELS; c++) {
    const data = buffer.getChannelData(Math.min(c, buffer.numberOfChannels - 1));
    const target = out[c];
    const n = Math.min(data.length, target.length - offset);
    for (let i = 0; i < n; i++) target[offset + i] += data[i];
  }
}

/**
 * The song as WAV bytes: 44.1 kHz, 16-bit, stereo, exactly the song's length.
 * @example const bytes = await renderSongWav(song, { onProgress: (f) => bar.value = f, signal });
 */
export async function renderSongWav(song: Song, opts: WavRenderOptions = {}): Promise<Uint8Array> {
  const duration = songDurationSeconds(song);
  if (duration <= 0) throw new Error('there is nothing to render: the arrangement is empty');
  const frames = Math.round(duration * WAV_SAMPLE_RATE);
  const timeline = resolveTimeline(song, { kind: 'song' });
  const events = planRange(song, { kind: 'song' }, 0, timeline?.length ?? 0);
  const wanted = song.instruments;
  const audible = (id: InstrumentId, muted: boolean) => !muted && id === 'piano';

  let piano = opts.piano ?? null;
  if (!piano && (audible(wanted.melody, wanted.melodyMuted) || audible(wanted.chords, wanted.chordsMuted))) {
    try {
      piano = await (opts.loadPiano ?? sharedPianoSamples)();
    } catch (error) {
      opts.onFallback?.(`${(error as Error).message} The ${FALLBACK_INSTRUMENT} was rendered instead.`);
    }
  }
  if (opts.signal?.aborted) throw abortError();
  const resolve = (id: InstrumentId): InstrumentId => (id === 'piano' && !piano ? FALLBACK_INSTRUMENT : id);

  const out = [new Float32Array(frames), new Float32Array(frames)];
  const chunk = Math.max(0.5, opts.chunkSeconds ?? CHUNK_SECONDS);
  const chunks = Math.max(1, Math.ceil(duration / chunk));
  let next = 0; // events are sorted by time; walk them once
  opts.onProgress?.(0);
  for (let k = 0; k < chunks; k++) {
    const start = k * chunk;
    const end = k === chunks - 1 ? Number.POSITIVE_INFINITY : start + chunk;
    const inChunk: TimedEvent[] = [];
    let last = start;
    while (next < events.length && events[next].time < end) {
      const e = events[next++];
      inChunk.push({ ...e, time: e.time - start });
      last = Math.max(last, e.time + e.duration);
    }
    if (inChunk.length > 0) {
      // Render up to the song's end at most: what rings past it is cut (and faded) anyway.
      const seconds = Math.min(last - start + CHUNK_TAIL, duration - start + END_FADE);
      await renderChunk(
        song,
        inChunk,
        Math.max(seconds, 0.05),
        resolve,
        piano,
        out,
        Math.round(start * WAV_SAMPLE_RATE),
      );
    }
    opts.onProgress?.((k + 1) / chunks);
    if (opts.signal?.aborted) throw abortError();
    // Let the page paint the progress bar and hear the Cancel click between chunks.
    await new Promise((r) => setTimeout(r, 0));
    if (opts.signal?.aborted) throw abortError();
  }
  return encodeWav(
    { sampleRate: WAV_SAMPLE_RATE, numberOfChannels: CHANNELS, length: frames, getChannelData: (c) => out[c] },
    { frames, fadeOut: END_FADE },
  );
}
