import { readCorpus } from '../src/train/corpus/readCorpus';
import { eventClass } from '../src/train/corpus/melodyEvents';
import { KneserNeyModel, scoreNgram } from '../src/train/eval/kneserNey';
const c = readCorpus('../shared/corpus/nottingham', { minPitch: 48, maxPitch: 83 });
const cls = (ts: typeof c.train) => ts.map((t) => Array.from(t.events, (e) => eventClass(e, 48)));
const tr = cls(c.train), va = cls(c.validation);
for (let n = 1; n <= 6; n++) { const t0 = performance.now(); const m = new KneserNeyModel(n, 38, tr); const s = scoreNgram(m, va); console.log(n, s.nll.toFixed(4), s.accuracy.toFixed(4), s.events, ((performance.now() - t0) / 1000).toFixed(1) + 's'); }
