import { FIRST_PITCH_EVENT, NO_EVENT, NOTE_OFF } from '../core/melodyEvents';
import type { MelodyRnnSpec } from './checkpointSpec';
import { FREE, MUST_START_NOTE, type SamplingPlan } from './samplingPlan';
import type { CandidateEnding } from './types';

/**
 * The ending rules as sampling constraints. Locked notes always win: a rule is left out where it would
 * contradict one. Measured on the Nottingham corpus, 5% of 4- and 8-bar phrases have their last note start
 * on the final sixteenth and 75% end on a chord tone (`npm run eval -- --task endings`).
 */

/** Adds the ending's step masks and forced holds to `plan` (in place). */
export function applyEnding(plan: SamplingPlan, ending: CandidateEnding, spec: MelodyRnnSpec): void {
  const { steps } = plan;
  const masks: (Uint8Array | null)[] = plan.stepMasks ?? new Array<Uint8Array | null>(steps).fill(null);
  const last = steps - 1;

  const cadence = ending.cadence;
  const cadenceStart = cadence ? Math.floor(cadence.start) : -1;
  const cadenceFits =
    cadence !== undefined &&
    cadenceStart >= 0 &&
    cadenceStart < steps &&
    // A locked note at or after the cadence would be overwritten: it wins, the cadence is left out.
    plan.forced.subarray(cadenceStart).every((e) => e === FREE) &&
    plan.mustChange.subarray(cadenceStart + 1).every((m) => m === 0);

  if (cadence && cadenceFits) {
    const classes = new Set(cadence.pitchClasses.map((p) => ((p % 12) + 12) % 12));
    const mask = new Uint8Array(spec.depth);
    let any = false;
    for (let k = FIRST_PITCH_EVENT; k < spec.depth; k++) {
      const pitch = spec.minPitch + k - FIRST_PITCH_EVENT;
      if (plan.allowed[k] && classes.has(pitch % 12)) {
        mask[k] = 1;
        any = true;
      }
    }
    // No chord tone inside the allowed pitches (a narrow range): any allowed pitch, still held to the end.
    if (!any) for (let k = FIRST_PITCH_EVENT; k < spec.depth; k++) mask[k] = plan.allowed[k];
    masks[cadenceStart] = mask;
    plan.mustChange[cadenceStart] = MUST_START_NOTE;
    for (let t = cadenceStart + 1; t < steps; t++) plan.forced[t] = NO_EVENT;
  } else if (ending.noLastStepOnset && steps > 1 && plan.forced[last] === FREE) {
    const mask = new Uint8Array(spec.depth);
    mask[NO_EVENT] = 1;
    mask[NOTE_OFF] = 1;
    masks[last] = mask;
    // A locked note ending on the last step must change there: a note-off is the only change left.
    if (plan.mustChange[last] === MUST_START_NOTE) plan.mustChange[last] = 1;
  }
  plan.stepMasks = masks;
}
