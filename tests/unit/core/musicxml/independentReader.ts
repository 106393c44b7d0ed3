import { Midi as TonejsMidi } from '@tonejs/midi';
import createVerovioModule from 'verovio/wasm';
import { VerovioToolkit } from 'verovio/esm';

/**
 * Verovio (the engraver of the Music Encoding Initiative, compiled to WebAssembly) as an independent
 * MusicXML reader: it loads the score and renders it to MIDI, which @tonejs/midi reads back into notes
 * in sixteenth steps, ties already joined.
 */

let toolkit: Promise<VerovioToolkit> | null = null;

export interface ReadBackNote {
  pitch: number;
  start: number;
  length: number;
}

/** The notes of each part of a MusicXML score as Verovio reads them, in steps. */
export async function verovioNotes(xml: string): Promise<ReadBackNote[][]> {
  toolkit ??= createVerovioModule().then((module: unknown) => new VerovioToolkit(module));
  const tk = await toolkit;
  if (!tk.loadData(xml)) throw new Error(`Verovio could not load the score: ${tk.getLog()}`);
  const midi = new TonejsMidi(Buffer.from(tk.renderToMIDI(), 'base64'));
  const perStep = midi.header.ppq / 4;
  return midi.tracks
    .filter((t) => t.notes.length > 0)
    .map((t) =>
      t.notes
        .map((n) => ({
          pitch: n.midi,
          start: Math.round(n.ticks / perStep),
          length: Math.round(n.durationTicks / perStep),
        }))
        .sort((a, b) => a.start - b.start || a.pitch - b.pitch),
    );
}
