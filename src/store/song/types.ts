import type { MidiImportPreview, MidiReadResult } from '../../core/smf';
import type { InstrumentId, KeySignature, Song } from '../../core/types';

/**
 * Actions over the song as a whole: the phrase library, the arrangement, the accompaniment mix, and
 * everything that takes the song out of the app or brings one in (MIDI, WAV, project files, share links).
 * Every change to the song is one undo step; failures come back as plain-words reasons.
 */

/** What an action that can refuse says: done, or why not in plain words (shown to the musician). */
export type Result = { ok: true } | { ok: false; reason: string };

/** Which instrument channel of the song a mix control acts on. */
export type SongPart = 'melody' | 'chords';

export interface ArrangementActions {
  // --- phrase library ---
  /** Adds an empty phrase named with the next free letter (A, B, C...) and shows it in the grid; returns its id. */
  addPhrase(): string;
  /** Copies a phrase (notes, chords, history) under the next free letter and shows it; returns the new id. */
  duplicatePhrase(phraseId: string): string | null;
  /** Removes a phrase and every section that plays it; the last phrase of a song cannot be deleted. */
  deletePhrase(phraseId: string): Result;
  /** Renames a phrase: trimmed, 1-40 characters, unique in the song. */
  renamePhrase(phraseId: string, name: string): Result;
  /** Sets a phrase's colour (a CSS hex colour such as "#2e86ab"). */
  setPhraseColor(phraseId: string, color: string): Result;

  // --- arrangement ---
  /** Appends a section playing `phraseId` once, untransposed (or inserts it at `index`); returns its id. */
  addSection(phraseId: string, index?: number): string | null;
  /** Inserts a copy of the section right after it; returns the copy's id. */
  duplicateSection(sectionId: string): string | null;
  deleteSection(sectionId: string): void;
  /** Moves a section to `toIndex` (clamped into the arrangement). */
  moveSection(sectionId: string, toIndex: number): void;
  /** Repeats 1-16 (clamped, with the reason). */
  setSectionRepeats(sectionId: string, repeats: number): Result;
  /** Transposition -24..+24 semitones (clamped, with the reason). */
  setSectionTranspose(sectionId: string, semitones: number): Result;

  // --- the mix ---
  /** Chooses the chords' instrument. */
  setChordsInstrument(id: InstrumentId): void;
  /** Volume in dB, -60..6 (clamped). */
  setPartVolume(part: SongPart, decibels: number): Result;
  setPartMuted(part: SongPart, muted: boolean): void;
}

/** A file for the user to download, made by an export action. */
export interface ExportedFile {
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
}

export type ExportResult = ({ ok: true } & ExportedFile) | { ok: false; reason: string; cancelled?: boolean };

/** How the user wants a track of a MIDI or MusicXML file brought in. */
export interface MidiImportChoice {
  trackIndex: number;
  /** Cut into phrases every N bars (1..8); ignored when `onePhrase`. */
  splitEveryBars: number;
  /** Import as a single phrase (the first 8 bars; the rest can be imported as another song). */
  onePhrase: boolean;
  /** A new song (the default), or added to the song that is open. */
  target: 'new-song' | 'this-song';
  /** When adding to this song: also take the file's tempo, time signature and key. Never done otherwise. */
  adoptSettings: boolean;
  /** The key the song gets (a new song, or this one when adopting); default: the import's suggestion. */
  key?: KeySignature | null;
  /** Keep the track's swung feel: notes placed on the swung grid and the song's swing set to match. */
  useSwing?: boolean;
  /**
   * Keep swung eighths: the file's eighths become the song's sixteenths (half the tempo, the beat unit
   * doubled: 4/4 at 120 becomes 4/8 at 60) so the song's swing, which works on sixteenths, can play them.
   */
  halfTime?: boolean;
  /** Start at this bar of the file's timeline (the rest of an import that reached its limit). */
  fromBar?: number;
}

/** What an import did; `rest` says where to start to import what the limit left out, as another song. */
export type ImportOutcome =
  { ok: true; message: string; rest: { fromBar: number } | null } | { ok: false; reason: string };

/** How the user wants the MusicXML export. */
export interface MusicXmlExportChoice {
  /** .mxl (zipped) instead of .musicxml. */
  compressed: boolean;
  /** The chords as a second part, besides the chord symbols over the melody. */
  chordsPart: boolean;
}

/** Renders the song to WAV bytes (44.1 kHz, 16-bit, stereo); supplied by the composition root (audio room). */
export type WavRenderer = (
  song: Song,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal; onFallback?: (message: string) => void },
) => Promise<Uint8Array>;

export interface TransferDeps {
  /** Loads the WAV renderer on first use (it pulls in Tone.js). */
  wav?: () => Promise<WavRenderer>;
}

export interface TransferActions {
  /** The song as a Standard MIDI File (melody and chord tracks, markers at sections). */
  exportMidi(): ExportResult;
  /** The song rendered offline as WAV; `signal` cancels, `onProgress` gets 0..1. */
  exportWav(options?: { onProgress?: (fraction: number) => void; signal?: AbortSignal }): Promise<ExportResult>;
  /** The song as a project file (JSON with a schema version). */
  exportProject(): ExportResult;
  /** Opens project file text as a NEW song; a bad file is refused with the reason and changes nothing. */
  openProject(text: string, fileName?: string): Promise<Result>;
  /** The share-link payload for the song (put it after "#song="). */
  shareLinkPayload(): Promise<{ ok: true; payload: string } | { ok: false; reason: string }>;
  /** Opens a "#song=..." fragment as a NEW song and says so; a broken link becomes an alert. */
  openShareLink(fragment: string): Promise<Result>;
  /** The song as MusicXML 4.0 (.musicxml, or compressed .mxl), for notation programs. */
  exportMusicXml(choice: MusicXmlExportChoice): ExportResult;
  /** Reads MIDI file bytes into a track list to choose from (never throws; a bad file is an alert). */
  readMidi(bytes: Uint8Array, fileName?: string): MidiReadResult;
  /** Reads a MIDI or MusicXML file (.mid, .musicxml, .xml, .mxl, told apart by their bytes) into the same preview. */
  readImportFile(bytes: Uint8Array, fileName: string): MidiReadResult;
  /**
   * Imports the chosen track as a NEW song (default) or into the open one (one undo step, the song's key,
   * tempo and metre untouched unless `adoptSettings`); the message says in words what changed.
   */
  importMidiTrack(preview: MidiImportPreview, choice: MidiImportChoice, fileName?: string): Promise<ImportOutcome>;
}
