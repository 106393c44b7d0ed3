/** Notation: phrase or song → written bars (notes, rests, ties, chord symbols) → ABC text for abcjs. */
export {
  buildNotation,
  chooseClef,
  writableLengths,
  type NotationBar,
  type NotationEvent,
  type NotationInput,
  type NotationModel,
} from './notationModel';
export { abcKeyField, abcPitch, notationToAbc, type AbcOptions } from './abc';
export { phraseNotationInput, songNotationInput, transposeChordSymbol } from './songNotation';
export { keySpelling, letterIndex, signatureMode, spellPitch, type Letter, type SpelledPitch } from './spelling';
