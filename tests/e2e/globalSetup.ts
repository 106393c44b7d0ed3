import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import { CHROMIUM_PATH } from './browser';

// Serves the production build (made by `npm run test:e2e` just before) on a free port for all e2e files.
let server: PreviewServer | undefined;

export async function setup({ provide }: { provide: (key: 'baseUrl', value: string) => void }) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" ` +
        '(or set PHRASEWRIGHT_CHROMIUM). Browser tests are never skipped silently.',
    );
  }
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run "vite build" first (npm run test:e2e does).');
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  provide('baseUrl', url);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
