// Temporary profiler probe (not committed): main-thread CPU profile of a propose and of grid clicks in the large song.
import { serveDist, launch } from './lib.mjs';
import { injectLargeSong, openBenchPage } from './largeSong.mjs';
const mode = process.argv[2] ?? 'edit';
const server = await serveDist();
const browser = await launch();
function summarise(profile, label) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n.callFrame.url.includes('/assets/') && n.callFrame.url !== '') return;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`== ${label}: total ${total.toFixed(0)} ms`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k);
}
const { page } = await openBenchPage(browser, server.url);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
if (mode === 'edit') {
  await injectLargeSong(page);
  await page.waitForTimeout(1500);
  const pitch = await page.evaluate(() => document.querySelector('[role="gridcell"]').getAttribute('aria-label').split(' ')[0]);
  await browser.startTracing(page, { path: '/tmp/probe/trace-edit.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'] });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  const boxes = [];
  for (let i = 0; i < 4; i++) boxes.push(await page.getByRole('gridcell', { name: `${pitch} step ${2 + 2 * i}`, exact: true }).boundingBox());
  await page.evaluate(() => { window.__lat = []; const grid = document.querySelector('[role="grid"]'); let start = null;
    grid.addEventListener('pointerdown', (e) => (start = e.timeStamp), { capture: true });
    new MutationObserver(() => { if (start === null) return; const s = start; start = null; requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - s), 0)); }).observe(grid, { attributes: true, attributeFilter: ['aria-selected'], subtree: true }); });
  for (const b of boxes) {
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await page.waitForTimeout(1000);
  }
  console.log('latencies', await page.evaluate(() => window.__lat.map(Math.round).join(', ')));
  const { profile } = await cdp.send('Profiler.stop');
  await browser.stopTracing();
  summarise(profile, `10 clicks in ${Date.now() - t0} ms`);
} else {
  await page.evaluate(async () => {
    const { actions } = window.__phrasewrightBench;
    actions.setProposalSettings({ checkpointUrl: 'checkpoints/melody-rnn-v1' });
    await actions.loadModel('checkpoints/melody-rnn-v1');
    actions.setProposalSettings({ candidates: 8, bars: 2, temperature: 1, primer: 'none', scaleLock: true, keepSeed: false });
  });
  const once = () => page.evaluate(() => new Promise((resolve) => {
    const { store, actions } = window.__phrasewrightBench;
    const before = store.getState().proposals.candidates;
    const t0 = performance.now();
    const off = store.subscribe((s) => { if (s.proposals.candidates !== before && s.proposals.candidates.length === 8) { off(); resolve(performance.now() - t0); } });
    void actions.propose();
  }));
  await once();
  await page.waitForTimeout(500);
  await browser.startTracing(page, { path: '/tmp/probe/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'] });
  await cdp.send('Profiler.start');
  const times = [];
  for (let i = 0; i < 5; i++) { times.push(await once()); await page.waitForTimeout(300); }
  const { profile } = await cdp.send('Profiler.stop');
  await browser.stopTracing();
  summarise(profile, `5 proposals ${times.map(Math.round).join(', ')} ms`);
}
await browser.close();
await server.close();
