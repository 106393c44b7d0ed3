// The MusicVAE's figures from issue 14, on the production build in Chromium: the VAE's load on a fresh page
// (worker start, wasm backend, Magenta's MusicVAE chunk, weights, warm-up); Interpolate with 8 in-between
// phrases and Similar with 8 variations, from the action's call to the result in the store; and the worker's
// tensor count over many requests.
import { BENCH_PAGE, figure, median } from './lib.mjs';

const CHECKPOINT = 'checkpoints/melody-vae-v4';
const RUNS = 9;
const MEMORY_RUNS = Number(process.env.PW_BENCH_VAE_MEMORY_RUNS ?? 200);
const log = (...a) => console.log('  [vae]', ...a);

export async function benchVae({ browser, url }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(BENCH_PAGE, url).toString(), { waitUntil: 'load' });
  await page.waitForFunction(
    () => window.__phrasewrightBench?.vae !== undefined && document.querySelector('[role="grid"]'),
  );

  const load = await page.evaluate(async (checkpoint) => {
    const { model } = window.__phrasewrightBench;
    const t0 = performance.now();
    const info = await model().loadVae(checkpoint);
    return { wall: performance.now() - t0, info };
  }, CHECKPOINT);
  log('loaded', load);

  const timing = await page.evaluate(
    async ({ runs }) => {
      const { store, actions, vae } = window.__phrasewrightBench;
      const v = vae();
      const tune = (pitches, bars) =>
        Array.from({ length: bars * 4 }, (_, i) => ({
          pitch: pitches[i % pitches.length],
          start: i * 4,
          length: i % 3 === 2 ? 2 : 4,
          velocity: 90,
        }));
      const write = (id, notes, bars) =>
        store.setState({
          song: {
            ...store.getState().song,
            phrases: store.getState().song.phrases.map((p) => (p.id === id ? { ...p, notes, bars } : p)),
          },
        });
      const a = store.getState().song.phrases[0].id;
      const b = actions.addPhrase();
      const c = actions.addPhrase();
      const d = actions.addPhrase();
      write(a, tune([60, 62, 64, 67, 65, 64, 62, 60], 2), 2);
      write(b, tune([67, 69, 71, 72, 74, 72, 71, 67], 2), 2);
      write(c, tune([60, 64, 67, 72, 67, 64], 4), 4);
      write(d, tune([72, 71, 69, 67, 65, 64, 62], 4), 4);
      actions.selectPhrase(a);
      actions.setProposalSettings({ scaleLock: true });
      const settled = () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));
      const timed = async (run, key) => {
        await run(); // warm-up
        const out = [];
        for (let i = 0; i < runs; i++) {
          await settled();
          await run();
          out.push(v.getState().lastMs[key]);
        }
        return out;
      };
      v.actions.setSteps(8);
      v.actions.setEnds({ kind: 'phrase', id: a }, { kind: 'phrase', id: b });
      const interpolate2 = await timed(() => v.actions.interpolate(), 'interpolate');
      v.actions.setEnds({ kind: 'phrase', id: c }, { kind: 'phrase', id: d });
      const interpolate4 = await timed(() => v.actions.interpolate(), 'interpolate');
      v.actions.setCount(8);
      v.actions.setSimilarity(0.9);
      const similar2 = await timed(async () => {
        store.setState({ proposals: { ...store.getState().proposals, candidates: [] } });
        await v.actions.similar();
      }, 'similar');
      actions.selectPhrase(c);
      const similar4 = await timed(async () => {
        store.setState({ proposals: { ...store.getState().proposals, candidates: [] } });
        await v.actions.similar();
      }, 'similar');
      const alerts = store
        .getState()
        .notices.filter((n) => n.kind === 'error')
        .map((n) => n.message);
      return { interpolate2, interpolate4, similar2, similar4, alerts };
    },
    { runs: RUNS },
  );
  log('timed', timing);
  if (timing.alerts.length) throw new Error(`vae bench: ${timing.alerts.join('; ')}`);

  const memory = await page.evaluate(async (runs) => {
    const { model } = window.__phrasewrightBench;
    const client = model();
    const before = await client.memory();
    const events = Int32Array.from({ length: 32 }, (_, i) => (i % 4 === 0 ? 14 + (i % 7) : 0));
    for (let i = 0; i < runs; i++)
      await client.runVae({ kind: 'similar', windows: [events.slice()], count: 8, similarity: 0.9, seed: i });
    const after = await client.memory();
    return { before, after };
  }, MEMORY_RUNS);
  log('memory', memory);
  await context.close();

  const all = (xs) => xs.map((t) => Math.round(t)).join(', ');
  return [
    figure({
      name: 'MusicVAE load (melody-vae-v4), fresh page',
      value: Math.round(load.wall),
      unit: 'ms',
      target: 2000,
      note: `worker start, ${load.info.backend} backend, Magenta's MusicVAE chunk, weights and warm-up; inside the worker ${Math.round(load.info.loadMs)} ms`,
    }),
    figure({
      name: 'Interpolate, 8 in-between 2-bar phrases, request to store',
      value: Math.round(median(timing.interpolate2)),
      unit: 'ms',
      target: 150,
      note: `median of ${RUNS} after a warm-up; all: ${all(timing.interpolate2)}`,
    }),
    figure({
      name: 'Similar, 8 variations of a 2-bar phrase, request to store',
      value: Math.round(median(timing.similar2)),
      unit: 'ms',
      target: 150,
      note: `median of ${RUNS} after a warm-up; all: ${all(timing.similar2)}`,
    }),
    figure({
      name: 'Interpolate, 8 in-between 4-bar phrases (two windows each), request to store',
      value: Math.round(median(timing.interpolate4)),
      unit: 'ms',
      note: `median of ${RUNS}; all: ${all(timing.interpolate4)}`,
    }),
    figure({
      name: 'Similar, 8 variations of a 4-bar phrase (two windows), request to store',
      value: Math.round(median(timing.similar4)),
      unit: 'ms',
      note: `median of ${RUNS}; all: ${all(timing.similar4)}`,
    }),
    figure({
      name: `worker tensor growth over ${MEMORY_RUNS} Similar requests`,
      value: memory.after.numTensors - memory.before.numTensors,
      unit: 'tensors',
      target: 0,
      note: `tensor bytes ${((memory.after.numBytes - memory.before.numBytes) / 2 ** 20).toFixed(2)} MB`,
    }),
  ];
}
