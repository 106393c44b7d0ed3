/** Theory: scale degrees, solfège, chord tones, intervals and key detection for a melody. */
export {
  analyzeNotes,
  chordAt,
  chordToneRole,
  degreeLabel,
  intervalLabel,
  solfegeLabel,
  type NoteTheory,
} from './labels';
export { detectKey, pitchClassHistogram, worthOffering, type KeyGuess } from './keyDetection';
