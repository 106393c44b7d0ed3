import { readCorpus } from '../src/train/corpus/readCorpus';
import { chordSymbol } from '../src/train/corpus/chordSymbols';
const t0 = performance.now();
const c = readCorpus('/work/shared/corpus/nottingham', { minPitch: 48, maxPitch: 83 });
console.log('ms', performance.now() - t0, 'train', c.train.length, 'val', c.validation.length, 'skipped', c.skipped, 'offgrid', c.offGridNotes, '/', c.melodyNotes, 'shifted', c.octaveShifted);
const steps = c.train.reduce((s, t) => s + t.events.length, 0); console.log('train steps', steps, 'val steps', c.validation.reduce((s, t) => s + t.events.length, 0));
const spb: Record<number, number> = {}; for (const t of [...c.train, ...c.validation]) spb[t.stepsPerBar] = (spb[t.stepsPerBar] ?? 0) + 1; console.log(spb);
const t = c.train[0]; console.log(t.name, Array.from(t.events.slice(0, 48)).join(' '));
console.log(t.chords.slice(0, 64).filter((_, i) => i % 4 == 0).map(chordSymbol).join(' '));
const counts: Record<string, number> = {}; for (const t of c.train) for (const ch of t.chords) { const s = chordSymbol(ch); counts[s] = (counts[s] ?? 0) + 1; }
console.log(Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 40));
