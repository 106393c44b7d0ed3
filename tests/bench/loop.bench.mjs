// The writing loop's figures (issue 11), in the large song (64 phrases x 8 bars):
// - the candidate preview switch: from the `]` key press to the frame that paints the next candidate's ghost
//   notes on the grid (target 50 ms), against the default one-phrase song in the same run;
// - every model action with the model loaded: from the click (Propose with a selection, Mutate) to the frame
//   that paints the ghost notes of what it made (target 300 ms).
import { figure, median, shippedMelodyModel, waitForQuietPage } from './lib.mjs';
import { LARGE_SONG, injectLargeSong, openBenchPage } from './largeSong.mjs';

const SWITCHES = 24;
const PACE_MS = 250;
const MODEL_RUNS = 7;
const MELODY_ID = shippedMelodyModel();
const CHECKPOINT = `checkpoints/${MELODY_ID}`;

function p95(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

/** Times from the next input event (keydown or pointerdown) to the frame painted after the ghost cells change. */
async function installGhostTimer(page) {
  await page.evaluate(() => {
    window.__ghostLatencies = [];
    let start = null;
    const mark = (e) => (start = e.timeStamp);
    window.addEventListener('keydown', mark, { capture: true });
    window.addEventListener('pointerdown', mark, { capture: true });
    const grid = document.querySelector('[role="grid"]');
    new MutationObserver(() => {
      if (start === null) return;
      const s = start;
      start = null;
      requestAnimationFrame(() => setTimeout(() => window.__ghostLatencies.push(performance.now() - s), 0));
    }).observe(grid, { attributes: true, attributeFilter: ['data-proposed'], subtree: true });
  });
}

/** Eight made-up candidates for bars 1-2 of the phrase in the grid, the first previewed (no model needed). */
async function injectCandidates(page) {
  await page.evaluate(() => {
    const { store } = window.__phrasewrightBench;
    const state = store.getState();
    const phrase = state.song.phrases.find((p) => p.id === state.editor.currentPhraseId) ?? state.song.phrases[0];
    // Bars 1-2: inside every phrase (the default one-phrase song has 2 bars, the large song 8).
    const span = { start: 0, end: 32 };
    const candidates = Array.from({ length: 8 }, (_, i) => ({
      id: `bench-candidate-${i}`,
      number: i + 1,
      phraseId: phrase.id,
      span,
      notes: Array.from({ length: 8 }, (_, k) => ({
        pitch: 62 + ((i * 3 + k * 5) % 14),
        start: k * 4,
        length: 2 + ((i + k) % 2),
        velocity: 96,
      })),
      bars: 2,
      kind: 'proposed',
      idea: 'continue',
      action: `proposal ${i + 1} of 8`,
      modelId: 'bench',
      temperature: 1,
      seed: i,
      lockedNotes: [],
      primer: null,
      scaleLock: true,
    }));
    store.setState({ proposals: { ...state.proposals, candidates, previewId: candidates[0].id } });
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-proposed="true"]').length > 0);
}

/** Latencies (ms) of SWITCHES presses of `]` at a steady pace. */
async function switchLatencies(page) {
  await injectCandidates(page);
  await installGhostTimer(page);
  await page.evaluate(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined,
  );
  await page.waitForTimeout(1000); // the rail's rolls and the timeline settle after the injection
  for (let i = 0; i < SWITCHES; i++) {
    const started = Date.now();
    await page.keyboard.press(']');
    await page.waitForFunction((n) => window.__ghostLatencies.length > n, i);
    await page.waitForTimeout(Math.max(0, PACE_MS - (Date.now() - started)));
  }
  return page.evaluate(() => window.__ghostLatencies);
}

/** Click-to-ghost-notes latencies of Propose (over bars 3-4, selected) and Mutate, with the model loaded. */
async function modelActionLatencies(page) {
  const loaded = await page.evaluate(async (checkpoint) => {
    const { actions } = window.__phrasewrightBench;
    actions.setProposalSettings({
      checkpointUrl: checkpoint,
      candidates: 4,
      bars: 2,
      primer: 'previous',
      mutation: 'resample',
      keepSeed: false,
    });
    return actions.loadModel(checkpoint);
  }, CHECKPOINT);
  if (!loaded) throw new Error(`loop bench: ${CHECKPOINT} did not load`);
  await page.evaluate(() => window.__phrasewrightBench.actions.setSelection({ start: 32, end: 64 }));
  await waitForQuietPage(page);
  await installGhostTimer(page);
  const propose = page.getByRole('button', { name: 'Propose', exact: true });
  const results = { propose: [], mutate: [] };
  const idle = () =>
    page.waitForFunction(() => window.__phrasewrightBench.store.getState().proposals.activity.kind === 'idle');
  // One of each first, unmeasured, as a musician's first clicks after the load are.
  for (let i = -1; i < MODEL_RUNS; i++) {
    let n = await page.evaluate(() => window.__ghostLatencies.length);
    await propose.click();
    await page.waitForFunction((k) => window.__ghostLatencies.length > k, n, { timeout: 20_000 });
    await idle();
    if (i >= 0) results.propose.push(await page.evaluate(() => window.__ghostLatencies.at(-1)));
    await page.waitForTimeout(PACE_MS);
    n = await page.evaluate(() => window.__ghostLatencies.length);
    await page
      .getByRole('list', { name: 'Proposals' })
      .getByRole('listitem')
      .first()
      .getByRole('button', { name: 'Mutate', exact: true })
      .click();
    await page.waitForFunction((k) => window.__ghostLatencies.length > k, n, { timeout: 20_000 });
    await idle();
    if (i >= 0) results.mutate.push(await page.evaluate(() => window.__ghostLatencies.at(-1)));
    await page.waitForTimeout(PACE_MS);
  }
  return results;
}

export async function benchLoop({ browser, url }) {
  const small = await openBenchPage(browser, url);
  const baseline = await switchLatencies(small.page);
  await small.context.close();

  const large = await openBenchPage(browser, url);
  await injectLargeSong(large.page);
  const switches = await switchLatencies(large.page);
  const model = await modelActionLatencies(large.page);
  await large.context.close();

  const song = `${LARGE_SONG.phrases} phrases x ${LARGE_SONG.bars} bars`;
  return [
    figure({
      name: `candidate preview switch, ${song} (] key to ghost notes painted)`,
      value: Math.round(median(switches)),
      unit: 'ms',
      target: 50,
      baseline: Math.round(median(baseline)),
      note: `median of ${SWITCHES} presses, one every ${PACE_MS} ms (p95 ${Math.round(p95(switches))} ms); 8 candidates of 2 bars in an 8-bar phrase; baseline: the default one-phrase song`,
    }),
    figure({
      name: `Propose with the model loaded, ${song} (click to ghost notes painted)`,
      value: Math.round(median(model.propose)),
      unit: 'ms',
      target: 300,
      note: `median of ${MODEL_RUNS} (max ${Math.round(Math.max(...model.propose))} ms); 4 candidates over a 2-bar selection, heard after the previous phrase and the bars before; ${MELODY_ID} on wasm`,
    }),
    figure({
      name: `Mutate with the model loaded, ${song} (click to ghost notes painted)`,
      value: Math.round(median(model.mutate)),
      unit: 'ms',
      target: 300,
      note: `median of ${MODEL_RUNS} (max ${Math.round(Math.max(...model.mutate))} ms); model rewrite of half the beats`,
    }),
  ];
}
