/**
 * `npm run eval -- --task harmonize`: "Suggest chords" on whole tunes, one chord per bar, against each tune's
 * own chord at that bar's downbeat (the chord track read as the corpus reader reads it). Reports root and
 * exact-chord accuracy, and in the same run the baseline "the key's diatonic triad that covers most of the
 * bar's melody by duration". Bars whose own chord is N.C. (pickups) are not counted.
 */
import { chordVocabulary } from '../../core/harmony/chordVocabulary';
import { parseChordSymbol } from '../../core/chords';
import { KEY_TONICS } from '../../core/scale';
import {
  DEFAULT_BEAM_WIDTH,
  DEFAULT_CHORDS_PER_BEAM,
  DEFAULT_PRIOR_WEIGHT,
  DEFAULT_TONE_WEIGHT,
  harmonizeMelody,
} from '../../model/harmonize';
import { RnnRunner } from '../../model/rnnRunner';
import { num, str, type Args } from '../cli/args';
import { eventsToNotes } from '../corpus/melodyEvents';
import { tuneKey } from '../corpus/tuneKey';
import type { Tune } from '../corpus/tune';
import { printResult, round, setUpTask, tuneNotes } from './taskSetup';

interface Tally {
  bars: number;
  root: number;
  exact: number;
  baselineRoot: number;
  baselineExact: number;
}

const DEGREE_NAMES = ['1', 'b2', '2', 'b3', '3', '4', 'b5', '5', 'b6', '6', 'b7', '7'];

const maskOf = (pcs: readonly number[]) => pcs.reduce((m, pc) => m | (1 << pc), 0);

/** The diatonic triad (of the first seven vocabulary chords) whose tones the bar's melody sounds longest. */
export function coveringTriad(tune: Tune, bar: number, triads: string[]): string {
  const from = bar * tune.stepsPerBar;
  const to = from + tune.stepsPerBar;
  const notes = eventsToNotes(tune.events).filter((n) => n.end > from && n.start < to);
  let best = triads[0];
  let bestCover = -1;
  for (const triad of triads) {
    const pcs = parseChordSymbol(triad)!.pitchClasses;
    const cover = notes.reduce(
      (s, n) => s + (pcs.includes(n.pitch % 12) ? Math.min(n.end, to) - Math.max(n.start, from) : 0),
      0,
    );
    if (cover > bestCover) {
      bestCover = cover;
      best = triad;
    }
  }
  return best;
}

