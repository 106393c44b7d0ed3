import { stepsPerBeat } from '../meter';
import type { Bpm, TimeSignature } from '../types';
import type { MidiImportReport } from './importMidi';

/**
 * What an import did, in a musician's words: what was left out and why, what moved and by how much, how
 * the tune was cut. One sentence per fact, nothing about ticks or bytes.
 */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A number of beats for people: 1 → "one beat", 0.5 → "half a beat", 1.5 → "1½ beats". */
export function beatsInWords(beats: number): string {
  if (beats === 1) return 'one beat';
  if (beats === 0.5) return 'half a beat';
  const whole = Math.floor(beats);
  const fraction = beats - whole;
  const fractions: Record<string, string> = { '0.25': '¼', '0.5': '½', '0.75': '¾' };
  const text =
    fractions[String(fraction)] !== undefined
      ? `${whole || ''}${fractions[String(fraction)]}`
      : String(Math.round(beats * 100) / 100);
  return `${text} beats`;
}

export interface ReportContext {
  timeSignature: TimeSignature;
  /** Tempo of the file (for the grid offset in milliseconds). */
  tempo: Bpm;
  ppq: number;
}

/** The import's report as sentences, e.g. ["120 notes imported into 4 phrases.", "12 notes left out under ..."]. */
export function describeImport(report: MidiImportReport, context: ReportContext): string[] {
  const said: string[] = [];
  said.push(
    `${plural(report.notesImported, 'note')} imported into ${plural(report.phraseCount, 'phrase')} and ${plural(report.sectionCount, 'section')}.`,
  );
  if (report.pickupSteps > 0) {
    said.push(
      `The tune starts with a pickup of ${beatsInWords(report.pickupSteps / stepsPerBeat(context.timeSignature))}; it stays in the first phrase, and every phrase starts on a downbeat.`,
    );
  }
  if (report.phaseTicks !== 0) {
    const ms = Math.round((Math.abs(report.phaseTicks) / context.ppq) * (60_000 / context.tempo));
    said.push(
      `The whole file sits ${ms} ms ${report.phaseTicks > 0 ? 'behind' : 'ahead of'} the beat; the notes were lined up with the beat first.`,
    );
  }
  if (report.swing > 0)
    said.push(
      `Notes were placed on a swung grid (swing ${Math.round(report.swing * 100)}%), as the song will play them.`,
    );
  else if (report.detectedSwing)
    said.push(
      `The melody swings its off-beat sixteenths (about ${Math.round(report.detectedSwing * 100)}%); they were placed straight.`,
    );
  if (report.movedNotes) {
    const most = report.largestMove > 0.375 ? 'a 32nd note' : 'a 64th note';
    said.push(
      `${plural(report.movedNotes, 'note was', 'notes were')} off the sixteenth grid and moved onto it, by up to ${most}.`,
    );
  }
  if (report.tripletNotes)
    said.push(
      `${plural(report.tripletNotes, 'note sits', 'notes sit')} on triplets, which the sixteenth grid cannot hold: ${report.tripletNotes === 1 ? 'it was' : 'they were'} moved to the nearest sixteenth.`,
    );
  if (report.droppedUnderHigher)
    said.push(
      `${plural(report.droppedUnderHigher, 'note was', 'notes were')} left out under a higher note that starts at the same moment (one note at a time; the highest is kept).`,
    );
  if (report.duplicatesRemoved) said.push(`${plural(report.duplicatesRemoved, 'exact duplicate')} removed.`);
  if (report.shortenedForMonophony)
    said.push(
      `${plural(report.shortenedForMonophony, 'held note was', 'held notes were')} shortened where the next note starts.`,
    );
  if (report.foldedIntoRange)
    said.push(`${plural(report.foldedIntoRange, 'note was', 'notes were')} moved by octaves into the piano's range.`);
  if (report.cutAtPhraseEnd)
    said.push(`${plural(report.cutAtPhraseEnd, 'note was', 'notes were')} cut short at the end of a phrase.`);
  if (report.stoppedAtBar !== null) {
    said.push(
      `The import stopped at bar ${report.stoppedAtBar + 1}, where the song would pass its limit of phrases or sections: ${plural(report.barsLeftOut, 'bar')} (${plural(report.notesLeftOut, 'note')}) left out. You can import the rest as another song.`,
    );
  }
  return said;
}
