import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../ui/App';
import { ServicesProvider } from '../ui/AppContext';
import { OfflineProvider } from '../ui/Offline/OfflineNotice';
import { themeSettings } from '../ui/Theme/themeSettings';
import '../ui/theme.css';
import { composeApp, type ComposeDeps, type ComposedApp } from './compose';
import { registerServiceWorker } from './serviceWorkerRegistration';

/**
 * Composes the app, renders it into #root and fetches the sound engine once the page is idle. The page's
 * entry (main.tsx) calls it; the bench entry (tests/bench/page) calls it with its own model client.
 */
export function startApp(win: Window, deps: ComposeDeps = {}, options: { serviceWorker: boolean }): ComposedApp {
  // Before the first render, so the page never flashes in the other theme.
  themeSettings.install(win);
  const app = composeApp(win, deps);
  // Production only: the dev server must never be shadowed by a cache of an older build.
  const offline = registerServiceWorker(win, options.serviceWorker);

  createRoot(win.document.getElementById('root')!).render(
    <StrictMode>
      <ServicesProvider value={app}>
        <OfflineProvider value={offline}>
          <App />
        </OfflineProvider>
      </ServicesProvider>
    </StrictMode>,
  );

  // Fetch the sound engine once the page has painted and the browser is idle, so the first Play is instant
  // but Tone.js is not part of start-up.
  const whenIdle = (fn: () => void) =>
    'requestIdleCallback' in win ? win.requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 1500);
  void app.ready.finally(() => whenIdle(() => void app.engine.preload()));
  return app;
}
