import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../ui/App';
import { ServicesProvider } from '../ui/AppContext';
import '../ui/theme.css';
import { composeApp } from './compose';

const app = composeApp(window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesProvider value={app}>
      <App />
    </ServicesProvider>
  </StrictMode>,
);

// Fetch the sound engine once the page has painted and the browser is idle, so the first Play is instant
// but Tone.js is not part of start-up.
const whenIdle = (fn: () => void) =>
  'requestIdleCallback' in window ? window.requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 1500);
void app.ready.finally(() => whenIdle(() => void app.engine.preload()));
