import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useServices } from '../AppContext';
import { SHORTCUT_GROUPS } from './shortcuts';

/**
 * The keyboard shortcuts panel, opened with `?` or its button. A native modal <dialog>: the browser traps
 * focus, closes it on Escape and gives focus back to where it was.
 */
export function HelpDialog() {
  const { ui } = useServices();
  const open = useSyncExternalStore(ui.subscribe, () => ui.get().helpOpen);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="help-dialog"
      aria-labelledby="help-title"
      onClose={() => ui.set({ helpOpen: false })}
      onClick={(e) => e.target === e.currentTarget && ui.set({ helpOpen: false })}
    >
      <div className="help-body">
        <h2 id="help-title">Keyboard shortcuts</h2>
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3>{group.title}</h3>
            <table>
              <tbody>
                {group.keys.map((s) => (
                  <tr key={s.keys}>
                    <th scope="row">
                      <kbd>{s.keys}</kbd>
                    </th>
                    <td>{s.does}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <button type="button" onClick={() => ui.set({ helpOpen: false })} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
