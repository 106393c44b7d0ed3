/**
 * MusicXML in and out, pure: songToMusicXml (MusicXML 4.0 partwise text), packMxl (compressed .mxl),
 * readMusicXmlFile (.musicxml/.xml/.mxl bytes → the same import preview a MIDI file gives).
 */
export { songToMusicXml, MUSICXML_DOCTYPE, type MusicXmlExportOptions } from './exportMusicXml';
export { packMxl, unpackMxl, looksLikeZip, MXL_MIME_TYPE } from './mxl';
export { readMusicXmlFile, MUSICXML_PPQ } from './readMusicXml';
export { harmonyElement, harmonySymbol, transposeChordSymbol } from './harmony';
