/**
 * The key of a corpus tune, as the chord prior and the harmonize evaluation need it: the tonic is the pitch
 * class of the last melody note (folk tunes end on their tonic), and the family is the quality of the final
 * chord when it stands on that tonic, else whichever third above the tonic the melody dwells on longer.
 */
import type { KeyFamily } from '../../core/harmony/chordPrior';
import { eventsToNotes } from './melodyEvents';
import type { Tune } from './tune';

export interface TuneKey {
  tonic: number;
  family: KeyFamily;
}

/** The tune's key, or null when it has no melody notes. */
export function tuneKey(tune: Tune): TuneKey | null {
  const notes = eventsToNotes(tune.events);
  if (notes.length === 0) return null;
  const last = notes[notes.length - 1];
  const tonic = last.pitch % 12;
  const chord = tune.chords[last.start];
  if (chord && chord.root === tonic) {
    const minorThird = (chord.mask >> ((tonic + 3) % 12)) & 1;
    const majorThird = (chord.mask >> ((tonic + 4) % 12)) & 1;
    if (minorThird !== majorThird) return { tonic, family: minorThird ? 'minor' : 'major' };
  }
  let major = 0;
  let minor = 0;
  for (const n of notes) {
    const interval = (n.pitch - tonic + 12) % 12;
    if (interval === 4) major += n.end - n.start;
    if (interval === 3) minor += n.end - n.start;
  }
  return { tonic, family: minor > major ? 'minor' : 'major' };
}
