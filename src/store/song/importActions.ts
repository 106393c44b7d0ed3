import {
  chooseImportKey,
  describeImport,
  importMidi,
  readMidiFile,
  addImportToSong,
  trackGridFeel,
  type MidiImportPreview,
} from '../../core/smf';
import { readMusicXmlFile } from '../../core/musicxml';
import { createSong, phraseNameAt } from '../../core/song';
import { keyName } from '../../core/theory/keyDetection';
import { clampTempo } from '../../core/time';
import type { KeySignature, Song, TimeSignature } from '../../core/types';
import { VALIDATION_LIMITS, validateSong } from '../../core/validate';
import { fitNotesToLength } from '../actions/phraseEdits';
import { changeSong, type StoreContext } from '../context';
import type { ImportOutcome, MidiImportChoice, TransferActions } from './types';

/**
 * Bringing MIDI and MusicXML files in. The file is read into a preview the dialog shows; the chosen track
 * becomes a NEW song by default (title from the file, the file's tempo and metre, the key it says or the
 * one its melody is in). "Add to this song" appends phrases and sections as one undo step and never
 * touches the song's key, tempo or metre unless asked. Failures are alerts in plain words; the open song
 * stays as it was.
 */

/** Phrases and sections one import makes at most; past this it stops at a bar line and offers the rest. */
export const IMPORT_MAX_PHRASES = 64;
export const IMPORT_MAX_SECTIONS = 256;
const DEFAULT_METER: TimeSignature = { beats: 4, beatUnit: 4 };

export interface ImportDeps {
  fail(id: string, reason: string): { ok: false; reason: string };
  notify(notice: { id: string; kind: 'info'; message: string }): void;
  addSong(song: Song): Promise<void>;
}

/** The name a file gives a song: its title, else the file name without its extension. */
function titleFor(preview: MidiImportPreview, fileName: string | undefined): string {
  const fromFile = (fileName ?? '').replace(/\.[^.]*$/, '').trim();
  return (preview.name.trim() || fromFile || 'Imported song').slice(0, VALIDATION_LIMITS.titleLength - 20);
}

/** Names of the series (A, B, C ...) that the song does not use yet, in order. */
function unusedSeriesNames(song: Song): (index: number) => string {
  const used = new Set(song.phrases.map((p) => p.name));
  const free: string[] = [];
  return (index) => {
    for (let i = 0; free.length <= index; i++)
      if (!used.has(phraseNameAt(i)) && !free.includes(phraseNameAt(i))) free.push(phraseNameAt(i));
    return free[index];
  };
}

const sameKey = (a: KeySignature, b: KeySignature) => a.tonic === b.tonic && a.scale === b.scale;

