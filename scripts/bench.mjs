// `npm run bench`: builds the app, runs every benchmark in one headless Chromium session, writes the raw
// results to tests/bench/results/ and the summary table into BENCHMARKS.md (between the bench markers).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { serveDist, launch, writeResult } from '../tests/bench/lib.mjs';
import { benchStartup } from '../tests/bench/startup.bench.mjs';
import { benchMidi } from '../tests/bench/midi.bench.mjs';
import { benchModel } from '../tests/bench/model.bench.mjs';
import { benchFill } from '../tests/bench/fill.bench.mjs';
import { benchEdit } from '../tests/bench/edit.bench.mjs';
import { benchLoop } from '../tests/bench/loop.bench.mjs';
import { benchAutosave } from '../tests/bench/autosave.bench.mjs';
import { benchWav } from '../tests/bench/wav.bench.mjs';
import { benchClassroom } from '../tests/bench/classroom.bench.mjs';
import { benchInputs } from '../tests/bench/inputs.bench.mjs';
import { benchVae } from '../tests/bench/vae.bench.mjs';

// `node: true`: the suite runs in Node only (no build, no browser).
const SUITES = [
  { id: 'startup', title: 'Start-up', run: benchStartup },
  { id: 'model', title: 'Model', run: benchModel },
  { id: 'fill', title: 'Fill and chords', run: benchFill },
  { id: 'midi', title: 'MIDI and links', run: benchMidi, node: true },
  { id: 'edit', title: 'Editing', run: benchEdit },
  { id: 'loop', title: 'Writing loop', run: benchLoop },
  { id: 'autosave', title: 'Autosave', run: benchAutosave },
  { id: 'wav', title: 'WAV export', run: benchWav },
  { id: 'classroom', title: 'Classroom', run: benchClassroom },
  { id: 'inputs', title: 'Untrusted input (Node)', run: benchInputs, node: true },
  { id: 'vae', title: 'MusicVAE (Similar, Interpolate)', run: benchVae },
];

// `npm run bench -- model edit` runs only those suites (while working on them) and leaves BENCHMARKS.md alone:
// its table is always one full run.
const only = process.argv.slice(2);
const chosen = only.length ? SUITES.filter((s) => only.includes(s.id)) : SUITES;

// The bench build adds the bench entry (tests/bench/page/bench.html) beside the app. Node-only suites need
// neither the build nor the browser.
const needsBrowser = chosen.some((s) => !s.node);
if (needsBrowser) {
  const build = spawnSync('npx', ['vite', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, PHRASEWRIGHT_BENCH: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = needsBrowser ? await serveDist() : null;
const browser = needsBrowser ? await launch() : null;
const records = [];
let misses = 0;
try {
  for (const suite of chosen) {
    console.log(`\n== ${suite.title}`);
    const figures = await suite.run({ browser, url: server?.url });
    for (const f of figures) {
      const verdict = f.pass === null ? '' : f.pass ? 'ok' : 'MISSES TARGET';
      if (f.pass === false) misses++;
      const target =
        f.target === undefined ? '' : ` (target ${f.better === 'lower' ? '<=' : '>='} ${f.target} ${f.unit})`;
      console.log(`  ${f.name}: ${f.value} ${f.unit}${target} ${verdict}`);
    }
    records.push({ suite, record: writeResult(suite.id, figures) });
  }
} finally {
  await browser?.close();
  await server?.close();
}

if (!only.length) updateBenchmarksMd(records);
console.log(misses ? `\n${misses} figure(s) miss their target` : '\nall figures meet their targets');

function updateBenchmarksMd(done) {
  const path = 'BENCHMARKS.md';
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const rows = done.flatMap(({ suite, record }) =>
    record.figures.map((f) => {
      const target = f.target === undefined ? '' : `${f.better === 'lower' ? '≤' : '≥'} ${f.target} ${f.unit}`;
      const verdict = f.pass === null ? '' : f.pass ? 'meets' : '**misses**';
      const baseline = f.baseline === undefined ? '' : `${f.baseline} ${f.unit}`;
      return `| ${suite.title} | ${f.name} | ${f.value} ${f.unit} | ${baseline} | ${target} | ${verdict} | ${f.note ?? ''} |`;
    }),
  );
  const table = [
    start,
    `Last run: ${new Date().toISOString()} (\`npm run bench\`, production build, headless Debian Chromium, 2 cores).`,
    '',
    '| suite | figure | measured | baseline (same run) | target | verdict | note |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    end,
  ].join('\n');
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\n';
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + table + text.slice(text.indexOf(end) + end.length);
  } else {
    text = text.replace(/^# Benchmarks\n+/, `# Benchmarks\n\n## App (npm run bench)\n\n${table}\n\n`);
  }
  writeFileSync(path, text);
}
