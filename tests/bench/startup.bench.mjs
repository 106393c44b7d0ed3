// JS bytes (gzip) loaded before first paint, and time to first render of the step grid, on the production build.
import { gzipSync } from 'node:zlib';
import { figure, median } from './lib.mjs';

const RUNS = 5;

/** Resolves with the script URLs fetched before first contentful paint and the time the grid appeared. */
async function loadOnce(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen = () => document.querySelector('[role="grid"]');
    new MutationObserver((_m, obs) => {
      if (seen() && !window.__gridAt) {
        window.__gridAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__gridAt !== undefined, null, { timeout: 10_000 });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const timing = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0].startTime;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js') || r.name.endsWith('.mjs'))
      .filter((r) => r.responseEnd <= fcp)
      .map((r) => r.name);
    return { fcp, gridAt: window.__gridAt, scripts };
  });
  await context.close();
  return timing;
}

export async function benchStartup({ browser, url }) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(browser, url));
  const scripts = runs[runs.length - 1].scripts;
  let gzipBytes = 0;
  for (const s of scripts) {
    const body = Buffer.from(await (await fetch(s)).arrayBuffer());
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return [
    figure({
      name: 'JS before first paint (gzip)',
      value: Math.round(gzipBytes / 1024),
      unit: 'KB',
      target: 250,
      note: `${scripts.length} script(s); tfjs and Magenta must not be among them`,
    }),
    figure({
      name: 'first contentful paint',
      value: Math.round(median(runs.map((r) => r.fcp))),
      unit: 'ms',
      target: 1000,
    }),
    figure({
      name: 'time to first render (grid in DOM)',
      value: Math.round(median(runs.map((r) => r.gridAt))),
      unit: 'ms',
      target: 1000,
      note: `median of ${RUNS} cold loads`,
    }),
  ];
}
