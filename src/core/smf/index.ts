/**
 * MIDI in and out: songToMidi for export; readMidiFile (bytes → preview of tracks, tempo, metre, key),
 * importMidi (a track → phrases and sections with a report), chooseImportKey and describeImport for the
 * import dialog, and addImportToSong for adding to an open song. MusicXML imports produce the same
 * preview (src/core/musicxml) and go through the same import.
 */
export { songToMidi, sectionStarts, MIDI_PPQ, TICKS_PER_STEP, GM_PROGRAMS } from './exportMidi';
export {
  readMidiFile,
  type MidiImportPreview,
  type MidiTrackPreview,
  type MidiFileNote,
  type MidiMarker,
  type MidiReadResult,
} from './readMidi';
export { importMidi, type MidiImportOptions, type MidiImportReport, type MidiImportResult } from './importMidi';
export { describeImport, beatsInWords } from './importReport';
export { chooseImportKey, type ImportKeyChoice } from './importKey';
export { trackGridFeel, type GridFeel } from './gridFeel';
export { addImportToSong } from './addImport';
export { MIDI_LIMITS } from './smfScan';
export { gmProgramName } from './generalMidi';
export { toMidiKeySignature, fromMidiKeySignature } from './keySignature';
export { sectionMarkerText, parseSectionMarker } from './sectionMarkers';
