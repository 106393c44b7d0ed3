import { getContext } from 'tone';
import pianoSet from '../../samples/piano.json';
import { sampleSetPath, servedSampleName, type SampleSet } from '../../samples/sampleSet';
import type { Seconds } from '../core/types';

/**
 * Fetching and decoding the Salamander piano, served by the app itself under /samples/piano/ (see
 * samples/README.md). Decoded AudioBuffers belong to no context, so one load serves the live engine and
 * every offline render.
 */

export interface PianoSamples {
  /** Note name ("D#4") -> decoded sample. */
  buffers: Record<string, AudioBuffer>;
  releaseSeconds: Seconds;
}

const PIANO: SampleSet = pianoSet;

/** Where the app serves the piano's files: the app's base URL + "samples/piano/". */
export function defaultPianoBaseUrl(): string {
  return `${import.meta.env.BASE_URL}${sampleSetPath(PIANO.id)}`;
}

/** How many files the piano has, for progress messages. */
export const PIANO_SAMPLE_COUNT = Object.keys(PIANO.samples).length;

/**
 * Fetches and decodes every piano sample from `baseUrl`. Rejects with a plain message when any file is
 * missing or undecodable, or when the whole load takes longer than `timeoutMs`.
 */
export async function loadPianoSamples(baseUrl = defaultPianoBaseUrl(), timeoutMs = 60_000): Promise<PianoSamples> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const entries = await Promise.all(
      Object.entries(PIANO.samples).map(async ([note, file]) => {
        const url = baseUrl + servedSampleName(note, file);
        let response: Response;
        try {
          response = await fetch(url, { signal: abort.signal });
        } catch {
          throw new Error(abort.signal.aborted ? 'the download took too long' : `could not download ${url}`);
        }
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        const data = await response.arrayBuffer();
        try {
          return [note, await getContext().decodeAudioData(data)] as const;
        } catch {
          throw new Error(`${url} is not a readable sound file`);
        }
      }),
    );
    return { buffers: Object.fromEntries(entries), releaseSeconds: PIANO.releaseSeconds };
  } catch (error) {
    abort.abort();
    throw new Error(`The piano sounds could not be loaded (${(error as Error).message}).`);
  } finally {
    clearTimeout(timer);
  }
}

let shared: Promise<PianoSamples> | null = null;

/** The piano, loaded once per page; a failed load may be retried by calling again. */
export function sharedPianoSamples(): Promise<PianoSamples> {
  shared ??= loadPianoSamples().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}
