// Shared plumbing for `npm run bench`: a production build served by vite preview, and Debian Chromium.
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// TypeScript through tsx (`npm run bench` runs node --import tsx), so the bench reads the index as the app does.
import { shippedModel } from '../../src/train/export/shippedModels.ts';

export const RESULTS_DIR = 'tests/bench/results';

/**
 * The id of the melody model the app uses for a style (public/checkpoints/index.json read by the app's own
 * pairing rule), so a newly shipped model is benched without edits.
 */
export function shippedMelodyModel(style = 'folk') {
  const entry = shippedModel(style, 'melody');
  if (!entry) throw new Error(`public/checkpoints/index.json lists no ${style} melody model`);
  return entry.id;
}

/** The bench entry in the bench build: the app plus window.__phrasewrightBench (tests/bench/page). */
export const BENCH_PAGE = 'tests/bench/page/bench.html';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts `vite preview` on dist/ and returns its base URL and a close function. */
export async function serveDist() {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  return { url: server.resolvedUrls.local[0], close: () => server.close() };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.PHRASEWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * One figure: `value` against `target` (`better` says which direction passes), with the baseline measured in
 * the same run when there is one.
 */
export function figure({ name, value, unit, target, better = 'lower', baseline, note }) {
  const pass = target === undefined ? null : better === 'lower' ? value <= target : value >= target;
  return { name, value, unit, target, better, baseline, note, pass };
}

export function writeResult(id, figures, meta = {}) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const record = { id, date: new Date().toISOString(), machine: machineInfo(), ...meta, figures };
  writeFileSync(join(RESULTS_DIR, `${id}.json`), JSON.stringify(record, null, 2) + '\n');
  return record;
}

function machineInfo() {
  return { node: process.version, platform: process.platform, arch: process.arch };
}

/** Waits until the page has gone 1.5 s without a long task (start-up work such as Tone's import is over). */
export async function waitForQuietPage(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = performance.now();
        const observer = new PerformanceObserver((list) =>
          list.getEntries().forEach((e) => (last = Math.max(last, e.startTime + e.duration))),
        );
        observer.observe({ type: 'longtask', buffered: true });
        const started = performance.now();
        const check = () => {
          if (performance.now() - last > 1500 || performance.now() - started > 15_000) {
            observer.disconnect();
            resolve();
          } else setTimeout(check, 100);
        };
        check();
      }),
  );
}
