// Autosave write time for the large song: an edit through the store, then the app's own autosave path
// (flushSave: JSON encoding and the IndexedDB put to its commit, after the UI has rendered the edit),
// against the default one-phrase song.
import { figure, median } from './lib.mjs';
import { LARGE_SONG, injectLargeSong, openBenchPage } from './largeSong.mjs';

const WRITES = 9;

async function writeTimes(page) {
  return page.evaluate(async (writes) => {
    const { actions } = window.__phrasewrightBench;
    const times = [];
    for (let i = 0; i < writes; i++) {
      actions.toggleNote(84, 1 + 2 * i); // an empty odd step, far above the song's notes
      // Let React show the edit first: the figure is the write, not the re-render (edit.bench measures that).
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      await actions.flushSave();
      times.push(performance.now() - t0);
    }
    return times;
  }, WRITES);
}

export async function benchAutosave({ browser, url }) {
  const small = await openBenchPage(browser, url);
  const baseline = await writeTimes(small.page);
  await small.context.close();

  const large = await openBenchPage(browser, url);
  const kb = await injectLargeSong(large.page);
  const times = await writeTimes(large.page);
  const status = await large.page.evaluate(() => window.__phrasewrightBench.store.getState().persistence.status);
  await large.context.close();
  if (status !== 'saved') throw new Error(`autosave of the large song ended as "${status}"`);

  return [
    figure({
      name: `autosave write, ${LARGE_SONG.phrases} phrases x ${LARGE_SONG.bars} bars`,
      value: Math.round(median(times)),
      unit: 'ms',
      target: 200,
      baseline: Math.round(median(baseline)),
      note: `median of ${WRITES} writes of ${kb} KB (max ${Math.round(Math.max(...times))} ms); baseline: the default one-phrase song`,
    }),
  ];
}
