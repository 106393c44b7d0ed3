/**
 * Reads one Standard MIDI File into a Tune: the melody is the highest non-drum track (by mean pitch) among
 * the tracks that are mostly monophonic, else the top voice of all notes; every other non-drum track is
 * accompaniment, read as one chord per beat.
 */
import { TonejsMidi } from './toneMidi';
import { detectChord, NO_CHORD, type GridChord } from './chordSymbols';
import { notesToEvents, type GridNote } from './melodyEvents';
import type { Tune } from './tune';

/** A file that cannot be used, with the reason for the report. */
export class TuneError extends Error {}

interface TickNote {
  midi: number;
  ticks: number;
  durationTicks: number;
}

/** Share of notes that start together with another note of the same track. */
function polyphony(notes: TickNote[]): number {
  const starts = new Map<number, number>();
  for (const n of notes) starts.set(n.ticks, (starts.get(n.ticks) ?? 0) + 1);
  let shared = 0;
  for (const c of starts.values()) if (c > 1) shared += c;
  return notes.length ? shared / notes.length : 0;
}

function meanPitch(notes: TickNote[]): number {
  return notes.reduce((s, n) => s + n.midi, 0) / Math.max(notes.length, 1);
}

/** Parses MIDI bytes into a Tune; throws TuneError for files that are not MIDI or have no melody notes. */
export function tuneFromMidi(name: string, bytes: Uint8Array): Tune {
  let midi: TonejsMidi;
  try {
    midi = new TonejsMidi(bytes);
  } catch (e) {
    throw new TuneError(`not a MIDI file (${(e as Error).message})`);
  }
  const ppq = midi.header.ppq || 480;
  const stepTicks = ppq / 4;
  const tracks = midi.tracks.filter((t) => t.channel !== 9 && t.notes.length > 0);
  if (tracks.length === 0) throw new TuneError('no notes');
  const monophonic = tracks.filter((t) => polyphony(t.notes) < 0.2);
  const melodyTrack = (monophonic.length ? monophonic : tracks).reduce((a, b) =>
    meanPitch(b.notes) > meanPitch(a.notes) ? b : a,
  );
  const accompaniment = tracks.filter((t) => t !== melodyTrack).flatMap((t) => t.notes as TickNote[]);

  let offGridNotes = 0;
  const gridNotes: GridNote[] = melodyTrack.notes.map((n) => {
    const exact = n.ticks / stepTicks;
    const start = Math.round(exact);
    if (Math.abs(exact - start) > 0.1) offGridNotes++;
    const end = Math.max(start + 1, Math.round((n.ticks + n.durationTicks) / stepTicks));
    return { pitch: n.midi, start, end };
  });
  const ts = midi.header.timeSignatures[0]?.timeSignature ?? [4, 4];
  const stepsPerBar = Math.max(1, Math.round((ts[0] * 16) / ts[1]));
  // Room for the last note's note-off, and for the accompaniment if it rings on longer.
  const length = Math.max(
    ...gridNotes.map((n) => n.end + 1),
    ...accompaniment.map((n) => Math.round((n.ticks + n.durationTicks) / stepTicks)),
  );
  const events = notesToEvents(gridNotes, length);
  const beatSteps = ts[1] === 8 && ts[0] % 3 === 0 ? 6 : Math.max(1, Math.round(16 / ts[1]));
  const chords = chordsPerBeat(accompaniment, stepTicks, beatSteps, events.length);
  return {
    name,
    events,
    chords,
    hasChords: accompaniment.length > 0,
    stepsPerBar,
    offGridNotes,
    melodyNotes: gridNotes.length,
  };
}

/**
 * One chord per beat from the accompaniment notes sounding in that beat (lowest note = bass); a beat with
 * no accompaniment keeps the previous chord, since oom-pah patterns leave rests inside a harmony.
 */
function chordsPerBeat(notes: TickNote[], stepTicks: number, beatSteps: number, length: number): GridChord[] {
  const chords = new Array<GridChord>(length).fill(NO_CHORD);
  let current = NO_CHORD;
  for (let beat = 0; beat * beatSteps < length; beat++) {
    const from = beat * beatSteps * stepTicks;
    const to = from + beatSteps * stepTicks;
    // Notes sounding at the beat start count; else notes starting inside the beat.
    let sounding = notes.filter(
      (n) => n.ticks <= from + stepTicks / 2 && n.ticks + n.durationTicks > from + stepTicks / 2,
    );
    if (sounding.length === 0) sounding = notes.filter((n) => n.ticks >= from && n.ticks < to);
    if (sounding.length > 0) {
      const mask = sounding.reduce((m, n) => m | (1 << (n.midi % 12)), 0);
      const bass = sounding.reduce((a, b) => (b.midi < a.midi ? b : a)).midi % 12;
      current = detectChord(mask, bass);
    }
    for (let s = beat * beatSteps; s < Math.min(length, (beat + 1) * beatSteps); s++) chords[s] = current;
  }
  return chords;
}
