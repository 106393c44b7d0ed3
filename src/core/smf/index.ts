/**
 * MIDI in and out: songToMidi for export; readMidiFile (bytes → preview of tracks, tempo, metre, key),
 * importMidi (a track → phrases and sections with a report) and addImportToSong for import.
 */
export { songToMidi, sectionStarts, MIDI_PPQ, TICKS_PER_STEP, GM_PROGRAMS } from './exportMidi';
export { readMidiFile, type MidiImportPreview, type MidiTrackPreview, type MidiFileNote, type MidiReadResult } from './readMidi';
export {
  importMidi,
  describeMidiImport,
  type MidiImportOptions,
  type MidiImportReport,
  type MidiImportResult,
} from './importMidi';
export { addImportToSong } from './addImport';
export { MIDI_LIMITS } from './smfScan';
export { toMidiKeySignature, fromMidiKeySignature } from './keySignature';
export { sectionMarkerText, parseSectionMarker } from './sectionMarkers';
