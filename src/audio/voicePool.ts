import type { Seconds } from '../core/types';

/**
 * A small polyphony pool of monophonic Tone voices. Tone's own PolySynth delays far-future notes with
 * setTimeout, which nothing can cancel when playback stops; here every note goes straight onto a voice's
 * envelope at its audio time, so fading the pool's output silences everything, scheduled or sounding.
 */

/** The part of a Tone monophonic instrument (Synth, FMSynth...) the pool uses. */
export interface PoolVoice {
  triggerAttackRelease(frequency: number, duration: Seconds, time: Seconds, velocity: number): unknown;
  dispose(): unknown;
}

export class VoicePool<V extends PoolVoice> {
  private readonly voices: { voice: V; busyUntil: Seconds }[] = [];

  /** `make` builds one voice already connected to the pool's output; `tail` is how long a release rings. */
  constructor(
    private readonly make: () => V,
    private readonly size: number,
    private readonly tail: Seconds,
  ) {}

  /** Plays a note on a voice that is free at `time`, or steals the one that frees up first. */
  play(frequency: number, time: Seconds, duration: Seconds, velocity: number): void {
    let slot = this.voices.find((v) => v.busyUntil <= time);
    if (!slot && this.voices.length < this.size) {
      slot = { voice: this.make(), busyUntil: 0 };
      this.voices.push(slot);
    }
    slot ??= this.voices.reduce((a, b) => (a.busyUntil <= b.busyUntil ? a : b));
    slot.busyUntil = time + duration + this.tail;
    slot.voice.triggerAttackRelease(frequency, duration, time, velocity);
  }

  dispose(): void {
    for (const { voice } of this.voices) voice.dispose();
    this.voices.length = 0;
  }
}
