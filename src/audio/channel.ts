import { Gain, Volume, type InputNode } from 'tone';
import type { MidiPitch, Seconds } from '../core/types';
import type { Instrument, VoiceId } from './instruments';

/**
 * One mixer channel (melody, chords, metronome, preview): an instrument feeding a volume with mute. The
 * instrument can change while playing: the new one takes over at a given time and the old one fades out,
 * so notes already scheduled are neither doubled nor left hanging.
 */
export class Channel {
  private readonly volume: Volume;
  private readonly muteGate: Gain;
  private current: Instrument | null = null;
  private volumeDb = 0;
  private muted = false;
  private applied = false;

  /** `build` makes instruments in Tone's current context; the channel ends in `destination`. */
  constructor(
    destination: InputNode,
    private readonly build: (id: VoiceId) => Instrument,
  ) {
    this.muteGate = new Gain(1).connect(destination);
    this.volume = new Volume(0).connect(this.muteGate);
  }

  /** The instrument playing now, if any. */
  get instrumentId(): VoiceId | null {
    return this.current?.id ?? null;
  }

  /** From audio time `time` on, play with instrument `id` at `volumeDb` (muted if asked). */
  apply(id: VoiceId, volumeDb: number, muted: boolean, time: Seconds): void {
    if (this.current?.id !== id) {
      this.current?.retire(time, 0.05);
      this.current = this.build(id);
      this.current.output.connect(this.volume);
    }
    if (volumeDb !== this.volumeDb) {
      this.volumeDb = volumeDb;
      // A change while playing glides (no zipper click); a fresh channel starts at its level. Ramping
      // from 0 dB there made every offline chunk of a WAV export start 50 ms too loud.
      if (this.applied) this.volume.volume.rampTo(volumeDb, 0.05, time);
      else this.volume.volume.setValueAtTime(volumeDb, time);
    }
    this.applied = true;
    if (muted !== this.muted) {
      this.muted = muted;
      this.muteGate.gain.setValueAtTime(muted ? 0 : 1, time);
    }
  }

  /** Plays a note on the current instrument (nothing before the first apply). */
  play(pitch: MidiPitch, time: Seconds, duration: Seconds, velocity: number): void {
    this.current?.play(pitch, time, duration, velocity);
  }

  /** Fades out everything sounding or scheduled from `time`; the next apply builds a fresh instrument. */
  silence(time: Seconds, fade = 0.08): void {
    this.current?.retire(time, fade);
    this.current = null;
  }

  dispose(): void {
    this.current?.dispose();
    this.current = null;
    this.volume.dispose();
    this.muteGate.dispose();
  }
}
