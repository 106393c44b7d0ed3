/** Deterministic train/validation split by file name, stable across machines and folder orderings. */

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Whether a file (by base name) belongs to the validation split, which holds about `fraction` of files. */
export function isValidationFile(fileName: string, fraction = 0.1): boolean {
  return fnv1a(fileName) / 0x100000000 < fraction;
}
