// Over 300 lines: the assignment template format in one place: its fields, checks, links and lock descriptions.
import { markGiven } from './authorship';
import { isKeyTonic, SCALE_NAMES } from './scale';
import { decodeShareLink, encodeShareLink } from './shareLink';
import type { SongDeps } from './song';
import { LIMITS, type KeySignature, type ScaleName, type Song } from './types';

/**
 * Assignments: a teacher's song template with some settings locked (key, scale, phrase length, the
 * temperature range, whether the model may be used), sent as a share link with an extra fragment
 * parameter: `#song=<song>&assignment=<settings>`. Every note of the template is marked "given" (see
 * core/authorship), so the report never credits it to the student. The student's hand-back is the song
 * link with `&handback=<settings + student>`: the same settings (with the assignment's id and title) plus
 * the student's name and when it was handed back, so the teacher's class view knows who answered which
 * assignment. The song part goes through the share-link codec untouched (history and authors included).
 *
 * Versions: the settings token stays version 1; `id`, `title`, `student` and `at` were added as optional
 * fields, which an older Phrasewright ignores and this one reads as missing from older links.
 */

export const ASSIGNMENT_VERSION = 1;
export const ASSIGNMENT_KEY = 'assignment';
export const HANDBACK_KEY = 'handback';
/** The temperature range a proposal may use at all (the Proposals panel's own limits). */
export const TEMPERATURE_LIMITS = { min: 0, max: 2 } as const;

export interface AssignmentTemplate {
  v: typeof ASSIGNMENT_VERSION;
  /** What the teacher asks for, in their words (may be empty). */
  brief: string;
  /** Locked key: the student cannot change the tonic. */
  lockKey: boolean;
  /** Locked scale. */
  lockScale: boolean;
  /** The key (and scale) the song must keep when locked. */
  key: KeySignature;
  /** Locked phrase length in bars, or null when the student may choose. */
  bars: number | null;
  /** Temperatures the student may ask the model for. */
  temperature: { min: number; max: number };
  /** Whether the student may use Propose/Mutate at all. */
  modelAllowed: boolean;
  /** Which assignment this is, so hand-backs of another one are told apart (absent in older links). */
  id?: string;
  /** The assignment's title (the template song's title when it was made). */
  title?: string;
}

/** A student's hand-back: the assignment it answers, who handed it back and when. */
export interface HandBackInfo {
  template: AssignmentTemplate;
  /** The student's name as they typed it (text only); empty when an older link carries none. */
  student: string;
  /** Epoch milliseconds, or null when an older link carries no time. */
  handedBackAt: number | null;
}

/** Longest student name kept. */
export const STUDENT_NAME_MAX = 80;

/**
 * A student's name as it is kept: control characters removed, spaces collapsed, trimmed, at most
 * STUDENT_NAME_MAX characters. It is only ever shown as text (React escapes it; no markup runs).
 */
export function cleanStudentName(name: string): string {
  return (
    String(name)
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, STUDENT_NAME_MAX)
  );
}

/** The title of a hand-back opened by the teacher: "<assignment> - <student>". */
export function handBackTitle(info: HandBackInfo, songTitle: string): string {
  const assignment = info.template.title?.trim() || songTitle.trim() || 'Assignment';
  return `${assignment} - ${info.student || 'unnamed student'}`.slice(0, 200);
}

export type AssignmentLinkKind = 'assignment' | 'handback';

export type AssignmentLinkResult =
  | { ok: true; kind: 'assignment'; song: Song; template: AssignmentTemplate }
  | { ok: true; kind: 'handback'; song: Song; template: AssignmentTemplate; handBack: HandBackInfo }
  | { ok: false; reason: string };

