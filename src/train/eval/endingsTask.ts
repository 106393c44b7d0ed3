/**
 * `npm run eval -- --task endings`: how candidates end, against how the corpus's 4- and 8-bar phrases end.
 * For each phrase end of the tunes scored, the app writes candidates for the two bars before it (after up to
 * four bars of the tune as primer, over the tune's chords) three ways: as before the ending rules, with "no
 * lone note on the last step", and with "End on a cadence" (the tonic when the phrase ends the tune). Each row
 * gives the share of last notes that start on the final sixteenth, that are a tone of the chord where they
 * start, and that are held to the bar line.
 */
import { cadenceStart, lastNote } from '../../core/phraseEnding';
import { proposeCandidates } from '../../model/propose';
import { BatchSampler } from '../../model/sampler';
import type { CandidateEnding, ProposalRequest } from '../../model/types';
import { num, type Args } from '../cli/args';
import { eventsToNotes } from '../corpus/melodyEvents';
import { tuneKey } from '../corpus/tuneKey';
import type { Tune } from '../corpus/tune';
import { maskPitchClasses } from './chordPriorCounts';
import { printResult, round, setUpTask, tuneChords, tuneNotes } from './taskSetup';

interface Tally {
  phrases: number;
  lastStep: number;
  chordTone: number;
  held: number;
}

const empty = (): Tally => ({ phrases: 0, lastStep: 0, chordTone: 0, held: 0 });

/** Bar lines where 4-bar phrases end: every 4 bars from the first full bar with a note (after any pickup). */
export function phraseEnds(tune: Tune): number[] {
  const notes = eventsToNotes(tune.events);
  if (notes.length === 0) return [];
  const bar = tune.stepsPerBar;
  const first = notes[0].start;
  const startBar = Math.ceil(first / bar);
  const bars = Math.floor(tune.events.length / bar);
  const ends: number[] = [];
  for (let b = startBar + 4; b <= bars; b += 4) ends.push(b);
  return ends;
}

/** Adds one last note to the tally: `chordAt(step)` is the chord mask sounding at a step of the tune. */
function count(
  tally: Tally,
  notes: { pitch: number; start: number; length: number; velocity: number }[],
  steps: number,
  chordMaskAt: (step: number) => number,
): void {
  const last = lastNote(notes, steps);
  if (!last) return;
  tally.phrases++;
  if (last.onLastStep) tally.lastStep++;
  if (last.heldToEnd) tally.held++;
  if (chordMaskAt(last.note.start) & (1 << (last.note.pitch % 12))) tally.chordTone++;
}

export async function runEndingsTask(args: Args): Promise<void> {
  const setup = await setUpTask(args, 'melody', false);
  const { model, tunes } = setup;
  const candidates = num(args, 'candidates', 4);
  const maxPhrases = num(args, 'max-phrases', 300);
  const sampler = new BatchSampler(model.weights);
  const corpus = empty();
  const ways = { before: empty(), noLastStep: empty(), cadence: empty() };
  let asked = 0;
  let seed = num(args, 'seed', 11);
  for (const tune of tunes) {
    const bar = tune.stepsPerBar;
    const ends = phraseEnds(tune);
    const key = tuneKey(tune);
    for (const end of ends) {
      const to = end * bar;
      const maskAt = (step: number) => ((tune.chords[step]?.root ?? -1) < 0 ? 0 : tune.chords[step].mask);
      // The corpus phrase: its last bar's notes, measured like a candidate's last two bars.
      count(corpus, tuneNotes(tune, to - 2 * bar, to), 2 * bar, (s) => maskAt(to - 2 * bar + s));
      if (asked >= maxPhrases || end < 3) continue;
      asked++;
      const from = to - 2 * bar;
      const primerFrom = Math.max(0, from - 4 * bar);
      const base: ProposalRequest = {
        candidates,
        steps: 2 * bar,
        temperature: 1,
        seed: seed++,
        primer:
          from > primerFrom
            ? {
                notes: tuneNotes(tune, primerFrom, from),
                steps: from - primerFrom,
                chords: tuneChords(tune, primerFrom, from),
              }
            : null,
        chords: tuneChords(tune, from, to),
        returnProbabilities: false,
      };
      // Tunes keep only the bar length: eighth-note beats place the cadence half a bar in for every metre here.
      const start = cadenceStart(2 * bar, { beats: bar / 2, beatUnit: 8 });
      const final = end === ends[ends.length - 1] && key !== null;
      const chordTones = maskPitchClasses(maskAt(from + start));
      const cadence: CandidateEnding = {
        noLastStepOnset: true,
        cadence: {
          start,
          pitchClasses: final ? [key!.tonic] : chordTones.length ? chordTones : key ? [key.tonic] : [],
        },
      };
      const settings: [Tally, CandidateEnding | undefined][] = [
        [ways.before, undefined],
        [ways.noLastStep, { noLastStepOnset: true }],
        [ways.cadence, cadence],
      ];
      for (const [tally, ending] of settings) {
        const result = proposeCandidates(model, sampler, { ...base, ...(ending ? { ending } : {}) });
        for (const c of result.candidates) count(tally, c.notes, 2 * bar, (s) => maskAt(from + s));
      }
    }
  }
  const share = (t: Tally, n: number) => n / Math.max(1, t.phrases);
  const row = (name: string, t: Tally) =>
    `${name.padEnd(40)}${String(t.phrases).padStart(7)}${(100 * share(t, t.lastStep)).toFixed(1).padStart(12)}%${(100 * share(t, t.chordTone)).toFixed(1).padStart(12)}%${(100 * share(t, t.held)).toFixed(1).padStart(12)}%`;
  console.log(
    `${setup.dir}: endings of ${asked} phrase ends x ${candidates} candidates (${setup.split} split of ${setup.corpusDir})\n`,
  );
  console.log(
    `${'last note of'.padEnd(40)}${'count'.padStart(7)}${'final 16th'.padStart(13)}${'chord tone'.padStart(13)}${'held'.padStart(13)}`,
  );
  console.log(row('corpus 4- and 8-bar phrase ends', corpus));
  console.log(row('candidates, no ending rules', ways.before));
  console.log(row('candidates, no lone last-step note', ways.noLastStep));
  console.log(row('candidates, End on a cadence', ways.cadence));
  printResult({
    task: 'endings',
    phrases: corpus.phrases,
    corpusLastStep: round(share(corpus, corpus.lastStep)),
    corpusChordTone: round(share(corpus, corpus.chordTone)),
    beforeLastStep: round(share(ways.before, ways.before.lastStep)),
    beforeChordTone: round(share(ways.before, ways.before.chordTone)),
    lastStep: round(share(ways.noLastStep, ways.noLastStep.lastStep)),
    cadenceChordTone: round(share(ways.cadence, ways.cadence.chordTone)),
  });
}
