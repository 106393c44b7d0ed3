import { expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPanel } from './panels';
import { useAppSession } from './browser';
import { cell, soundingCells } from './gridHelpers';
import { playheadStep } from './soundProbe';
import { FOLK_MELODY } from './shippedModels';

// The production build carries a Content-Security-Policy (src/build/contentSecurityPolicy.ts): a whole
// session under it — edit, play, propose with the shipped model in its wasm worker, export MIDI, help —
// must not trip a single violation or console error.

const MODEL_PATH = FOLK_MELODY.path;
const MODEL_READY_MS = 45_000;

const session = useAppSession();

/** Records every `securitypolicyviolation` in each page (and its workers' reports to the page) on window. */
async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test('the production page carries the policy: no inline script, no eval beyond wasm', async () => {
  const response = await fetch(new URL('/', (await import('vitest')).inject('baseUrl')));
  const html = await response.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta).not.toBeNull();
  const policy = meta![1].replace(/&#39;/g, "'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  expect(policy).toMatch(/worker-src 'self' blob:/);
  // vite preview sends the same policy as a header, which also covers the model worker's script.
  expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  // No inline script in the shipped page: every script has a src.
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
});

test('the policy is enforced in the page: an injected inline script and eval are refused and reported', async () => {
  const context = await session.newContext();
  await recordViolations(context);
  const app = await session.open('/', context);
  const { page } = app;
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    // A string timer is eval by another name (DevTools' own evaluation is exempt, so eval() here proves nothing).
    (setTimeout as unknown as (code: string) => void)('window.__evalRan = true');
  });
  // Both are refused when they are attempted, and each refusal is reported: once both reports are in,
  // neither can still run.
  await expect.poll(async () => (await violations(page)).length).toBeGreaterThanOrEqual(2);
  const outcome = await page.evaluate(() => {
    const w = window as unknown as { __inlineRan?: boolean; __evalRan?: boolean };
    return { inlineRan: w.__inlineRan === true, evalRan: w.__evalRan === true };
  });
  expect(outcome).toEqual({ inlineRan: false, evalRan: false });
});

test('a full session (edit, play, propose, export MIDI, help) raises no CSP violation and no console error', async () => {
  const context = await session.newContext({ acceptDownloads: true });
  await recordViolations(context);
  const app = await session.open('/', context);
  const { page } = app;

  await cell(page, 'C4', 1).click();
  await cell(page, 'E4', 3).click();
  await cell(page, 'G4', 5).click();
  await expect.poll(() => soundingCells(page)).toHaveLength(3);

  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
  // Play on past the third note (step 5): half a second of audio time, many ticks of Tone's blob-worker ticker
  // (the planner's windows after the first), which a blocked worker would report as a violation.
  await expect.poll(() => playheadStep(page), { timeout: 15_000 }).toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();

  const panel = page.getByRole('region', { name: 'Model proposals' });
  const select = panel.getByRole('combobox', { name: 'Model' });
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  if (values.includes(MODEL_PATH)) await select.selectOption(MODEL_PATH);
  else {
    await select.selectOption('__custom__');
    await panel.getByRole('textbox', { name: 'Checkpoint URL' }).fill(MODEL_PATH);
    await panel.getByRole('textbox', { name: 'Checkpoint URL' }).press('Enter');
  }
  await panel.getByRole('button', { name: 'Propose' }).click();
  const items = page.getByRole('list', { name: 'Proposals' }).getByRole('listitem');
  await expect.poll(() => items.count(), { timeout: MODEL_READY_MS }).toBeGreaterThan(0);
  // The model must have run on wasm: a blocked compile would fall back to webgl/cpu without a word. The rail's
  // status names the backend ("… ready (wasm)"); the app has no bench hook since bench code left the build.
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: / ready \(/ })
        .textContent(),
    )
    .toMatch(/ ready \((follows chords, )?wasm\)/);

  await openPanel(page, 'Export');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export MIDI' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.midi?$/);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await page.keyboard.press('Escape');

  expect(await violations(page)).toEqual([]);
  expect(app.errors).toEqual([]);
});
