import { Offline } from 'tone';
import { resolveTimeline } from '../core/playback';
import { planRange } from '../core/playbackPlanner';
import { stepSeconds } from '../core/time';
import type { InstrumentId, Seconds, Song } from '../core/types';
import { FALLBACK_INSTRUMENT } from './instrumentIds';
import { createInstrument } from './instruments';
import { applyInstrumentSettings, createMixer, playTimedEvent } from './mixer';
import { sharedPianoSamples, type PianoSamples } from './pianoSamples';
import type { PlaybackTarget } from './types';

/**
 * Renders a target to an AudioBuffer faster than real time with Tone.Offline, through the same planner and
 * mixer as live playback, so what the tests measure and what WAV export writes is what the user hears.
 */

export interface RenderOptions {
  /** Default 44100. */
  sampleRate?: number;
  /** Default 2. */
  channels?: number;
  /** Play the melody (or chords) with this instrument instead of the song's choice. */
  melody?: InstrumentId;
  chords?: InstrumentId;
  /** How many times round a looped phrase or section. Default 1. */
  cycles?: number;
  /** Silence before step 0. Default 0. */
  leadIn?: Seconds;
  /** Time after the last step for releases to ring. Default 1.5 s. */
  tail?: Seconds;
  metronome?: boolean;
  /** Decoded piano samples; without them `loadPiano` is asked when the piano is wanted. */
  piano?: PianoSamples;
  /** Where the piano comes from; default: the app's own /samples/piano/, loaded once per page. */
  loadPiano?: () => Promise<PianoSamples>;
  /** Told when the piano could not be loaded and a synth was rendered in its place. */
  onFallback?: (message: string) => void;
}

/**
 * Renders `target` of `song` offline and returns the audio.
 * @example const buffer = await renderOffline(song, { kind: 'song' }, { tail: 2 });
 */
export async function renderOffline(
  song: Song,
  target: PlaybackTarget,
  opts: RenderOptions = {},
): Promise<AudioBuffer> {
  const timeline = resolveTimeline(song, target);
  if (!timeline) throw new Error('There is nothing to render: the phrase or section is gone.');
  const steps = timeline.length * (timeline.loop ? Math.max(1, Math.round(opts.cycles ?? 1)) : 1);
  const leadIn = opts.leadIn ?? 0;
  const duration = leadIn + steps * stepSeconds(song.tempo) + (opts.tail ?? 1.5);
  const instruments = {
    ...song.instruments,
    melody: opts.melody ?? song.instruments.melody,
    chords: opts.chords ?? song.instruments.chords,
  };

  let piano = opts.piano ?? null;
  if (!piano && (instruments.melody === 'piano' || instruments.chords === 'piano')) {
    try {
      piano = await (opts.loadPiano ?? sharedPianoSamples)();
    } catch (error) {
      opts.onFallback?.(`${(error as Error).message} The ${FALLBACK_INSTRUMENT} was rendered instead.`);
    }
  }
  const resolve = (id: InstrumentId): InstrumentId => (id === 'piano' && !piano ? FALLBACK_INSTRUMENT : id);

  const events = planRange(song, target, leadIn, steps, { metronome: opts.metronome });
  const rendered = await Offline(
    ({ destination }) => {
      const mixer = createMixer(destination, (id) => createInstrument(id, piano));
      applyInstrumentSettings(mixer, instruments, resolve, 0);
      for (const event of events) playTimedEvent(mixer, event);
    },
    duration,
    opts.channels ?? 2,
    opts.sampleRate ?? 44_100,
  );
  const buffer = rendered.get();
  if (!buffer) throw new Error('The offline render produced no audio.');
  return buffer;
}
