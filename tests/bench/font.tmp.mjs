import { launch } from './lib.mjs';
const browser = await launch();
const page = await browser.newPage();
await page.setContent('<div id=host></div>');
const r = await page.evaluate(() => {
  const out = {};
  for (const [name, text, font] of [['plain', 'Bench 64 phrases x 8 bars - phrase P1', 'Times New Roman'], ['emdash', 'Bench 64 phrases x 8 bars — phrase P1', 'Times New Roman'], ['emdash-serif', 'Bench — P1', 'serif'], ['plain2', 'Bench x', 'Times New Roman']]) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const host = document.getElementById('host');
      host.innerHTML = `<svg width=400 height=100><text font-family="${font}" font-size="27" x="10" y="50"><tspan x="10">${text} ${i}</tspan></text></svg>`;
      const t0 = performance.now();
      host.querySelector('text').getBBox();
      times.push(Math.round((performance.now() - t0) * 10) / 10);
    }
    out[name] = times;
  }
  return out;
});
console.log(r);
await browser.close();
