import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppSession } from './browser';
import { FOLK_MELODY, shippedModel } from './shippedModels';

// The style picker chooses whose models write: switching the song to Pop makes Propose use the pop
// checkpoint (the shipped pop melody model) in the real worker, the song remembers the style, and the
// accepted candidate's history names the pop model.

const POP_MELODY = shippedModel('pop', 'melody');
const MODEL_READY_MS = 90_000;
// Two checkpoints load in turn (tfjs, the wasm backend, two sets of weights) on a busy 2-core machine.
const TEST_TIMEOUT_MS = 180_000;

const session = useAppSession(TEST_TIMEOUT_MS);

const panel = (page: Page) => page.getByRole('region', { name: 'Model proposals' });
const items = (page: Page) => page.getByRole('list', { name: 'Proposals' }).getByRole('listitem');
const style = (page: Page) => panel(page).getByRole('combobox', { name: 'Model style' });
const modelStatus = (page: Page) =>
  panel(page)
    .getByRole('status')
    .filter({ hasText: / ready \(/ });

async function proposeAndWaitFor(page: Page, modelId: string): Promise<void> {
  await panel(page).getByRole('button', { name: 'Propose' }).click();
  await modelStatus(page)
    .filter({ hasText: `${modelId} ready` })
    .waitFor({ timeout: MODEL_READY_MS });
  await expect.poll(() => items(page).count(), { timeout: MODEL_READY_MS }).toBe(2);
}

test(
  'switching the style to Pop changes the model Propose uses, and the song keeps the style',
  async () => {
    const app = await session.open();
    const { page } = app;
    const labels = await style(page).locator('option').allTextContents();
    expect(labels).toEqual(['Folk (Nottingham)', 'Pop (POP909)', 'Other checkpoint URL…']);
    expect(await style(page).inputValue()).toBe('folk');
    const candidates = panel(page).getByRole('spinbutton', { name: 'Candidates' });
    await candidates.fill('2');
    await candidates.blur();

    await proposeAndWaitFor(page, FOLK_MELODY.id);

    await style(page).selectOption({ label: 'Pop (POP909)' });
    await proposeAndWaitFor(page, POP_MELODY.id);
    await items(page).first().getByRole('button', { name: 'Accept', exact: true }).click();
    // The history is a panel tab once the layout has tabs (UI contract), or on the page before that.
    const historyTab = page.getByRole('tab', { name: 'History' });
    if (await historyTab.count()) await historyTab.click();
    await page
      .getByRole('region', { name: 'History' })
      .getByText(`Proposed by the model ${POP_MELODY.id}`, { exact: false })
      .first()
      .waitFor();

    // The style is part of the song: it comes back with the autosaved song after a reload.
    await page.getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    await page.reload();
    await page.getByRole('grid', { name: /^Phrase/ }).waitFor();
    await expect.poll(() => style(page).inputValue()).toBe('pop');
    expect(app.errors).toEqual([]);
  },
  TEST_TIMEOUT_MS,
);
