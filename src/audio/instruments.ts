import { FMSynth, Gain, Sampler, Synth } from 'tone';
import type { InstrumentId, MidiPitch, Seconds } from '../core/types';
import type { PianoSamples } from './pianoSamples';
import { VoicePool } from './voicePool';

/**
 * The instruments the engine and the offline renderer play: the sampled piano and three synth voices that
 * need no samples. Each instrument is built in Tone's current context (the live one, or an offline one
 * inside Tone.Offline) and ends in its own Gain, so a channel can fade one out while its successor starts.
 */

/** The metronome's voice is an instrument too, so stopping silences clicks already scheduled. */
export type VoiceId = InstrumentId | 'click';

export interface Instrument {
  readonly id: VoiceId;
  readonly output: Gain;
  /** Plays MIDI `pitch` at audio time `time` for `duration` seconds; `velocity` is 0..1. */
  play(pitch: MidiPitch, time: Seconds, duration: Seconds, velocity: number): void;
  /** Fades out from `time` over `fade` seconds (cutting notes scheduled later), then frees its nodes. */
  retire(time: Seconds, fade?: Seconds): void;
  dispose(): void;
}

/** Frequency in Hz of a MIDI pitch (A4 = 69 = 440 Hz). */
export function midiToHz(pitch: MidiPitch): number {
  return 440 * 2 ** ((pitch - 69) / 12);
}

const POLYPHONY = 8;

interface SimpleSynthSpec {
  wave: 'triangle' | 'square' | 'sine';
  envelope: { attack: Seconds; decay: Seconds; sustain: number; release: Seconds };
  volume: number;
}

// Envelopes chosen by ear; square-lead keeps a 1 ms attack because the onset tests listen for it.
const SIMPLE_SYNTHS: Record<'triangle-synth' | 'square-lead' | 'click', SimpleSynthSpec> = {
  'triangle-synth': {
    wave: 'triangle',
    envelope: { attack: 0.004, decay: 0.15, sustain: 0.45, release: 0.25 },
    volume: -3,
  },
  'square-lead': {
    wave: 'square',
    envelope: { attack: 0.001, decay: 0.08, sustain: 0.55, release: 0.05 },
    volume: -15,
  },
  click: { wave: 'sine', envelope: { attack: 0.001, decay: 0.035, sustain: 0, release: 0.01 }, volume: -6 },
};

/** Builds instrument `id`; the piano needs its decoded samples. */
export function createInstrument(id: VoiceId, piano?: PianoSamples | null): Instrument {
  const output = new Gain(1);
  let play: Instrument['play'];
  let free: () => void;
  if (id === 'piano') {
    if (!piano) throw new Error('The piano samples are not loaded yet.');
    const sampler = new Sampler({ urls: piano.buffers, release: piano.releaseSeconds, attack: 0 }).connect(output);
    play = (pitch, time, duration, velocity) => sampler.triggerAttackRelease(midiToHz(pitch), duration, time, velocity);
    free = () => sampler.dispose();
  } else {
    const pool =
      id === 'fm-bell'
        ? new VoicePool(
            () =>
              new FMSynth({
                harmonicity: 3.5,
                modulationIndex: 10,
                envelope: { attack: 0.001, decay: 1.2, sustain: 0, release: 1.2 },
                modulationEnvelope: { attack: 0.001, decay: 0.5, sustain: 0, release: 0.5 },
                volume: -8,
              }).connect(output),
            POLYPHONY,
            1.2,
          )
        : simpleSynthPool(SIMPLE_SYNTHS[id], output, id === 'click' ? 2 : POLYPHONY);
    play = (pitch, time, duration, velocity) => pool.play(midiToHz(pitch), time, duration, velocity);
    free = () => pool.dispose();
  }
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    free();
    output.dispose();
  };
  return {
    id,
    output,
    play(pitch, time, duration, velocity) {
      if (!disposed) play(pitch, time, duration, velocity);
    },
    retire(time, fade = 0.08) {
      if (disposed) return;
      output.gain.cancelAndHoldAtTime(time);
      output.gain.linearRampToValueAtTime(0, time + fade);
      const context = output.context;
      context.setTimeout(dispose, Math.max(0, time + fade - context.currentTime) + 0.05);
    },
    dispose,
  };
}

function simpleSynthPool(spec: SimpleSynthSpec, output: Gain, size: number): VoicePool<Synth> {
  const make = () =>
    new Synth({ oscillator: { type: spec.wave }, envelope: spec.envelope, volume: spec.volume }).connect(output);
  return new VoicePool(make, size, spec.envelope.release);
}
