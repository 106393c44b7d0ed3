import type { Song } from './types';
import { validateSong } from './validate';

/**
 * Project files: the song as JSON in an envelope that names the format and its version, so a file from
 * elsewhere (or from a newer Phrasewright) is recognised and refused with a reason instead of misread.
 * Opening is checked end to end by validateSong, which also drops unknown fields.
 */

export const PROJECT_FORMAT = 'phrasewright-project';
/** Version of the envelope; the song inside carries its own schemaVersion. */
export const PROJECT_SCHEMA_VERSION = 1;
/** Largest file accepted, in characters; far above any song validateSong allows (≈250,000 notes). */
export const PROJECT_MAX_CHARS = 32 * 1024 * 1024;
/** The file extension to save with. */
export const PROJECT_FILE_EXTENSION = '.phrasewright.json';

export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  schemaVersion: typeof PROJECT_SCHEMA_VERSION;
  song: Song;
}

export type ProjectParseResult = { ok: true; song: Song } | { ok: false; reason: string };

/** The song as project file text (indented JSON, so it diffs and reads well). */
export function serializeProject(song: Song): string {
  const file: ProjectFile = { format: PROJECT_FORMAT, schemaVersion: PROJECT_SCHEMA_VERSION, song };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/**
 * Reads project file text back into a validated song, or the reason in plain words
 * ("this is not a Phrasewright project file"). Never throws.
 */
export function parseProject(text: string): ProjectParseResult {
  if (typeof text !== 'string') return { ok: false, reason: 'the project file could not be read' };
  if (text.length > PROJECT_MAX_CHARS) {
    return {
      ok: false,
      reason: `the file is larger than ${PROJECT_MAX_CHARS / 1024 / 1024} MB, too large for a project file`,
    };
  }
  if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not a Phrasewright project file (it is not valid JSON)' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reason: 'the file is not a Phrasewright project file' };
  }
  const envelope = data as Record<string, unknown>;
  const own = (key: string) => (Object.prototype.hasOwnProperty.call(envelope, key) ? envelope[key] : undefined);
  if (own('format') !== PROJECT_FORMAT) return { ok: false, reason: 'the file is not a Phrasewright project file' };
  const version = own('schemaVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'the project file has no valid format version' };
  }
  if (version > PROJECT_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `the project was saved by a newer Phrasewright (project format ${version}); this one opens format ${PROJECT_SCHEMA_VERSION}`,
    };
  }
  const checked = validateSong(own('song'));
  return checked.ok ? checked : { ok: false, reason: `the project file is damaged: ${checked.reason}` };
}
