import { visiblePreview } from '../store/selectors';
import type { AppActions, AppStore } from '../store/types';
import { acceptFromUi } from '../ui/Proposals/acceptFlow';
import type { UiSignals } from '../ui/uiSignals';
import type { ShortcutCommand } from './shortcuts';

/** What the app does for each keyboard command (shortcuts.ts decides which key means which command). */
export function runShortcut(
  command: ShortcutCommand,
  { store, actions, ui }: { store: AppStore; actions: AppActions; ui: UiSignals },
): void {
  const previewed = () => visiblePreview(store.getState());
  switch (command) {
    case 'togglePlay':
      void actions.togglePlay();
      return;
    case 'undo':
      actions.undo();
      return;
    case 'redo':
      actions.redo();
      return;
    case 'toggleHelp':
      ui.set({ helpOpen: !ui.get().helpOpen });
      return;
    case 'propose':
      void actions.propose();
      return;
    case 'nextCandidate':
      actions.stepPreview(1);
      return;
    case 'previousCandidate':
      actions.stepPreview(-1);
      return;
    case 'acceptPreview': {
      const candidate = previewed();
      if (candidate) acceptFromUi(ui, actions, candidate.id);
      return;
    }
    case 'auditionPreview': {
      const candidate = previewed();
      if (candidate) void actions.auditionCandidate(candidate.id);
      return;
    }
    case 'mutatePreview': {
      const candidate = previewed();
      if (candidate) void actions.mutateCandidate(candidate.id);
      return;
    }
    case 'discardPreview': {
      const candidate = previewed();
      if (!candidate) return;
      if (ui.get().pendingAccept?.id === candidate.id) ui.set({ pendingAccept: null });
      actions.discardCandidate(candidate.id);
      return;
    }
    case 'escape': {
      // One layer at a time: a question waiting for an answer, then the preview, then the selection.
      if (ui.get().helpOpen) return; // the dialog closes itself
      if (ui.get().pendingAccept) ui.set({ pendingAccept: null });
      else if (store.getState().proposals.previewId !== null) actions.previewCandidate(null);
      else actions.setSelection(null);
      return;
    }
  }
}
