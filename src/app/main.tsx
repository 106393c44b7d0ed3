import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../ui/App';
import { ServicesProvider } from '../ui/AppContext';
import { OfflineProvider } from '../ui/Offline/OfflineNotice';
import { themeSettings } from '../ui/Theme/themeSettings';
import '../ui/theme.css';
import { composeApp } from './compose';
import { registerServiceWorker } from './serviceWorkerRegistration';

// Before the first render, so the page never flashes in the other theme.
themeSettings.install(window);
const app = composeApp(window);
// Production only: the dev server must never be shadowed by a cache of an older build.
const offline = registerServiceWorker(window, import.meta.env.PROD);

createRoot(document.getElementById('root')!).render(
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
  'requestIdleCallback' in window ? window.requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 1500);
void app.ready.finally(() => whenIdle(() => void app.engine.preload()));
