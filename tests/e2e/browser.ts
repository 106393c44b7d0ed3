import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

export const CHROMIUM_PATH = process.env.PHRASEWRIGHT_CHROMIUM ?? '/usr/bin/chromium';

/** The flags this machine's closed network and headless audio need (see README). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * PHRASEWRIGHT_CPU_THROTTLE=4 runs every page 4x slower (CDP Emulation.setCPUThrottlingRate), to check the
 * timing promises (autosave within a second, MIDI timing) on a slow machine.
 */
const CPU_THROTTLE = Number(process.env.PHRASEWRIGHT_CPU_THROTTLE ?? 1);

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
}

/** Opens the app in a fresh context (empty IndexedDB) and waits until the step grid shows the opened song. */
export async function openApp(browser: Browser, path = '/', context?: BrowserContext): Promise<AppPage> {
  const ctx = context ?? (await browser.newContext());
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  if (CPU_THROTTLE > 1) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  }
  await page.goto(new URL(path, inject('baseUrl')).toString());
  await waitForOpenSong(page);
  return { context: ctx, page, errors };
}

/**
 * Waits until the page shows the song it opened. The grid first shows the blank song the store starts
 * with; the stored song replaces it once the library has loaded, when "Opening…" gives way to the save
 * status. A test that reads the grid before then reads the blank song (on a busy machine, it did).
 */
export async function waitForOpenSong(page: Page): Promise<void> {
  await page.getByRole('grid', { name: /^Phrase/ }).waitFor();
  await page.getByText(/^(Saved|Saving…|Not saved)$/).waitFor();
}

/**
 * Waits for the autosave of an edit just made: "Saving…" (shown from the edit until the write, at least the
 * autosave's quiet time) and then "Saved". Waiting for "Saved" alone can pass before the edit is rendered.
 */
export async function waitForAutosave(page: Page): Promise<void> {
  await page.getByText('Saving…', { exact: true }).waitFor();
  await page.getByText('Saved', { exact: true }).waitFor();
}

/**
 * Waits until the page's main thread goes idle (requestIdleCallback: no task or frame work pending), after
 * two frames so that work an event just scheduled has started. For tests that time something and must not
 * start while a redraw is still running.
 */
export async function mainThreadIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 10_000 })),
        ),
      ),
  );
}

/** Reloads the page and waits until it shows the song it opened. */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await waitForOpenSong(page);
}

export interface AppSession {
  /** The file's browser (launched before its first test). */
  readonly browser: Browser;
  /** A fresh context (empty storage), closed after the current test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens the app in `context`, or in a fresh one closed after the current test. */
  open(path?: string, context?: BrowserContext): Promise<AppPage>;
}

/**
 * The browser set-up every e2e file shares: one Chromium per file, and every context a test makes through
 * the session closed after that test, passed or failed, so no test sees another's storage or pages.
 */
export function useAppSession(timeoutMs = 60_000): AppSession {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  }, timeoutMs);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => {})));
  }, timeoutMs);
  afterAll(async () => {
    await browser?.close();
  }, timeoutMs);
  const session: AppSession = {
    get browser() {
      if (!browser) throw new Error('the browser is launched in beforeAll; use the session inside tests');
      return browser;
    },
    async newContext(options) {
      const context = await session.browser.newContext(options);
      contexts.push(context);
      return context;
    },
    async open(path = '/', context) {
      return openApp(session.browser, path, context ?? (await session.newContext()));
    },
  };
  return session;
}
