import { parseChordPrior, type ChordPrior } from '../core/harmony/chordPrior';

/** The chord-transition prior's file name inside a chord model's checkpoint folder. */
export const CHORD_PRIOR_FILE = 'chord_prior.json';

/**
 * Fetches `<checkpoint>/chord_prior.json`; null when the checkpoint has none (a checkpoint from elsewhere):
 * the chord search then scores by the model alone. A file that is there but unreadable is reported.
 */
export async function fetchChordPrior(fetchFn: typeof fetch, checkpointUrl: string): Promise<ChordPrior | null> {
  let response: Response;
  try {
    response = await fetchFn(`${checkpointUrl.replace(/\/+$/, '')}/${CHORD_PRIOR_FILE}`);
  } catch {
    return null;
  }
  if (!response.ok || /text\/html/.test(response.headers.get('content-type') ?? '')) return null;
  return parseChordPrior(await response.json());
}
