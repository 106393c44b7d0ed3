// Grid edit latency: from the pointerdown that adds a note to the first frame painted after the grid shows
// it, in the large song (64 phrases x 8 bars) against the app's default one-phrase song in the same run.
import { figure, median } from './lib.mjs';
import { LARGE_SONG, injectLargeSong, openBenchPage } from './largeSong.mjs';

const CLICKS = 30;
/** Four notes a second: brisk clicking, but with a pause no longer than a musician's between notes. */
const PACE_MS = 250;

/** Latencies (ms) of CLICKS note additions on empty cells of one row of the grid. */
async function clickLatencies(page) {
  await page.evaluate(() => {
    window.__editLatencies = [];
    const grid = document.querySelector('[role="grid"]');
    let start = null;
    grid.addEventListener('pointerdown', (e) => (start = e.timeStamp), { capture: true });
    // The frame that shows the new note: the rAF after the DOM change, then a task after that frame's paint.
    new MutationObserver(() => {
      if (start === null) return;
      const s = start;
      start = null;
      requestAnimationFrame(() => setTimeout(() => window.__editLatencies.push(performance.now() - s), 0));
    }).observe(grid, { attributes: true, attributeFilter: ['aria-selected'], subtree: true });
  });
  // A row away from the song's notes, and the odd steps (2, 4, ...) where no note starts. The cells are found
  // first and then clicked by position at a steady musician's pace (one note every PACE_MS), so the figure is
  // the app's own: Playwright's locator work in a 9,000-element page would otherwise set the rhythm.
  const pitch = await page.evaluate(
    () => document.querySelector('[role="gridcell"]').getAttribute('aria-label').split(' ')[0],
  );
  const boxes = [];
  for (let i = 0; i < CLICKS; i++) {
    const step = 2 + 2 * (i % 16); // within the default song's 2 bars too
    boxes.push(await page.getByRole('gridcell', { name: `${pitch} step ${step}`, exact: true }).boundingBox());
  }
  for (let i = 0; i < CLICKS; i++) {
    const started = Date.now();
    const box = boxes[i];
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((n) => window.__editLatencies.length > n, i);
    await page.waitForTimeout(Math.max(0, PACE_MS - (Date.now() - started)));
  }
  return page.evaluate(() => window.__editLatencies);
}

function p95(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

export async function benchEdit({ browser, url }) {
  const small = await openBenchPage(browser, url);
  const baseline = await clickLatencies(small.page);
  await small.context.close();

  const large = await openBenchPage(browser, url);
  const kb = await injectLargeSong(large.page);
  const latencies = await clickLatencies(large.page);
  await large.context.close();

  return [
    figure({
      name: `grid edit latency, ${LARGE_SONG.phrases} phrases x ${LARGE_SONG.bars} bars (input to painted frame)`,
      value: Math.round(median(latencies)),
      unit: 'ms',
      target: 50,
      baseline: Math.round(median(baseline)),
      note: `median of ${CLICKS} clicks, one every ${PACE_MS} ms (p95 ${Math.round(p95(latencies))} ms; song ${kb} KB as JSON); baseline: the default one-phrase song`,
    }),
  ];
}
