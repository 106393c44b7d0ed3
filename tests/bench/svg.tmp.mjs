import { serveDist, launch } from './lib.mjs';
import { injectLargeSong, openBenchPage } from './largeSong.mjs';
const server = await serveDist();
const browser = await launch();
const { page } = await openBenchPage(browser, server.url);
await injectLargeSong(page);
await page.waitForTimeout(2500);
const info = await page.evaluate(() => {
  const svgs = [...document.querySelectorAll('svg')];
  const texts = [...document.querySelectorAll('svg text')];
  const tspans = document.querySelectorAll('svg tspan').length;
  const big = svgs.map((s) => ({ cls: s.getAttribute('class'), parent: s.parentElement?.className, n: s.querySelectorAll('*').length, t: s.querySelectorAll('text').length })).sort((a, b) => b.n - a.n).slice(0, 5);
  const sample = texts.slice(0, 5).map((t) => t.outerHTML.slice(0, 300));
  // time a forced layout after dirtying every text
  const t0 = performance.now(); texts.forEach((t) => t.setAttribute('data-x', '1')); document.body.offsetHeight; const t1 = performance.now();
  return { texts: texts.length, tspans, big, sample, relayout: t1 - t0 };
});
console.log(JSON.stringify(info, null, 1));
await browser.close(); await server.close();