export async function runHarmonizeTask(args: Args): Promise<void> {
  const setup = await setUpTask(args, 'harmonizer', true);
  const { model, tunes } = setup;
  if (!model.spec.chordEncoder)
    throw new Error(`${setup.dir} is a melody model: --task harmonize needs a chord-conditioned checkpoint`);
  const runner = new RnnRunner(model.weights);
  const beamWidth = num(args, 'beam', DEFAULT_BEAM_WIDTH);
  const priorWeight = num(args, 'prior-weight', DEFAULT_PRIOR_WEIGHT);
  const chordsPerBeam = num(args, 'chords-per-beam', DEFAULT_CHORDS_PER_BEAM);
  const toneWeight = num(args, 'tone-weight', DEFAULT_TONE_WEIGHT);
  const wholeBars = Boolean(args['whole-bars']);
  const half = str(args, 'slot', 'bar') === 'half';
  console.log(
    `${setup.dir}: harmonizing ${tunes.length} tunes (${setup.split} split of ${setup.corpusDir}), one chord per ${half ? 'half bar' : wholeBars ? 'whole bar' : 'bar (its downbeat, searched in half bars)'}, ` +
      `beam ${beamWidth} x ${chordsPerBeam} chords, prior weight ${priorWeight}, tone weight ${toneWeight}${model.prior ? '' : ' (no chord_prior.json: model only)'}`,
  );
  const tally: Tally = { bars: 0, root: 0, exact: 0, baselineRoot: 0, baselineExact: 0 };
  /** Wrong roots as "the tune's root -> ours", in semitones-above-the-tonic names, to see what is confused. */
  const confusions = new Map<string, number>();
  /** Root accuracy apart for bars whose chord holds the whole bar and bars whose chord changes inside it. */
  const split = { steady: { bars: 0, root: 0 }, changing: { bars: 0, root: 0 } };
  const started = performance.now();
  let searchMs = 0;
  for (const tune of tunes) {
    const key = tuneKey(tune);
    if (!key) continue;
    const vocabulary = chordVocabulary({ tonic: KEY_TONICS[key.tonic], scale: key.family });
    const bars = Math.floor(tune.events.length / tune.stepsPerBar);
    const notes = tuneNotes(tune, 0, bars * tune.stepsPerBar);
    if (bars < 1 || notes.length === 0) continue;
    const slotSteps = half && tune.stepsPerBar % 2 === 0 ? tune.stepsPerBar / 2 : tune.stepsPerBar;
    const result = harmonizeMelody(runner, model.spec, model.prior, {
      notes,
      steps: bars * tune.stepsPerBar,
      slotSteps,
      barSteps: tune.stepsPerBar,
      vocabulary: vocabulary.symbols,
      tonic: key.tonic,
      family: key.family,
      endsSong: true,
      beamWidth,
      priorWeight,
      chordsPerBeam,
      toneWeight,
      wholeBars,
    });
    searchMs += result.generateMs;
    const triads = vocabulary.symbols.slice(0, 7);
    for (let bar = 0; bar < bars; bar++) {
      const truth = tune.chords[bar * tune.stepsPerBar];
      if (!truth || truth.root < 0) continue;
      const slot = result.slots.find((s) => s.start === bar * tune.stepsPerBar)!;
      const ours = parseChordSymbol(slot.best)!;
      const baseline = parseChordSymbol(coveringTriad(tune, bar, triads))!;
      tally.bars++;
      const barChords = tune.chords.slice(bar * tune.stepsPerBar, (bar + 1) * tune.stepsPerBar);
      const changes = barChords.some((c) => c.root !== truth.root || c.mask !== truth.mask);
      const part = changes ? split.changing : split.steady;
      part.bars++;
      const rootRight = ours.pitchClasses[0] === truth.root;
      if (rootRight) part.root++;
      else {
        const degree = (pc: number) => DEGREE_NAMES[(pc - key.tonic + 12) % 12];
        const pair = `${degree(truth.root)} -> ${degree(ours.pitchClasses[0])}`;
        confusions.set(pair, (confusions.get(pair) ?? 0) + 1);
      }
      if (rootRight) tally.root++;
      if (rootRight && maskOf(ours.pitchClasses) === truth.mask) tally.exact++;
      if (baseline.pitchClasses[0] === truth.root) tally.baselineRoot++;
      if (baseline.pitchClasses[0] === truth.root && maskOf(baseline.pitchClasses) === truth.mask)
        tally.baselineExact++;
    }
  }
  const share = (n: number) => n / Math.max(1, tally.bars);
  const pct = (n: number) => `${(100 * share(n)).toFixed(1)}%`.padStart(8);
  console.log(
    `\n${tally.bars} bars scored in ${((performance.now() - started) / 1000).toFixed(1)} s (search ${(searchMs / 1000).toFixed(1)} s)`,
  );
  console.log('method                                root acc.   exact acc.');
  console.log(`suggest chords (model + prior)        ${pct(tally.root)}     ${pct(tally.exact)}`);
  console.log(`diatonic triad covering the melody    ${pct(tally.baselineRoot)}     ${pct(tally.baselineExact)}`);
  const rate = (p: { bars: number; root: number }) => `${((100 * p.root) / Math.max(1, p.bars)).toFixed(1)}%`;
  console.log(
    `root accuracy on bars with one chord ${rate(split.steady)} (${split.steady.bars} bars), with a change inside the bar ${rate(split.changing)} (${split.changing.bars} bars)`,
  );
  const top = [...confusions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`most frequent wrong roots (tune's -> ours): ${top.map(([pair, n]) => `${pair} ${n}`).join(', ')}`);
  const lead = 100 * (share(tally.root) - share(tally.baselineRoot));
  console.log(
    `root accuracy ${lead >= 0 ? '+' : ''}${lead.toFixed(1)} points over the baseline; targets: >= 70% and >= +10 points`,
  );
  printResult({
    task: 'harmonize',
    bars: tally.bars,
    rootAccuracy: round(share(tally.root)),
    exactAccuracy: round(share(tally.exact)),
    baselineRootAccuracy: round(share(tally.baselineRoot)),
    baselineExactAccuracy: round(share(tally.baselineExact)),
  });
}
