import { describe, expect, it } from 'vitest';
import { chordSymbol } from '../../../src/train/corpus/chordSymbols';
import { eventsToNotes, HOLD, RELEASE, notesToEvents } from '../../../src/train/corpus/melodyEvents';
import { tuneFromMidi, TuneError } from '../../../src/train/corpus/midiTune';
import { eventsToMidi } from '../../../src/train/corpus/midiWrite';
import { TonejsMidi } from '../../../src/train/corpus/toneMidi';
import { makeTuneEvents } from './tinyCorpus';

describe('MIDI -> events -> MIDI', () => {
  it('gives back the same events and chords after a round trip through a MIDI file', () => {
    const { events, chords } = makeTuneEvents(7);
    const first = tuneFromMidi('a.mid', eventsToMidi(events, { chords }));
    const second = tuneFromMidi('b.mid', eventsToMidi(first.events, { chords: first.chords }));
    expect(Array.from(second.events)).toEqual(Array.from(first.events));
    expect(Array.from(first.events.slice(0, events.length))).toEqual(Array.from(events));
    expect(
      first.chords
        .slice(0, 64)
        .filter((_, i) => i % 16 === 0)
        .map(chordSymbol),
    ).toEqual(['C', 'G', 'Am', 'F']);
    expect(first.offGridNotes).toBe(0);
    expect(first.stepsPerBar).toBe(16);
  });

  it('keeps the highest note when notes start together and cuts a note when the next one starts', () => {
    const events = notesToEvents([
      { pitch: 60, start: 0, end: 8 },
      { pitch: 67, start: 0, end: 4 },
      { pitch: 62, start: 6, end: 10 },
    ]);
    expect(Array.from(events.slice(0, 11))).toEqual([
      67,
      HOLD,
      HOLD,
      HOLD,
      RELEASE,
      HOLD,
      62,
      HOLD,
      HOLD,
      HOLD,
      RELEASE,
    ]);
    expect(eventsToNotes(events)).toEqual([
      { pitch: 67, start: 0, end: 4 },
      { pitch: 62, start: 6, end: 10 },
    ]);
  });

  it('counts notes off the sixteenth grid and snaps them to the nearest step', () => {
    const midi = new TonejsMidi();
    const track = midi.addTrack();
    const step = midi.header.ppq / 4;
    track.addNote({ midi: 60, ticks: 0, durationTicks: step * 4 });
    track.addNote({ midi: 62, ticks: Math.round(step * 4 * (4 / 3)), durationTicks: step }); // a triplet
    const tune = tuneFromMidi('t.mid', midi.toArray());
    expect(tune.offGridNotes).toBe(1);
    expect(tune.events[5]).toBe(62);
  });

  it('rejects a file that is not MIDI and one without notes', () => {
    expect(() => tuneFromMidi('x.mid', new TextEncoder().encode('hello, not a midi file'))).toThrow(TuneError);
    expect(() => tuneFromMidi('empty.mid', new TonejsMidi().toArray())).toThrow(/no notes/);
  });
});
