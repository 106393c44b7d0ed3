/**
 * Browsers start audio only inside a user gesture. This calls `unlock` on the first pointer press or key
 * press anywhere on the page (capture phase, before any handler), then removes itself.
 */
export function unlockOnFirstGesture(target: EventTarget, unlock: () => void): () => void {
  const events = ['pointerdown', 'keydown'] as const;
  const once = () => {
    remove();
    unlock();
  };
  const remove = () => events.forEach((type) => target.removeEventListener(type, once, { capture: true }));
  events.forEach((type) => target.addEventListener(type, once, { capture: true }));
  return remove;
}