export function createImportActions(
  ctx: StoreContext,
  deps: ImportDeps,
): Pick<TransferActions, 'readMidi' | 'readImportFile' | 'importMidiTrack'> {
  const song = () => ctx.store.getState().song;
  const failImport = (fileName: string | undefined, reason: string) =>
    deps.fail('import', `Could not import ${fileName ? `"${fileName}"` : 'the file'}: ${reason}`);

  return {
    readMidi(bytes, fileName) {
      const read = readMidiFile(bytes);
      if (!read.ok) failImport(fileName, read.reason);
      return read;
    },

    readImportFile(bytes, fileName) {
      const isMidi = bytes.length >= 4 && String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) === 'MThd';
      const read = isMidi || /\.(mid|midi|smf)$/i.test(fileName) ? readMidiFile(bytes) : readMusicXmlFile(bytes);
      if (!read.ok) failImport(fileName, read.reason);
      return read;
    },

    async importMidiTrack(preview, choice: MidiImportChoice, fileName): Promise<ImportOutcome> {
      const before = song();
      const newSong = choice.target !== 'this-song';
      const adopt = newSong || choice.adoptSettings;
      const key = choice.key ?? chooseImportKey(preview, choice.trackIndex).suggested;
      const fileMeter = adopt
        ? (preview.timeSignature ?? (newSong ? DEFAULT_METER : before.timeSignature))
        : before.timeSignature;
      const feel = trackGridFeel(preview, choice.trackIndex);
      const halfTime = adopt && choice.halfTime === true && fileMeter.beatUnit * 2 <= 16;
      const timeSignature = halfTime ? { beats: fileMeter.beats, beatUnit: fileMeter.beatUnit * 2 } : fileMeter;
      const played = halfTime ? (feel?.eighthSwing ?? 0) : choice.useSwing ? (feel?.swing ?? 0) : 0;
      // Swing the file asks for in words (MusicXML) is the song's setting; notes are written straight there.
      const swing = adopt ? played || (preview.swing ?? 0) : 0;
      const gridSwing = adopt ? played : 0;
      const fromBar = Math.max(0, Math.floor(choice.fromBar ?? 0));
      const roomForPhrases = newSong
        ? IMPORT_MAX_PHRASES
        : Math.min(IMPORT_MAX_PHRASES, VALIDATION_LIMITS.phrases - before.phrases.length);
      const roomForSections = newSong
        ? IMPORT_MAX_SECTIONS
        : Math.min(IMPORT_MAX_SECTIONS, VALIDATION_LIMITS.sections - before.arrangement.length);
      if (roomForPhrases < 1 || roomForSections < 1)
        return failImport(
          fileName,
          'this song already holds as many phrases or sections as it can; import it as a new song instead',
        );
      const imported = importMidi(
        preview,
        {
          trackIndex: choice.trackIndex,
          splitEveryBars: choice.onePhrase ? 8 : choice.splitEveryBars,
          timeSignature,
          useMarkers: !choice.onePhrase,
          maxPhrases: choice.onePhrase ? 1 : roomForPhrases,
          maxSections: choice.onePhrase ? 1 : roomForSections,
          fromBar,
          swing: gridSwing,
          ticksPerStep: halfTime ? preview.ppq / 2 : preview.ppq / 4,
          nameAt: newSong ? phraseNameAt : unusedSeriesNames(before),
        },
        { now: ctx.now(), newId: ctx.newId },
      );
      if (!imported.ok) return failImport(fileName, imported.reason);

      const settings: string[] = [];
      const tempo = clampTempo((preview.tempo ?? 120) / (halfTime ? 2 : 1));
      if (newSong) {
        const title = titleFor(preview, fileName) + (fromBar > 0 ? ` (from bar ${fromBar + 1})` : '');
        const made = createSong(
          {
            title,
            tempo,
            swing,
            timeSignature,
            key: key ?? { tonic: 'C', scale: 'major' },
            phrases: imported.phrases,
            arrangement: imported.sections,
          },
          { now: ctx.now(), newId: ctx.newId },
        );
        const checked = validateSong(made);
        if (!checked.ok) return failImport(fileName, `the import does not make a valid song: ${checked.reason}`);
        await deps.addSong(checked.song);
        settings.push(
          `It opened as a new song, "${title}", in ${keyName(checked.song.key)}, ${timeSignature.beats}/${timeSignature.beatUnit}, ${tempo} BPM; your other songs are unchanged.`,
        );
      } else {
        let base = before;
        if (adopt) {
          if (tempo !== base.tempo) base = { ...base, tempo };
          if (swing > 0 && swing !== base.swing) base = { ...base, swing };
          const ts = timeSignature;
          if (ts.beats !== base.timeSignature.beats || ts.beatUnit !== base.timeSignature.beatUnit) {
            base = { ...base, timeSignature: ts, phrases: base.phrases.map((p) => fitNotesToLength(p, ts)) };
          }
          if (key && !sameKey(key, base.key)) base = { ...base, key };
          if (base !== before)
            settings.push(`The song now uses ${keyName(base.key)}, ${ts.beats}/${ts.beatUnit}, ${base.tempo} BPM.`);
        }
        const added = addImportToSong(base, imported);
        if (!added.ok) return failImport(fileName, added.reason);
        const first = imported.phrases[0];
        changeSong(
          ctx,
          () => added.song,
          first ? { editor: { ...ctx.store.getState().editor, currentPhraseId: first.id } } : undefined,
        );
        if (!adopt) settings.push(`The song keeps its key, tempo and time signature.`);
      }

      const report = describeImport(imported.report, { timeSignature, tempo: preview.tempo ?? 120, ppq: preview.ppq });
      if (halfTime)
        settings.push(
          `The file's eighths are the song's sixteenths, at half the tempo, so the swing plays them as the file does.`,
        );
      const warnings = preview.warnings.length > 0 ? [`Not carried over: ${preview.warnings.join('; ')}.`] : [];
      const message = [
        `Imported ${fileName ? `"${fileName}"` : 'the file'}:`,
        ...report,
        ...settings,
        ...warnings,
      ].join(' ');
      deps.notify({ id: 'import', kind: 'info', message });
      const stopped = imported.report.stoppedAtBar;
      return { ok: true, message, rest: stopped === null ? null : { fromBar: fromBar + stopped } };
    },
  };
}
