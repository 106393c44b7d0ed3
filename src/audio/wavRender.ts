import { OfflineContext, getContext, setContext } from 'tone';
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
 * single huge offline context. Nearly all the time goes to the browser's offline audio thread (traced: 17.9
 * of 19 s for a 3-minute song), one thread per context, so chunks render a few at a time, one per core.
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
  /** Chunks rendered at once; default defaultWavConcurrency(). */
  concurrency?: number;
}

const MAX_CONCURRENCY = 4;

/** Chunks a WAV export renders at once: one per core (navigator.hardwareConcurrency), at most MAX_CONCURRENCY. */
export function defaultWavConcurrency(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.min(MAX_CONCURRENCY, cores));
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

/** One chunk of the song: its events (times relative to the chunk), length, and where it starts in frames. */
interface Chunk {
  events: TimedEvent[];
  seconds: Seconds;
  offset: number;
}

/**
 * Renders a chunk in its own offline context and adds it into `out`. Not Tone.Offline: that swaps Tone's
 * global context around an await, so two at once could leave an offline context as the app's global one.
 * Here the graph is built synchronously and the live context is back before anything awaits; the nodes keep
 * the context they were made in.
 */
async function renderChunk(
  song: Song,
  chunk: Chunk,
  resolve: (id: InstrumentId) => InstrumentId,
  piano: PianoSamples | null,
  out: Float32Array[],
): Promise<void> {
  const context = new OfflineContext(CHANNELS, chunk.seconds, WAV_SAMPLE_RATE);
  const live = getContext();
  setContext(context);
  try {
    const mixer = createMixer(context.destination, (id) => createInstrument(id, piano));
    applyInstrumentSettings(mixer, song.instruments, resolve, 0);
    for (const event of chunk.events) playTimedEvent(mixer, event);
  } finally {
    setContext(live);
  }
  const buffer = (await context.render()).get();
  if (!buffer) throw new Error('the offline render produced no audio');
  for (let c = 0; c < CHANNELS; c++) {
    const data = buffer.getChannelData(Math.min(c, buffer.numberOfChannels - 1));
    const target = out[c];
    const n = Math.min(data.length, target.length - chunk.offset);
    for (let i = 0; i < n; i++) target[chunk.offset + i] += data[i];
  }
}

/** The song's events cut into chunks of `chunk` seconds by onset, each rendered up to its last release. */
function chunksOf(events: TimedEvent[], duration: Seconds, chunk: Seconds): Chunk[] {
  const count = Math.max(1, Math.ceil(duration / chunk));
  const chunks: Chunk[] = [];
  let next = 0; // events are sorted by time; walk them once
  for (let k = 0; k < count; k++) {
    const start = k * chunk;
    const end = k === count - 1 ? Number.POSITIVE_INFINITY : start + chunk;
    const inChunk: TimedEvent[] = [];
    let last = start;
    while (next < events.length && events[next].time < end) {
      const e = events[next++];
      inChunk.push({ ...e, time: e.time - start });
      last = Math.max(last, e.time + e.duration);
    }
    // Render up to the song's end at most: what rings past it is cut (and faded) anyway.
    const seconds = Math.min(last - start + CHUNK_TAIL, duration - start + END_FADE);
    chunks.push({ events: inChunk, seconds: Math.max(seconds, 0.05), offset: Math.round(start * WAV_SAMPLE_RATE) });
  }
  return chunks;
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
  const chunks = chunksOf(events, duration, Math.max(0.5, opts.chunkSeconds ?? CHUNK_SECONDS));
  let taken = 0;
  let done = 0;
  opts.onProgress?.(0);
  // A few renderers take chunks in order until none is left. Which chunk lands first changes nothing but
  // float rounding where more than two overlap (never with the default chunk and tail).
  let failed = false; // one renderer's error stops the others taking more chunks
  const renderer = async () => {
    try {
      while (!failed && taken < chunks.length) {
        if (opts.signal?.aborted) throw abortError();
        const chunk = chunks[taken++];
        if (chunk.events.length > 0) await renderChunk(song, chunk, resolve, piano, out);
        done++;
        if (!failed && !opts.signal?.aborted) opts.onProgress?.(done / chunks.length);
        // Let the page paint the progress bar and hear the Cancel click between chunks.
        await new Promise((r) => setTimeout(r, 0));
      }
      if (opts.signal?.aborted) throw abortError();
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const concurrency = Math.max(1, Math.min(chunks.length, opts.concurrency ?? defaultWavConcurrency()));
  // Settle only when every renderer has stopped: Promise.all would reject while another renderer is still
  // inside a chunk, and nothing may run (or report progress) after the export has ended.
  const stopped = await Promise.allSettled(Array.from({ length: concurrency }, renderer));
  for (const result of stopped) if (result.status === 'rejected') throw result.reason;
  return encodeWav(
    { sampleRate: WAV_SAMPLE_RATE, numberOfChannels: CHANNELS, length: frames, getChannelData: (c) => out[c] },
    { frames, fadeOut: END_FADE },
  );
}
