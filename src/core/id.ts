/**
 * Identifiers for songs, phrases and sections. They only need to be unique inside one browser's library
 * and inside shared project files, so a random UUID is plenty.
 */

/** A fresh random id (a UUID). Falls back to getRandomValues where randomUUID is missing (insecure origins). */
export function newId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
