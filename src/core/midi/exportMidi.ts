import { Midi } from './tonejsMidi';
import { chordPitches } from '../chords';
import { phraseSteps } from '../meter';
import { resolveTimeline, timelineEventsBetween } from '../playback';
import type { InstrumentId, Song, Steps } from '../types';
import { toMidiKeySignature } from './keySignature';
import { toMidiByteString } from './midiText';
import { sectionMarkerText } from './sectionMarkers';
import { keySignatureEvent, patchTracks } from './trackPatches';

/**
 * The song as a Standard MIDI File (format 1, 480 ticks per quarter) a DAW opens as is: a conductor track
 * with the title, tempo, time signature, key signature and a marker at each section start, then a
 * "Melody" track (channel 1) and a "Chords" track (channel 2), each with the General MIDI program nearest
 * its instrument and its volume. The arrangement is played out: repeats expanded, transpositions applied.
 */

export const MIDI_PPQ = 480;
export const TICKS_PER_STEP = MIDI_PPQ / 4;
export const MELODY_CHANNEL = 0;
export const CHORDS_CHANNEL = 1;

/** The nearest General MIDI program (0-based) for each instrument. */
export const GM_PROGRAMS: Record<InstrumentId, number> = {
  piano: 0, // Acoustic Grand Piano
  'triangle-synth': 88, // Pad 1 (new age): soft, like the triangle synth
  'square-lead': 80, // Lead 1 (square)
  'fm-bell': 14, // Tubular Bells
};

/** MIDI channel volume (CC 7) for a level in decibels, on the usual 40·log10(v/127) curve. */
export function volumeToCc(decibels: number): number {
  return Math.max(0, Math.min(127, Math.round(127 * Math.pow(10, Math.min(decibels, 0) / 40))));
}

/** Where each section of the arrangement starts, in steps, with its marker text (sections of missing phrases skipped). */
export function sectionStarts(song: Song): { step: Steps; text: string }[] {
  const byId = new Map(song.phrases.map((p) => [p.id, p]));
  const starts: { step: Steps; text: string }[] = [];
  let step = 0;
  for (const section of song.arrangement) {
    const phrase = byId.get(section.phraseId);
    if (!phrase) continue;
    starts.push({ step, text: sectionMarkerText(phrase.name, section) });
    step += phraseSteps(phrase, song.timeSignature) * Math.max(1, Math.round(section.repeats));
  }
  return starts;
}

/** Encodes the whole song (its arrangement played once) as MIDI file bytes. */
export function songToMidi(song: Song): Uint8Array {
  const midi = new Midi();
  midi.header.name = toMidiByteString(song.title);
  midi.header.tempos.push({ ticks: 0, bpm: song.tempo });
  midi.header.timeSignatures.push({ ticks: 0, timeSignature: [song.timeSignature.beats, song.timeSignature.beatUnit] });
  const markers = sectionStarts(song);
  for (const marker of markers) {
    midi.header.meta.push({ type: 'marker', text: toMidiByteString(marker.text), ticks: marker.step * TICKS_PER_STEP });
  }
  midi.header.update();

  const melody = midi.addTrack();
  melody.name = 'Melody';
  melody.channel = MELODY_CHANNEL;
  melody.instrument.number = GM_PROGRAMS[song.instruments.melody];
  melody.addCC({ number: 7, ticks: 0, value: volumeToCc(song.instruments.melodyVolume) / 127 });
  const chords = midi.addTrack();
  chords.name = 'Chords';
  chords.channel = CHORDS_CHANNEL;
  chords.instrument.number = GM_PROGRAMS[song.instruments.chords];
  chords.addCC({ number: 7, ticks: 0, value: volumeToCc(song.instruments.chordsVolume) / 127 });

  const timeline = resolveTimeline(song, { kind: 'song' });
  const songSteps = timeline?.length ?? 0;
  let lastMelodyTick = 0;
  let lastChordTick = 0;
  for (const event of timeline ? timelineEventsBetween(timeline, 0, songSteps) : []) {
    const ticks = event.step * TICKS_PER_STEP;
    if (event.kind === 'note') {
      const durationTicks = event.length * TICKS_PER_STEP;
      melody.addNote({ midi: event.pitch, ticks, durationTicks, velocity: event.velocity / 127 });
      lastMelodyTick = Math.max(lastMelodyTick, ticks + durationTicks);
    } else if (event.kind === 'chord') {
      const durationTicks = event.length * TICKS_PER_STEP;
      for (const pitch of chordPitches(event.symbol, event.transpose)) {
        chords.addNote({ midi: pitch, ticks, durationTicks, velocity: 80 / 127 });
      }
      lastChordTick = Math.max(lastChordTick, ticks + durationTicks);
    }
  }
  const lastMarkerTick = markers.length > 0 ? markers[markers.length - 1].step * TICKS_PER_STEP : 0;
  const signature = toMidiKeySignature(song.key);
  return patchTracks(midi.toArray(), songSteps * TICKS_PER_STEP, [
    { lastEventTick: lastMarkerTick, prepend: signature ? keySignatureEvent(signature.sharps, signature.minor) : [] },
    { lastEventTick: lastMelodyTick },
    { lastEventTick: lastChordTick },
  ]);
}
