import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { samplesPlugin } from './src/build/samplesPlugin.js';
import { contentSecurityPolicyPlugin } from './src/build/contentSecurityPolicy.js';
import { serviceWorkerPlugin } from './src/build/serviceWorkerPlugin.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/browser.js';

// One config for the app build and the three test layers: `unit` (Node, fast, most tests), `browser` (audio
// tests that need real Web Audio, inside Chromium) and `e2e` (real Chromium against the production build,
// served by tests/e2e/globalSetup.ts). The build plugins live in src/build.
/**
 * `npm run bench` builds with PHRASEWRIGHT_BENCH=1, which adds the bench entry (tests/bench/page/bench.html:
 * the app with a bench hook and a bench model worker). A plain build ships only index.html's app.
 */
const BENCH_ENTRY: Record<string, string> = process.env.PHRASEWRIGHT_BENCH
  ? { bench: fileURLToPath(new URL('./tests/bench/page/bench.html', import.meta.url)) }
  : {};

export default defineConfig({
  plugins: [react(), samplesPlugin(), contentSecurityPolicyPlugin(), serviceWorkerPlugin()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: { input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), ...BENCH_ENTRY } },
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        // Audio tests that need real Web Audio (offline renders, the sample loader), run inside Chromium.
        extends: true,
        // Pre-bundled up front: a dependency found mid-run makes Vite reload the page under a running test.
        // Everything the optimizer would otherwise find mid-run (it also crawls the app's entry): a late find
        // reloads the page under a running test, which once broke a whole file in CI.
        optimizeDeps: {
          include: [
            'tone',
            'tonal',
            'abcjs',
            'idb-keyval',
            'react',
            'react-dom',
            'react-dom/client',
            'zundo',
            'zustand/vanilla',
          ],
        },
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          // One file at a time: the live-engine tests listen on the real audio clock and must not share the CPU.
          fileParallelism: false,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
