import { expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createPhrase, createSong } from '../../src/core/song';
import { encodeShareLink } from '../../src/core/shareLink';
import { serializeProject } from '../../src/core/projectFile';
import type { Song } from '../../src/core/types';
import { openPanel } from './panels';
import { useAppSession } from './browser';

// Names and titles that come from files and links are data, rendered only as text. The pages run with the
// CSP bypassed: the policy would block inline handlers anyway, and this test is about the rendering.

const TITLE = `<img src=x onerror=alert(1)><script>window.__pwned='title'</script>`;
const PHRASE_NAMES = [`<img src=x onerror=window.__pwned=1>`, `<script>window.__pwned=2</script>`];

const session = useAppSession();

function hostileSong(): Song {
  const phrases = PHRASE_NAMES.map((name) => {
    const phrase = createPhrase(name, 1);
    return { ...phrase, notes: [{ pitch: 60, start: 0, length: 2, velocity: 96 }] };
  });
  return createSong({ title: TITLE, phrases });
}

/**
 * A context that records dialogs (the page gets no chance to hide one) and, from before the app's first
 * script, every element that markup in the data could have made: an <img> with src "x", an inline <script>,
 * any element with an on* handler attribute. If none was ever inserted, no handler can fire later, so the
 * test needs no wait for one to fire.
 */
async function watchedContext(): Promise<{ context: BrowserContext; dialogs: string[] }> {
  const context = await session.newContext({ bypassCSP: true });
  await context.addInitScript(() => {
    const made: string[] = [];
    (window as unknown as { __injected: string[] }).__injected = made;
    const suspicious = (e: Element) =>
      (e.tagName === 'IMG' && e.getAttribute('src') === 'x') ||
      (e.tagName === 'SCRIPT' && !e.hasAttribute('src')) ||
      Array.from(e.attributes).some((a) => a.name.startsWith('on'));
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of Array.from(r.addedNodes)) {
          if (!(node instanceof Element)) continue;
          for (const e of [node, ...Array.from(node.querySelectorAll('*'))])
            if (suspicious(e)) made.push(e.outerHTML.slice(0, 80));
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const dialogs: string[] = [];
  context.on('page', (page) =>
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    }),
  );
  return { context, dialogs };
}

/** What the page shows of each hostile string: literally as text (or as a field's value), never as markup. */
async function rendering(page: Page) {
  return page.evaluate(
    ({ title, names }) => {
      // innerText is what is rendered; textContent adds list items scrolled out of view (content-visibility skips
      // rendering them). A name found in either is a text node, not markup.
      const text = `${document.body.innerText}\n${document.body.textContent}`;
      const values = Array.from(document.querySelectorAll('input, textarea')).map((e) => (e as HTMLInputElement).value);
      const shows = (s: string) => text.includes(s) || values.includes(s);
      return {
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        injected: (window as unknown as { __injected: string[] }).__injected,
        injectedImages: document.querySelectorAll('img[src="x"]').length,
        scripts: Array.from(document.scripts).filter((s) => !s.src).length,
        titleShown: shows(title),
        namesShown: names.map(shows),
      };
    },
    { title: TITLE, names: PHRASE_NAMES },
  );
}

const SAFE = { pwned: null, injected: [], injectedImages: 0, scripts: 0, titleShown: true, namesShown: [true, true] };

test('a share link whose song title and phrase names hold markup and script shows them as text only', async () => {
  const { context, dialogs } = await watchedContext();
  const payload = await encodeShareLink(hostileSong());
  const app = await session.open(`/#song=${payload}`, context);
  const { page } = app;
  await page
    .getByRole('textbox', { name: 'Song title' })
    .and(page.locator(`[value="${TITLE.replace(/"/g, '\\"')}"]`))
    .waitFor();
  // The timeline and the phrase bin follow a new song in a deferred render: wait for every name.
  await expect.poll(() => rendering(page)).toEqual(SAFE);
  expect(dialogs).toEqual([]);
  expect(app.errors).toEqual([]);
});

test('a project file whose song title and phrase names hold markup and script shows them as text only', async () => {
  const { context, dialogs } = await watchedContext();
  const app = await session.open('/', context);
  const { page } = app;
  await openPanel(page, 'Export');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open project' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'hostile.phrasewright.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeProject(hostileSong())),
  });
  await page
    .getByRole('textbox', { name: 'Song title' })
    .and(page.locator(`[value="${TITLE.replace(/"/g, '\\"')}"]`))
    .waitFor();
  await expect.poll(() => rendering(page)).toEqual(SAFE);
  expect(dialogs).toEqual([]);
  expect(app.errors).toEqual([]);
});
