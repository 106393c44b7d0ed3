import { assignmentLinkKind, checkHandBack, decodeAssignmentLink, handBackData, type HandBackInfo } from './assignment';
import { parseProject, PROJECT_FORMAT, PROJECT_SCHEMA_VERSION } from './projectFile';
import type { SongDeps } from './song';
import type { Song } from './types';

/**
 * Hand-backs as files and as links, read the same way. A hand-back file is a project file with one more
 * field beside the song, `handback` (the assignment's settings, the student's name and the time), so any
 * Phrasewright opens it as a project and the class view reads who handed it back. `readHandBack` takes
 * either a pasted link or a file's text and says in plain words what is wrong with anything else.
 */

export type HandBackRead = { ok: true; song: Song; handBack: HandBackInfo } | { ok: false; reason: string };

/** The hand-back file's text: a project file (indented JSON) with the hand-back beside the song. */
export function serializeHandBack(song: Song, info: HandBackInfo): string {
  return `${JSON.stringify({ format: PROJECT_FORMAT, schemaVersion: PROJECT_SCHEMA_VERSION, song, handback: handBackData(info) }, null, 1)}\n`;
}

/** A file name for the hand-back: "<title> - <student>.phrasewright.json", made safe for any disk. */
export function handBackFileName(songTitle: string, student: string): string {
  const base = `${songTitle} - ${student || 'student'}`
    .replace(/[^\p{L}\p{N} ._-]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `${base || 'hand-back'}.phrasewright.json`;
}

/** The song and hand-back a hand-back file holds, or what is wrong with the file. Never throws. */
export function parseHandBackFile(text: string): HandBackRead {
  const parsed = parseProject(text);
  if (!parsed.ok) return parsed;
  let envelope: Record<string, unknown>;
  try {
    envelope = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'the file could not be read' };
  }
  const raw = Object.prototype.hasOwnProperty.call(envelope, 'handback') ? envelope.handback : undefined;
  if (raw === undefined)
    return { ok: false, reason: 'it is a project file, not a hand-back (it carries no student and no assignment)' };
  const version = typeof raw === 'object' && raw !== null ? (raw as { v?: unknown }).v : undefined;
  if (typeof version === 'number' && version > 1)
    return { ok: false, reason: 'the hand-back was made by a newer Phrasewright' };
  const handBack = checkHandBack(raw);
  if (!handBack) return { ok: false, reason: 'the hand-back is damaged: its assignment settings cannot be read' };
  return { ok: true, song: parsed.song, handBack };
}

/**
 * A hand-back from a pasted link (anything with "#song=…&handback=…" in it) or from a file's text.
 * @example await readHandBack({ kind: 'link', text: 'https://…/#song=…&handback=…' })
 */
export async function readHandBack(
  input: { kind: 'link' | 'file'; text: string },
  deps: SongDeps = {},
): Promise<HandBackRead> {
  if (input.kind === 'file') return parseHandBackFile(input.text);
  const text = input.text.trim();
  const hash = text.indexOf('#');
  const fragment = hash >= 0 ? text.slice(hash + 1) : text;
  const kind = assignmentLinkKind(fragment);
  if (kind === null) {
    return {
      ok: false,
      reason: /(^|&)song=/.test(fragment)
        ? 'it is a share link, not a hand-back'
        : 'it is not a Phrasewright hand-back link',
    };
  }
  if (kind === 'assignment')
    return { ok: false, reason: 'it is the assignment link itself, not a student’s hand-back' };
  const opened = await decodeAssignmentLink(fragment, deps);
  if (!opened.ok) return opened;
  if (opened.kind !== 'handback') return { ok: false, reason: 'it is not a hand-back' };
  return { ok: true, song: opened.song, handBack: opened.handBack };
}
