import { useAppState } from './AppContext';

const LABELS = { loading: 'Opening…', saving: 'Saving…', saved: 'Saved', error: 'Not saved' } as const;

/** A quiet "Saved" / "Saving…" next to the title, so the user can trust autosave. */
export function SaveStatus() {
  const status = useAppState((s) => s.persistence.status);
  return (
    <span className={`save-status save-${status}`} aria-live="polite">
      {LABELS[status]}
    </span>
  );
}
