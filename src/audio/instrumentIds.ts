import type { InstrumentId } from '../core/types';

/** What plays while the piano loads, or for good when it fails. (The instrument ids are core's INSTRUMENT_IDS.) */
export const FALLBACK_INSTRUMENT: InstrumentId = 'triangle-synth';
