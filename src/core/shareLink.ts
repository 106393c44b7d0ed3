import { PACKED_VERSION, packSong, unpackSong } from './shareLinkPacking';
import type { SongDeps } from './song';
import type { Song } from './types';
import { validateSong } from './validate';

/**
 * Share links: the whole song, history included, in the URL fragment, so no server ever sees it. The
 * payload is the song's compact JSON (see shareLinkPacking), deflated with the platform's
 * CompressionStream ('deflate-raw', in browsers and Node 20) and written in base64url. Opening caps the
 * payload and the inflated size, stopping the inflater at the cap (a zip bomb costs nothing), and hands
 * the result to validateSong. The opened song has fresh ids: it is added as a new song.
 */

export const SHARE_LINK_LIMITS = {
  /** Longest payload accepted (characters after "#song="); browsers keep URLs of this size intact. */
  payloadChars: 256 * 1024,
  /** Most bytes inflated before giving up. */
  inflatedBytes: 4 * 1024 * 1024,
} as const;

/** The fragment key: links read `https://host/#song=<payload>`. */
export const SHARE_LINK_KEY = 'song';

export type ShareLinkResult = { ok: true; song: Song } | { ok: false; reason: string };

async function pipeThrough(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
  cap: number,
): Promise<Uint8Array | 'too large'> {
  const writer = transform.writable.getWriter();
  // Errors surface on the reading side; the writer's own promises are only silenced here.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return 'too large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * The URL fragment payload carrying `song` (put it after "#song="). Rejects when the song is too large
 * for a link (beyond SHARE_LINK_LIMITS); offer a project file then.
 * @example location.hash = `${SHARE_LINK_KEY}=${await encodeShareLink(song)}`
 */
export async function encodeShareLink(song: Song): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(packSong(song)));
  if (json.length > SHARE_LINK_LIMITS.inflatedBytes)
    throw new Error('the song is too large for a share link; save a project file instead');
  const compressed = await pipeThrough(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  const payload = toBase64Url(compressed as Uint8Array);
  if (payload.length > SHARE_LINK_LIMITS.payloadChars)
    throw new Error('the song is too large for a share link; save a project file instead');
  return payload;
}

/** The payload of a fragment given as "#song=…", "song=…" or the bare payload. */
function payloadOf(fragment: string): string {
  let text = fragment.trim();
  if (text.startsWith('#')) text = text.slice(1);
  const params = text.split('&');
  const keyed = params.find((p) => p.startsWith(`${SHARE_LINK_KEY}=`));
  return keyed ? keyed.slice(SHARE_LINK_KEY.length + 1) : text;
}

/**
 * The song a share link carries, validated, with fresh ids, or the reason it cannot be opened in plain
 * words. Never throws; never inflates more than SHARE_LINK_LIMITS.inflatedBytes.
 */
export async function decodeShareLink(fragment: string, deps: SongDeps = {}): Promise<ShareLinkResult> {
  const broken = (why: string): ShareLinkResult => ({ ok: false, reason: `the share link is broken: ${why}` });
  try {
    if (typeof fragment !== 'string') return broken('it holds no song');
    const payload = payloadOf(fragment);
    if (payload === '') return broken('it holds no song');
    if (payload.length > SHARE_LINK_LIMITS.payloadChars) return broken('it is longer than any song link can be');
    const compressed = fromBase64Url(payload);
    if (!compressed || compressed.length === 0)
      return broken('it was cut or changed on the way (it is not valid base64url)');
    let inflated: Uint8Array | 'too large';
    try {
      inflated = await pipeThrough(compressed, new DecompressionStream('deflate-raw'), SHARE_LINK_LIMITS.inflatedBytes);
    } catch {
      return broken('it was cut or changed on the way (it does not decompress)');
    }
    if (inflated === 'too large') return broken('it unpacks to more data than any song holds');
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
    } catch {
      return broken('it was cut or changed on the way (its contents are not readable)');
    }
    const version = typeof data === 'object' && data !== null ? (data as { v?: unknown }).v : undefined;
    if (typeof version === 'number' && version > PACKED_VERSION) return broken('it was made by a newer Phrasewright');
    const song = unpackSong(data, deps);
    if (!song) return broken('it does not hold a song');
    const checked = validateSong(song);
    return checked.ok ? checked : broken(checked.reason);
  } catch {
    return broken('it could not be read');
  }
}
