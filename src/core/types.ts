/**
 * The song model: plain, serializable data. Every other room (audio, store, export, model) reads these
 * shapes; nothing here holds behaviour, so the same object is autosaved, written to a project file and
 * packed into a share link.
 *
 * Units are named in the types, as Tone names `Seconds` and `Ticks`: a `Steps` value is a count of
 * sixteenth notes (4 per quarter), the grid Magenta's melody models use.
 */

/** A count of sixteenth-note steps (4 per quarter note). */
export type Steps = number;
/** Wall-clock or audio-clock time in seconds. */
export type Seconds = number;
/** A MIDI note number, 0..127 (60 = C4). */
export type MidiPitch = number;
/** Beats (quarter notes) per minute. */
export type Bpm = number;
/** MIDI velocity, 1..127. */
export type Velocity = number;

/**
 * Who put a note where it is (see core/authorship): the teacher's template ("given"), the person at the
 * keyboard ("student"), the model, the student changing a model or a given note, or an imported file.
 * A note without one was written before authors were kept: its author is unknown.
 */
export type NoteAuthor = 'given' | 'student' | 'model' | 'student-changed-model' | 'student-changed-given' | 'imported';

export interface Note {
  pitch: MidiPitch;
  start: Steps;
  length: Steps;
  velocity: Velocity;
  /** Who wrote it; absent in songs saved before authors were kept (unknown). */
  by?: NoteAuthor;
}

/** How a phrase version came to be. */
export type OriginKind = 'empty' | 'hand' | 'proposed' | 'mutated' | 'imported' | 'transformed' | 'restored';

export interface PhraseOrigin {
  kind: OriginKind;
  /** Model checkpoint id, for proposed and mutated versions. */
  modelId?: string;
  temperature?: number;
  seed?: number;
  /** Human-readable description of the action ("transpose +2", "mutate 30%", "import song.mid"). */
  action?: string;
  /** Constraints the model honoured (scale lock, range, locked notes...), as plain data. */
  constraints?: Record<string, unknown>;
}

/** An earlier state of a phrase, kept so a teacher can see how a melody came to be and a musician can go back. */
export interface PhraseVersion {
  notes: Note[];
  chords?: ChordEvent[];
  origin: PhraseOrigin;
  /** Epoch milliseconds when this version was made. */
  at: number;
}

/** A chord symbol ("Am", "G7", "N.C.") sounding from `start` until the next chord or the phrase end. */
export interface ChordEvent {
  start: Steps;
  symbol: string;
}

export interface Phrase {
  id: string;
  name: string;
  /** CSS colour for the phrase in the library and arrangement. */
  color: string;
  bars: number;
  /** Monophonic: at most one note sounds at any step. Sorted by start. */
  notes: Note[];
  chords?: ChordEvent[];
  origin: PhraseOrigin;
  /** Earlier versions, oldest first; the current state is `notes`/`origin`. */
  history: PhraseVersion[];
  /** Epoch milliseconds when the current state was made; becomes the version's `at` once it moves to history. */
  updatedAt?: number;
}

export interface TimeSignature {
  /** Beats per bar (numerator). */
  beats: number;
  /** Note value of one beat (denominator): 2, 4, 8 or 16. */
  beatUnit: number;
}

export type ScaleName =
  | 'major'
  | 'minor'
  | 'dorian'
  | 'mixolydian'
  | 'lydian'
  | 'phrygian'
  | 'locrian'
  | 'harmonic minor'
  | 'melodic minor'
  | 'major pentatonic'
  | 'minor pentatonic'
  | 'blues'
  | 'chromatic';

export interface KeySignature {
  /** Pitch class of the tonic, with sharps or flats as the user chose ("C", "F#", "Bb"). */
  tonic: string;
  scale: ScaleName;
}

/** One entry of the arrangement: a phrase played `repeats` times, transposed by `transpose` semitones. */
export interface Section {
  id: string;
  phraseId: string;
  repeats: number;
  transpose: number;
}

/** Every instrument a song can choose, the piano first (pickers list them in this order). */
export const INSTRUMENT_IDS = ['piano', 'triangle-synth', 'square-lead', 'fm-bell'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

/** Whether `id` names an instrument (for input from files, links and pickers). */
export function isInstrumentId(id: unknown): id is InstrumentId {
  return (INSTRUMENT_IDS as readonly unknown[]).includes(id);
}

export interface InstrumentSettings {
  melody: InstrumentId;
  chords: InstrumentId;
  /** Decibels, -60..6. */
  melodyVolume: number;
  chordsVolume: number;
  melodyMuted: boolean;
  chordsMuted: boolean;
}

/** The kinds of model proposal a song keeps count of ("taken ideas"). */
export type IdeaKind = 'continue' | 'fill' | 'chords' | 'mutate';

/** How many proposals of one kind the model made for this song, and how many the musician auditioned and accepted. */
export interface IdeaCount {
  made: number;
  auditioned: number;
  accepted: number;
}

export type IdeaCounts = Partial<Record<IdeaKind, IdeaCount>>;

/**
 * The musical style whose models write for a song ('folk', 'pop'): an id of the checkpoint index, so a
 * style added later needs no new song format. Absent means the default style.
 */
export type StyleId = string;

/** The style of a song that names none (the first shipped models, trained on folk tunes). */
export const DEFAULT_STYLE: StyleId = 'folk';

export const SONG_SCHEMA_VERSION = 1;

export interface Song {
  schemaVersion: typeof SONG_SCHEMA_VERSION;
  id: string;
  title: string;
  tempo: Bpm;
  /** 0 (straight) .. 1 (full triplet feel on off-beat sixteenths). */
  swing: number;
  timeSignature: TimeSignature;
  key: KeySignature;
  phrases: Phrase[];
  arrangement: Section[];
  instruments: InstrumentSettings;
  /** Taken ideas: counts of model proposals per kind. Kept with the song (autosave, project file, the song's own share links); the app sends them nowhere else. */
  ideas?: IdeaCounts;

  /** Whose models Propose and the other model actions use; absent = DEFAULT_STYLE. */
  style?: StyleId;
  createdAt: number;
  updatedAt: number;
}

/** Limits the UI, importers and validators share. */
export const LIMITS = {
  tempo: { min: 40, max: 240 },
  bars: { min: 1, max: 8 },
  swing: { min: 0, max: 1 },
  pitch: { min: 21, max: 108 }, // the 88 keys of a piano, A0..C8
  velocity: { min: 1, max: 127 },
  repeats: { min: 1, max: 16 },
  transpose: { min: -24, max: 24 },
} as const;
