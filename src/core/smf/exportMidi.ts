import { chordPitches } from '../chords';
import { phraseSteps } from '../meter';
import { resolveTimeline, timelineEventsBetween } from '../playback';
import type { InstrumentId, Song, Steps } from '../types';
import { toMidiKeySignature } from './keySignature';
import { sectionMarkerText } from './sectionMarkers';
import { metaEvent, textEvent, writeSmf, type TrackEvent } from './smfWriter';

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
  const conductor: TrackEvent[] = [
    { ticks: 0, order: 0, bytes: textEvent(0x03, song.title) },
    { ticks: 0, order: 1, bytes: metaEvent(0x51, tempoBytes(song.tempo)) },
    {
      ticks: 0,
      order: 1,
      bytes: metaEvent(0x58, [song.timeSignature.beats, Math.log2(song.timeSignature.beatUnit), 24, 8]),
    },
  ];
  const signature = toMidiKeySignature(song.key);
  if (signature)
    conductor.push({ ticks: 0, order: 1, bytes: metaEvent(0x59, [signature.sharps & 0xff, signature.minor ? 1 : 0]) });
  for (const marker of sectionStarts(song)) {
    conductor.push({ ticks: marker.step * TICKS_PER_STEP, order: 2, bytes: textEvent(0x06, marker.text) });
  }
  const channelStart = (name: string, channel: number, instrument: InstrumentId, volume: number): TrackEvent[] => [
    { ticks: 0, order: 0, bytes: textEvent(0x03, name) },
    { ticks: 0, order: 1, bytes: [0xc0 | channel, GM_PROGRAMS[instrument]] },
    { ticks: 0, order: 1, bytes: [0xb0 | channel, 7, volumeToCc(volume)] },
  ];
  const melody = channelStart('Melody', MELODY_CHANNEL, song.instruments.melody, song.instruments.melodyVolume);
  const chords = channelStart('Chords', CHORDS_CHANNEL, song.instruments.chords, song.instruments.chordsVolume);
  const note = (
    track: TrackEvent[],
    channel: number,
    pitch: number,
    ticks: number,
    duration: number,
    velocity: number,
  ) => {
    // Note-offs sort before note-ons on the same tick, so a repeated pitch is released before it sounds again.
    track.push({ ticks, order: 4, bytes: [0x90 | channel, pitch, velocity] });
    track.push({ ticks: ticks + duration, order: 3, bytes: [0x80 | channel, pitch, 0] });
  };

  const timeline = resolveTimeline(song, { kind: 'song' });
  const songSteps = timeline?.length ?? 0;
  for (const event of timeline ? timelineEventsBetween(timeline, 0, songSteps) : []) {
    const ticks = event.step * TICKS_PER_STEP;
    if (event.kind === 'note') {
      note(melody, MELODY_CHANNEL, event.pitch, ticks, event.length * TICKS_PER_STEP, event.velocity);
    } else if (event.kind === 'chord') {
      for (const pitch of chordPitches(event.symbol, event.transpose)) {
        note(chords, CHORDS_CHANNEL, pitch, ticks, event.length * TICKS_PER_STEP, CHORD_VELOCITY);
      }
    }
  }
  return writeSmf([conductor, melody, chords], MIDI_PPQ, songSteps * TICKS_PER_STEP);
}

const CHORD_VELOCITY = 80;

/** The three bytes of a tempo event: microseconds per quarter note. */
function tempoBytes(bpm: number): number[] {
  const us = Math.round(60_000_000 / bpm);
  return [(us >> 16) & 0xff, (us >> 8) & 0xff, us & 0xff];
}
