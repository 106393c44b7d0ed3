/** Writes melody events (and optionally per-step chords as block chords) back to a Standard MIDI File. */
import { chordSymbol, type GridChord } from './chordSymbols';
import { eventsToNotes } from './melodyEvents';
import { TonejsMidi } from './toneMidi';

export interface MidiWriteOptions {
  ppq?: number;
  bpm?: number;
  timeSignature?: [number, number];
  chords?: GridChord[];
}

/** A two-track MIDI file (melody, chords) for an event list on the sixteenth grid. */
export function eventsToMidi(events: ArrayLike<number>, options: MidiWriteOptions = {}): Uint8Array {
  const midi = new TonejsMidi();
  const ppq = midi.header.ppq; // @tonejs/midi writes 480 ticks per quarter
  const stepTicks = (options.ppq ?? ppq) / 4;
  midi.header.setTempo(options.bpm ?? 120);
  midi.header.timeSignatures.push({ ticks: 0, timeSignature: options.timeSignature ?? [4, 4] });
  const melody = midi.addTrack();
  melody.name = 'melody';
  for (const n of eventsToNotes(events)) {
    melody.addNote({
      midi: n.pitch,
      ticks: n.start * stepTicks,
      durationTicks: (n.end - n.start) * stepTicks,
      velocity: 0.8,
    });
  }
  if (options.chords) {
    const track = midi.addTrack();
    track.name = 'chords';
    let s = 0;
    while (s < options.chords.length) {
      const chord = options.chords[s];
      let e = s + 1;
      while (e < options.chords.length && chordSymbol(options.chords[e]) === chordSymbol(chord)) e++;
      if (chord.root >= 0) {
        for (let pc = 0; pc < 12; pc++) {
          if (!(chord.mask & (1 << pc))) continue;
          // Voice upwards from the root around C3-C4, root lowest.
          const pitch = 48 + chord.root + ((pc - chord.root + 12) % 12);
          track.addNote({ midi: pitch, ticks: s * stepTicks, durationTicks: (e - s) * stepTicks, velocity: 0.6 });
        }
      }
      s = e;
    }
  }
  return midi.toArray();
}
