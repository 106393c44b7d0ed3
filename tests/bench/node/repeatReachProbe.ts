// Node measurement (not a test): how far back a tune's step-for-step repeats reach, to size an attention
// memory. For each corpus folder, the share of all steps that lie in an exact repeat (repeatSources: runs of 8+
// steps with 3+ onsets equal to the steps d back, the runs `--copy-sources repeats` points the memory at)
// whose nearest source is at most 64, 128, 256 or 512 steps back. A memory of L steps, trained on windows
// of T, can copy only the repeats with d <= min(L, T - 1).
// Run: npx tsx tests/bench/node/repeatReachProbe.ts ../shared/corpus/pop909 ../shared/corpus/nottingham
import { readCorpus } from '../../../src/train/corpus/readCorpus';
import { repeatSources } from '../../../src/train/data/echoSteps';

const REACHES = [64, 128, 256, 512];

for (const folder of process.argv.slice(2)) {
  const corpus = readCorpus(folder, { minPitch: 48, maxPitch: 83 });
  const tunes = [...corpus.train, ...corpus.validation];
  const within = REACHES.map(() => 0);
  let steps = 0;
  for (const tune of tunes) {
    const sources = repeatSources(tune.events, REACHES[REACHES.length - 1]);
    steps += tune.events.length;
    sources.forEach((list, step) => {
      if (list.length === 0) return;
      const nearest = Math.min(...list.map((from) => step - from));
      REACHES.forEach((reach, i) => (within[i] += nearest <= reach ? 1 : 0));
    });
  }
  const shares = REACHES.map((reach, i) => `d <= ${reach}: ${(within[i] / steps).toFixed(3)}`).join(', ');
  console.log(
    `${folder}: ${tunes.length} tunes, ${(steps / tunes.length).toFixed(0)} steps each on average; ${shares}`,
  );
}
