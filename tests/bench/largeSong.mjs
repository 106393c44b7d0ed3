// The "large song" (64 phrases x 8 bars, a note every other step), put into the app through the bench
// entry's hook rather than by clicking, and opened as the current song.
import { BENCH_PAGE } from './lib.mjs';

export const LARGE_SONG = { phrases: 64, bars: 8 };

/** Opens the bench page in a fresh context; resolves when the grid and the bench hook are there. */
export async function openBenchPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(BENCH_PAGE, url).toString(), { waitUntil: 'load' });
  await page.waitForFunction(() => window.__phrasewrightBench !== undefined && document.querySelector('[role="grid"]'));
  await page.waitForFunction(() => window.__phrasewrightBench.store.getState().persistence.status === 'saved');
  return { context, page };
}

/**
 * Replaces the open song with a song of `phrases` phrases of `bars` bars, each with a one-step note on every
 * other step (starts 0, 2, 4...), arranged once each; returns its size as stored JSON in KB.
 */
export async function injectLargeSong(page, { phrases, bars } = LARGE_SONG) {
  return page.evaluate(
    async ({ phrases, bars }) => {
      const { store, actions } = window.__phrasewrightBench;
      const template = store.getState().song;
      const stepsPerBar = (16 * template.timeSignature.beats) / template.timeSignature.beatUnit;
      const list = Array.from({ length: phrases }, (_, i) => ({
        ...template.phrases[0],
        id: `bench-phrase-${i}`,
        name: `P${i + 1}`,
        bars,
        history: [],
        notes: Array.from({ length: (bars * stepsPerBar) / 2 }, (_, k) => ({
          pitch: 60 + ((k + i) % 12),
          start: 2 * k,
          length: 1,
          velocity: 96,
        })),
      }));
      const song = {
        ...template,
        id: `bench-song-${phrases}x${bars}`,
        title: `Bench ${phrases} phrases x ${bars} bars`,
        phrases: list,
        arrangement: list.map((p, i) => ({ id: `bench-section-${i}`, phraseId: p.id, repeats: 1, transpose: 0 })),
      };
      if (!list.every((p) => p.notes.length > 0)) throw new Error('the large song came out without notes');
      await actions.addSong(song);
      return Math.round(JSON.stringify(song).length / 1024);
    },
    { phrases, bars },
  );
}
