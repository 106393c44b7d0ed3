import type { PhraseOrigin } from '../../core/types';

const KIND_WORDS: Record<PhraseOrigin['kind'], string> = {
  empty: 'Empty',
  hand: 'Written by hand',
  proposed: 'Proposed by the model',
  mutated: 'Mutated by the model',
  imported: 'Imported',
  transformed: 'Transformed',
  restored: 'Restored',
};

/** One line saying how a version came to be: "Proposed by the model melody-rnn-v13, temperature 1, seed 42 (proposal 2 of 4)". */
export function describeOrigin(origin: PhraseOrigin): string {
  const parts = [KIND_WORDS[origin.kind] ?? origin.kind];
  if (origin.modelId) parts[0] += ` ${origin.modelId}`;
  const details: string[] = [];
  if (origin.temperature !== undefined) details.push(`temperature ${origin.temperature}`);
  if (origin.seed !== undefined) details.push(`seed ${origin.seed}`);
  const text = details.length ? `${parts[0]}, ${details.join(', ')}` : parts[0];
  return origin.action ? `${text} (${origin.action})` : text;
}

/** The constraints a model honoured, as "scale lock, 2 locked notes, chords C G". */
export function describeConstraints(origin: PhraseOrigin): string {
  const c = origin.constraints;
  if (!c) return '';
  const parts: string[] = [];
  if (c.scaleLock === true) parts.push('scale lock');
  if (typeof c.lockedNotes === 'number' && c.lockedNotes > 0)
    parts.push(`${c.lockedNotes} locked note${c.lockedNotes === 1 ? '' : 's'}`);
  if (typeof c.primer === 'string' && c.primer !== 'none') parts.push(`primed with ${c.primer}`);
  if (typeof c.chords === 'string') parts.push(`chords ${c.chords}`);
  return parts.join(', ');
}
