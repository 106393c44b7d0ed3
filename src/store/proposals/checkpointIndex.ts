import type { CheckpointEntry } from './types';

/**
 * Reads public/checkpoints/index.json (written by the training pipeline) leniently: entries without an
 * id are skipped, a missing path defaults to checkpoints/<id>, a missing name to the id, a missing style
 * to none (read as folk, the style of the first shipped models). Anything that is
 * not an index gives an empty list, so a broken index never stops the app; the musician can still type a URL.
 */
export function parseCheckpointIndex(data: unknown): CheckpointEntry[] {
  return parseEntries(data).filter((e) => e.kind !== 'vae');
}

/**
 * The MusicVAE Similar and Interpolate use: the index's first entry of kind "vae" (the training pipeline
 * lists the best first), or null when the index names none.
 */
export function vaeCheckpointIn(data: unknown): string | null {
  return parseEntries(data).find((e) => e.kind === 'vae')?.path ?? null;
}

function parseEntries(data: unknown): CheckpointEntry[] {
  const list = (data as { checkpoints?: unknown } | null)?.checkpoints;
  if (!Array.isArray(list)) return [];
  const entries: CheckpointEntry[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    if (typeof o.id !== 'string' || o.id === '') continue;
    entries.push({
      id: o.id,
      name: typeof o.name === 'string' && o.name ? o.name : o.id,
      kind: o.kind === 'chord' || o.kind === 'vae' ? o.kind : 'melody',
      ...(typeof o.description === 'string' ? { description: o.description } : {}),
      path: typeof o.path === 'string' && o.path ? o.path : `checkpoints/${o.id}`,
      ...(typeof o.style === 'string' && o.style ? { style: o.style } : {}),
      ...(typeof o.styleName === 'string' && o.styleName ? { styleName: o.styleName } : {}),
      ...(o.harmonizer === true && o.kind === 'chord' ? { harmonizer: true } : {}),
    });
  }
  return entries;
}

/** Fetches the index next to the page; an absent or unreadable index is an empty list. */
export async function fetchCheckpointIndex(): Promise<unknown> {
  const response = await fetch(new URL('checkpoints/index.json', document.baseURI).href, { cache: 'no-cache' });
  if (!response.ok) return { checkpoints: [] };
  return response.json();
}

/** A short id for a checkpoint URL: the index id when it is listed, else the URL as typed. */
export function checkpointIdFor(url: string, entries: readonly CheckpointEntry[]): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  return entries.find((e) => e.path.replace(/\/+$/, '') === trimmed)?.id ?? trimmed;
}
