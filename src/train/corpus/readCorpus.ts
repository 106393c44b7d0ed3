/**
 * Reads a corpus folder into training and validation tunes, octave-shifted into the model's pitch range:
 * a folder of MIDI files (below), or a POP909-style folder of song folders with beat, chord and key
 * annotations (readPop909.ts), told apart by the annotation files. Bad files are skipped with a reason;
 * one bad file never stops the run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HOLD, RELEASE, pitchSpan } from './melodyEvents';
import { tuneFromMidi, TuneError } from './midiTune';
import { octaveShiftIntoRange } from './octaveShift';
import { isPop909Folder, readPop909 } from './readPop909';
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

export { octaveShiftIntoRange };

export interface Corpus {
  folder: string;
  /** 'midi-files': a folder of MIDI files; 'pop909': song folders with annotations. */
  layout: 'midi-files' | 'pop909';
  train: Tune[];
  validation: Tune[];
  skipped: { file: string; reason: string }[];
  offGridNotes: number;
  melodyNotes: number;
  octaveShifted: number;
  /** Lines saying what was read and changed, beyond the counts above (printed by train and eval). */
  report: string[];
}

/** The missing-folder error: one line naming the folder. */
export class CorpusFolderError extends Error {}

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
  if (isPop909Folder(folder)) return readPop909(folder, options);
  const corpus: Corpus = {
    folder,
    layout: 'midi-files',
    train: [],
    validation: [],
    skipped: [],
    offGridNotes: 0,
    melodyNotes: 0,
    octaveShifted: 0,
    report: [],
  };
  for (const path of midiFiles(folder)) {
    const file = path.slice(folder.length).replace(/^[/\\]+/, '');
    try {
      const tune = tuneFromMidi(file, new Uint8Array(readFileSync(path)));
      const span = pitchSpan(tune.events);
      if (!span) throw new TuneError('no melody notes');
      const shift = octaveShiftIntoRange(span.low, span.high, options.minPitch, options.maxPitch);
      if (shift === null) {
        throw new TuneError(
          `melody spans ${span.low}..${span.high}, which fits no octave of ${options.minPitch}..${options.maxPitch}`,
        );
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
      corpus.skipped.push({
        file,
        reason: e instanceof TuneError ? e.message : `unreadable (${(e as Error).message})`,
      });
    }
  }
  return corpus;
}
