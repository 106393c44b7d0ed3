import { serveDist, launch } from './lib.mjs';
import { injectLargeSong, openBenchPage } from './largeSong.mjs';
const server = await serveDist();
const browser = await launch();
const { page } = await openBenchPage(browser, server.url);
await injectLargeSong(page);
await page.waitForTimeout(2000);
const cdp = await page.context().newCDPSession(page);
let layers = null;
cdp.on('LayerTree.layerTreeDidChange', (e) => { if (e.layers) layers = e.layers; });
await cdp.send('LayerTree.enable');
await page.evaluate(() => document.body.style.outline = '0px solid red');
await page.waitForTimeout(500);
console.log('layers', layers?.length, layers?.slice(0, 400).map((l) => `${l.backendNodeId ?? '-'}:${l.width}x${l.height}`).join(' ').slice(0, 1500));
const info = await page.evaluate(() => {
  const out = { all: document.querySelectorAll('*').length };
  for (const sel of ['[role="grid"]', '[aria-label="Arrangement"]', '[aria-label="Phrase library"]', '.notation, [aria-label*="otation"]', '.proposals-panel', 'svg']) {
    const els = document.querySelectorAll(sel);
    out[sel] = [...els].reduce((a, e) => a + e.querySelectorAll('*').length + 1, 0) + ` (${els.length})`;
  }
  const landmarks = [...document.querySelectorAll('section[aria-label], [role="region"], aside, main, nav')].map((e) => `${e.getAttribute('aria-label') ?? e.tagName}:${e.querySelectorAll('*').length}`);
  out.landmarks = landmarks;
  return out;
});
console.log(JSON.stringify(info, null, 1));
await browser.close(); await server.close();
