import type { InputNode } from 'tone';
import type { TimedEvent } from '../core/playbackPlanner';
import type { InstrumentId, InstrumentSettings, Seconds } from '../core/types';
import { Channel } from './channel';
import { voiceChord } from './chordVoicing';
import type { Instrument, VoiceId } from './instruments';

/**
 * The channels playback sounds through: melody and chords (instrument, volume and mute from the song's
 * InstrumentSettings) and the metronome. Shared by the live engine and the offline renderer, so both turn
 * a planned event into sound the same way.
 */
export interface Mixer {
  melody: Channel;
  chords: Channel;
  click: Channel;
}

const CLICK_PITCH = { accent: 96, beat: 89 }; // C7 on the downbeat, F6 on the other beats
const CHORD_VELOCITY = 0.55;

/** A mixer in Tone's current context whose channels end in `destination`. */
export function createMixer(destination: InputNode, build: (id: VoiceId) => Instrument): Mixer {
  return {
    melody: new Channel(destination, build),
    chords: new Channel(destination, build),
    click: new Channel(destination, build),
  };
}

/**
 * Points the channels at the song's instruments, volumes and mutes from audio time `time`. `resolve`
 * picks what actually plays for a wanted instrument (a synth while the piano loads).
 */
export function applyInstrumentSettings(
  mixer: Mixer,
  settings: InstrumentSettings,
  resolve: (wanted: InstrumentId) => InstrumentId,
  time: Seconds,
): void {
  mixer.melody.apply(resolve(settings.melody), settings.melodyVolume, settings.melodyMuted, time);
  mixer.chords.apply(resolve(settings.chords), settings.chordsVolume, settings.chordsMuted, time);
  mixer.click.apply('click', 0, false, time);
}

/** Sends one planned event to its channel: a note, every tone of a voiced chord, or a metronome click. */
export function playTimedEvent(mixer: Mixer, { event, time, duration }: TimedEvent): void {
  switch (event.kind) {
    case 'note':
      mixer.melody.play(event.pitch, time, duration, event.velocity / 127);
      break;
    case 'chord':
      for (const pitch of voiceChord(event.symbol, event.transpose))
        mixer.chords.play(pitch, time, duration, CHORD_VELOCITY);
      break;
    case 'click':
      mixer.click.play(event.accent ? CLICK_PITCH.accent : CLICK_PITCH.beat, time, 0.03, event.accent ? 1 : 0.6);
      break;
  }
}

/** Fades every channel out from `time`. */
export function silenceMixer(mixer: Mixer, time: Seconds, fade?: Seconds): void {
  mixer.melody.silence(time, fade);
  mixer.chords.silence(time, fade);
  mixer.click.silence(time, fade);
}

export function disposeMixer(mixer: Mixer): void {
  mixer.melody.dispose();
  mixer.chords.dispose();
  mixer.click.dispose();
}
