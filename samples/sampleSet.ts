/**
 * The shape of an instrument sample set (samples/<id>.json) and the one naming rule the Vite plugin that
 * serves the files and the audio room that fetches them must share. No Node or browser APIs here: both
 * sides import it.
 */

export interface SampleSet {
  id: string;
  name: string;
  /** Who made the recordings and under which licences; shown in the app's credits. */
  credit: string;
  /** Where the files come from: an installed npm package and the folder inside it. */
  source: { package: string; dir: string };
  /** How long a note rings after it is released. */
  releaseSeconds: number;
  /** Note name in scientific notation with sharps ("D#4") -> file name inside the source folder. */
  samples: Record<string, string>;
}

export interface SampleIndex {
  instruments: { id: string; map: string }[];
}

/** URL path, below the app's base, where the files of sample set `id` are served: "samples/piano/". */
export function sampleSetPath(id: string): string {
  return `samples/${id}/`;
}

/**
 * The name a sample is served under: the note with "#" spelled "s" ("D#4" -> "Ds4.mp3"), because a "#" in a
 * URL starts the fragment and would never reach the server.
 */
export function servedSampleName(note: string, sourceFile: string): string {
  const extension = /\.[a-z0-9]+$/i.exec(sourceFile)?.[0] ?? '';
  return `${note.replace(/#/g, 's')}${extension}`;
}