/** A template that locks nothing, for the song's current key. */
export function openTemplate(key: KeySignature): AssignmentTemplate {
  return {
    v: ASSIGNMENT_VERSION,
    brief: '',
    lockKey: false,
    lockScale: false,
    key: { ...key },
    bars: null,
    temperature: { ...TEMPERATURE_LIMITS },
    modelAllowed: true,
  };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The temperature the student may use: `wanted` clamped to the template's range. */
export function clampTemperature(template: AssignmentTemplate, wanted: number): number {
  return clamp(wanted, template.temperature.min, template.temperature.max);
}

/** Plain-words list of what the template locks, for the student's banner ("Key: D", "Temperature 0.5-1"). */
export function describeLocks(template: AssignmentTemplate): string[] {
  const locks: string[] = [];
  if (template.lockKey) locks.push(`Key: ${template.key.tonic}`);
  if (template.lockScale) locks.push(`Scale: ${template.key.scale}`);
  if (template.bars !== null) locks.push(`Phrase length: ${template.bars === 1 ? '1 bar' : `${template.bars} bars`}`);
  if (!template.modelAllowed) locks.push('No model proposals');
  else if (template.temperature.min > TEMPERATURE_LIMITS.min || template.temperature.max < TEMPERATURE_LIMITS.max) {
    locks.push(`Temperature ${template.temperature.min}-${template.temperature.max}`);
  }
  return locks;
}

/** The song as the assignment requires it: locked key/scale set, every phrase at the locked length. */
export function applyTemplate(song: Song, template: AssignmentTemplate): Song {
  const key: KeySignature = {
    tonic: template.lockKey ? template.key.tonic : song.key.tonic,
    scale: template.lockScale ? template.key.scale : song.key.scale,
  };
  const bars = template.bars;
  const phrases = bars === null ? song.phrases : song.phrases.map((p) => (p.bars === bars ? p : { ...p, bars }));
  if (key.tonic === song.key.tonic && key.scale === song.key.scale && phrases === song.phrases) return song;
  return { ...song, key, phrases };
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1 || text.length > 4096) return null;
  try {
    const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The template as a short URL-safe token (base64url of its JSON; a few hundred characters at most). */
export function encodeTemplate(template: AssignmentTemplate): string {
  return toBase64Url(JSON.stringify(template));
}

/** A checked template from unknown data, or null when anything is missing or out of range. */
export function checkTemplate(value: unknown): AssignmentTemplate | null {
  if (typeof value !== 'object' || value === null) return null;
  const t = value as Record<string, unknown>;
  const key = t.key as Record<string, unknown> | undefined;
  const temperature = t.temperature as Record<string, unknown> | undefined;
  const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (t.v !== ASSIGNMENT_VERSION) return null;
  if (t.id !== undefined && !(typeof t.id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(t.id))) return null;
  if (t.title !== undefined && typeof t.title !== 'string') return null;
  if (typeof t.lockKey !== 'boolean' || typeof t.lockScale !== 'boolean' || typeof t.modelAllowed !== 'boolean')
    return null;
  if (!key || typeof key.tonic !== 'string' || !isKeyTonic(key.tonic)) return null;
  if (!SCALE_NAMES.includes(key.scale as ScaleName)) return null;
  const bars = t.bars;
  if (
    bars !== null &&
    !(Number.isInteger(bars) && (bars as number) >= LIMITS.bars.min && (bars as number) <= LIMITS.bars.max)
  )
    return null;
  if (!temperature || !isNum(temperature.min) || !isNum(temperature.max)) return null;
  const { min, max } = temperature;
  if (min < TEMPERATURE_LIMITS.min || max > TEMPERATURE_LIMITS.max || min > max) return null;
  const brief = typeof t.brief === 'string' ? t.brief.slice(0, 500) : '';
  return {
    v: ASSIGNMENT_VERSION,
    brief,
    lockKey: t.lockKey,
    lockScale: t.lockScale,
    key: { tonic: key.tonic, scale: key.scale as ScaleName },
    bars: bars as number | null,
    temperature: { min, max },
    modelAllowed: t.modelAllowed,
    ...(typeof t.id === 'string' ? { id: t.id } : {}),
    ...(typeof t.title === 'string' ? { title: t.title.slice(0, 200) } : {}),
  };
}

/** Why a settings token cannot be read: "newer" when a newer Phrasewright made it, else "broken". */
function tokenProblem(token: string): 'newer' | 'broken' {
  const json = fromBase64Url(token);
  try {
    const v = json === null ? undefined : (JSON.parse(json) as { v?: unknown }).v;
    return typeof v === 'number' && v > ASSIGNMENT_VERSION ? 'newer' : 'broken';
  } catch {
    return 'broken';
  }
}

/** The hand-back a token carries: the settings plus the student and the time, or null when broken. */
export function decodeHandBackToken(token: string): HandBackInfo | null {
  const json = fromBase64Url(token);
  if (json === null) return null;
  try {
    return checkHandBack(JSON.parse(json));
  } catch {
    return null;
  }
}

/** A checked hand-back from unknown data (the settings with `student` and `at`), or null. */
export function checkHandBack(value: unknown): HandBackInfo | null {
  const template = checkTemplate(value);
  if (!template) return null;
  const raw = value as Record<string, unknown>;
  const at = raw.at;
  return {
    template,
    student: typeof raw.student === 'string' ? cleanStudentName(raw.student) : '',
    handedBackAt: typeof at === 'number' && Number.isFinite(at) && at >= 0 ? at : null,
  };
}

/** The hand-back as plain data: the settings with the student's name and the time beside them. */
export function handBackData(info: HandBackInfo): Record<string, unknown> {
  return {
    ...info.template,
    student: cleanStudentName(info.student),
    ...(info.handedBackAt === null ? {} : { at: info.handedBackAt }),
  };
}

/** The template a token carries, or null when the token is broken. */
export function decodeTemplate(token: string): AssignmentTemplate | null {
  const json = fromBase64Url(token);
  if (json === null) return null;
  try {
    return checkTemplate(JSON.parse(json));
  } catch {
    return null;
  }
}

/**
 * The URL fragment (without "#") for an assignment or a hand-back of it.
 * @example location.hash = await encodeAssignmentLink(song, template, 'assignment')
 */
export async function encodeAssignmentLink(
  song: Song,
  template: AssignmentTemplate,
  kind: AssignmentLinkKind,
): Promise<string> {
  if (kind === 'handback') return encodeHandBackLink(song, { template, student: '', handedBackAt: null });
  // Everything the teacher wrote is "given": the student's report tells it apart from their own notes.
  const songPayload = await encodeShareLink(markGiven(song));
  return `song=${songPayload}&${ASSIGNMENT_KEY}=${encodeTemplate(template)}`;
}

/** The URL fragment (without "#") of a student's hand-back: the song as it is, with who and when. */
export async function encodeHandBackLink(song: Song, info: HandBackInfo): Promise<string> {
  const songPayload = await encodeShareLink(song);
  return `song=${songPayload}&${HANDBACK_KEY}=${toBase64Url(JSON.stringify(handBackData(info)))}`;
}

/** Which assignment parameter a fragment carries, if any ("#song=…&assignment=…"). */
export function assignmentLinkKind(fragment: string): AssignmentLinkKind | null {
  const params = fragment.replace(/^#/, '').split('&');
  if (params.some((p) => p.startsWith(`${ASSIGNMENT_KEY}=`))) return 'assignment';
  if (params.some((p) => p.startsWith(`${HANDBACK_KEY}=`))) return 'handback';
  return null;
}

/**
 * The song and template an assignment or hand-back link carries (the song validated, with fresh ids, and
 * for an assignment already fitted to its locks), or the reason in plain words. Never throws.
 */
export async function decodeAssignmentLink(fragment: string, deps: SongDeps = {}): Promise<AssignmentLinkResult> {
  const kind = assignmentLinkKind(fragment);
  if (!kind) return { ok: false, reason: 'the link is not an assignment' };
  const key = kind === 'assignment' ? ASSIGNMENT_KEY : HANDBACK_KEY;
  const token = fragment
    .replace(/^#/, '')
    .split('&')
    .find((p) => p.startsWith(`${key}=`))!
    .slice(key.length + 1);
  const handBack = kind === 'handback' ? decodeHandBackToken(token) : null;
  const template = kind === 'handback' ? (handBack?.template ?? null) : decodeTemplate(token);
  const what = kind === 'assignment' ? 'assignment' : 'hand-back';
  if (!template) {
    return tokenProblem(token) === 'newer'
      ? { ok: false, reason: `the ${what} link was made by a newer Phrasewright` }
      : { ok: false, reason: `the ${what} link is broken: its settings cannot be read` };
  }
  const opened = await decodeShareLink(fragment, deps);
  if (!opened.ok) return opened;
  if (kind === 'handback' && handBack) return { ok: true, kind, song: opened.song, template, handBack };
  return { ok: true, kind: 'assignment', song: applyTemplate(opened.song, template), template };
}
