/**
 * Reads a folder of MIDI files into training and validation tunes, octave-shifted into the model's pitch
 * range. Bad files are skipped with a reason; one bad file never stops the run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HOLD, RELEASE, pitchSpan } from './melodyEvents';
import { tuneFromMidi, TuneError } from './midiTune';
import { isValidationFile } from './split';
import type { Tune } from './tune';

export interface CorpusOptions {
  minPitch: number;
  maxPitch: number;
  /** Share of files held out for validation (by file-name hash). */
  validationFraction?: number;
  /** Skip files without a chord track (for chord-conditioned models). */
  requireChords?: boolean;
}

export interface Corpus {
  folder: string;
  train: Tune[];
  validation: Tune[];
  skipped: { file: string; reason: string }[];
  offGridNotes: number;
  melodyNotes: number;
  octaveShifted: number;
}

/** The missing-folder error: one line naming the folder. */
export class CorpusFolderError extends Error {}

/** Shift by whole octaves that puts the tune into [minPitch, maxPitch], preferring the smallest shift. */
export function octaveShiftIntoRange(low: number, high: number, minPitch: number, maxPitch: number): number | null {
  for (const k of [0, -1, 1, -2, 2, -3, 3]) {
    if (low + 12 * k >= minPitch && high + 12 * k <= maxPitch) return 12 * k;
  }
  return null;
}

/** Every `.mid`/`.midi` file below `folder` (recursively), sorted for a stable order. */
function midiFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) out.push(...midiFiles(path));
    else if (/\.(mid|midi|smf)$/i.test(entry)) out.push(path);
  }
  return out;
}

/** Reads and splits a corpus folder; throws CorpusFolderError if the folder does not exist. */
export function readCorpus(folder: string, options: CorpusOptions): Corpus {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CorpusFolderError(`corpus folder not found: ${folder}`);
  }
  const corpus: Corpus = { folder, train: [], validation: [], skipped: [], offGridNotes: 0, melodyNotes: 0, octaveShifted: 0 };
  for (const path of midiFiles(folder)) {
    const file = path.slice(folder.length).replace(/^[/\\]+/, '');
    try {
      const tune = tuneFromMidi(file, new Uint8Array(readFileSync(path)));
      const span = pitchSpan(tune.events);
      if (!span) throw new TuneError('no melody notes');
      const shift = octaveShiftIntoRange(span.low, span.high, options.minPitch, options.maxPitch);
      if (shift === null) {
        throw new TuneError(`melody spans ${span.low}..${span.high}, which fits no octave of ${options.minPitch}..${options.maxPitch}`);
      }
      if (options.requireChords && !tune.hasChords) throw new TuneError('no chord track');
      if (shift !== 0) {
        corpus.octaveShifted++;
        tune.events = tune.events.map((e) => (e === HOLD || e === RELEASE ? e : e + shift));
      }
      corpus.offGridNotes += tune.offGridNotes;
      corpus.melodyNotes += tune.melodyNotes;
      (isValidationFile(file, options.validationFraction) ? corpus.validation : corpus.train).push(tune);
    } catch (e) {
      corpus.skipped.push({ file, reason: e instanceof TuneError ? e.message : `unreadable (${(e as Error).message})` });
    }
  }
  return corpus;
}
