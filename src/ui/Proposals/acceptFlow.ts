import type { AcceptMode } from '../../store/proposals/types';
import type { AppActions } from '../../store/types';
import type { UiSignals } from '../uiSignals';

/**
 * Accept from the UI (a button or Enter): a candidate that would replace notes the musician wrote is not
 * written at once; the rail asks first ("replaces 3 notes you wrote... Replace them?"), and the same Accept
 * again, or the question's own button, confirms.
 */
export function acceptFromUi(
  ui: UiSignals,
  actions: Pick<AppActions, 'acceptCandidate' | 'notify'>,
  id: string,
  mode: AcceptMode = 'replace',
): void {
  const pending = ui.get().pendingAccept;
  const confirmed = pending?.id === id && pending.mode === mode;
  const result = actions.acceptCandidate(id, mode, { overwrite: confirmed });
  if (result.ok) ui.set({ pendingAccept: null });
  else if (result.overwrites) ui.set({ pendingAccept: { id, mode, reason: result.reason } });
  else {
    ui.set({ pendingAccept: null });
    actions.notify({ id: 'accept-failed', kind: 'error', message: result.reason });
  }
}
