import type { InstrumentId } from '../core/types';

/** The synth voices, which need no samples. */
export const SYNTH_INSTRUMENTS = ['triangle-synth', 'square-lead', 'fm-bell'] as const satisfies readonly InstrumentId[];

/** What plays while the piano loads, or for good when it fails. */
export const FALLBACK_INSTRUMENT: InstrumentId = 'triangle-synth';

/** Every instrument a song can choose, for pickers: the piano first. */
export const INSTRUMENT_IDS: readonly InstrumentId[] = ['piano', ...SYNTH_INSTRUMENTS];
