import type { Song } from '../../core/types';

/** What a song validator says about unknown data (the shape of core's `validateSong`). */
export type SongValidation = { ok: true; song: Song } | { ok: false; reason: string };
export type SongValidator = (data: unknown) => SongValidation;

export type DecodedRecord = { ok: true; song: Song } | { ok: false; reason: string; raw: string };

/**
 * Songs are stored as JSON text rather than structured-clone objects: the text is exactly what a user
 * gets back as a download when a record turns out unreadable, and it is what a project file holds.
 */
export function encodeSongRecord(song: Song): string {
  return JSON.stringify(song);
}

/** Parses and validates a stored record; on failure keeps the raw text so it can be handed back. */
export function decodeSongRecord(value: unknown, validate: SongValidator): DecodedRecord {
  const raw = rawText(value);
  let data: unknown = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch (error) {
      return { ok: false, reason: `it is not valid JSON (${errorMessage(error)})`, raw };
    }
  }
  let verdict: SongValidation;
  try {
    verdict = validate(data);
  } catch (error) {
    verdict = { ok: false, reason: errorMessage(error) };
  }
  return verdict.ok ? { ok: true, song: verdict.song } : { ok: false, reason: verdict.reason, raw };
}

function rawText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (error && typeof error === 'object' && 'name' in error) return String((error as { name: unknown }).name);
  return String(error);
}
