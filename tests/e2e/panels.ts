import type { Page } from 'playwright-core';

/** The side panels' tabs (UI contract: a tablist named "Panels"). */
export function panelTab(page: Page, name: string) {
  return page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name, exact: true });
}

/** Opens the side panel `name` (Chords, Notation, Theory, History, MIDI, Keyboard, Mix, Export, Classroom, Songs) unless it is open. */
export async function openPanel(page: Page, name: string): Promise<void> {
  const tab = panelTab(page, name);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await page.getByRole('tabpanel').waitFor();
}
