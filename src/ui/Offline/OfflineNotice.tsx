import { createContext, useContext, useSyncExternalStore } from 'react';
import { NO_OFFLINE, type OfflineStatus } from './offlineStatus';
import './offline.css';

const OfflineContext = createContext<OfflineStatus>(NO_OFFLINE);
export const OfflineProvider = OfflineContext.Provider;

/**
 * A quiet line in the header saying whether the app is ready to work offline, and, when a new version has
 * been stored, a notice with a button to switch to it (never switched under a running session).
 */
export function OfflineNotice() {
  const status = useContext(OfflineContext);
  const state = useSyncExternalStore(status.subscribe, status.get, status.get);
  switch (state.kind) {
    case 'unsupported':
      return null;
    case 'installing':
      return (
        <span role="status" className="offline-status">
          Saving for offline use…
        </span>
      );
    case 'ready':
      return (
        <span
          role="status"
          className="offline-status"
          title="The app, its models and the piano are stored in this browser"
        >
          Works offline
        </span>
      );
    case 'failed':
      return (
        <span role="status" className="offline-status" title={state.message}>
          Offline use unavailable
        </span>
      );
    case 'update-waiting':
      return (
        <div role="status" className="offline-status offline-update">
          A new version of Phrasewright is ready.{' '}
          <button type="button" onClick={() => status.applyUpdate()}>
            Reload to update
          </button>
        </div>
      );
  }
}
