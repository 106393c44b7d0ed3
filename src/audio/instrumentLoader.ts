import type { InstrumentId } from '../core/types';
import { FALLBACK_INSTRUMENT } from './instrumentIds';
import type { PianoSamples } from './pianoSamples';
import type { InstrumentStatus } from './types';

/**
 * Decides what plays when an instrument is wanted: the piano loads on first demand and a synth stands in
 * until it is ready, or for good if it fails. Reports each change as an InstrumentStatus.
 */
export class InstrumentLoader {
  private piano: PianoSamples | null = null;
  private pianoStatus: InstrumentStatus | null = null;
  private melody: InstrumentId | null = null;

  constructor(
    private readonly load: () => Promise<PianoSamples>,
    private readonly emit: (status: InstrumentStatus) => void,
  ) {}

  /** The decoded piano, once loaded. */
  get pianoSamples(): PianoSamples | null {
    return this.piano;
  }

  /** The status of the melody instrument, as last reported. */
  get status(): InstrumentStatus | null {
    if (this.melody === null) return null;
    return this.melody === 'piano' ? this.pianoStatus : { kind: 'ready', instrument: this.melody };
  }

  /** What plays for `wanted` right now; asking for the piano starts loading it. */
  resolve(wanted: InstrumentId): InstrumentId {
    if (wanted !== 'piano') return wanted;
    if (this.piano) return 'piano';
    this.startPiano();
    return FALLBACK_INSTRUMENT;
  }

  /** Call with the song's melody instrument whenever it may have changed; reports a change of choice. */
  noteMelodyChoice(wanted: InstrumentId): void {
    if (wanted === this.melody) return;
    this.melody = wanted;
    if (wanted === 'piano' && !this.pianoStatus) {
      this.startPiano(); // reports 'loading' itself
      return;
    }
    const status = this.status;
    if (status) this.emit(status);
  }

  /** Starts loading the piano unless it is loading, loaded, or already failed. */
  startPiano(): void {
    if (this.pianoStatus) return;
    this.setPianoStatus({
      kind: 'loading',
      instrument: 'piano',
      message: `Loading the piano; the ${FALLBACK_INSTRUMENT.replace('-', ' ')} plays meanwhile.`,
    });
    this.load().then(
      (samples) => {
        this.piano = samples;
        this.setPianoStatus({ kind: 'ready', instrument: 'piano' });
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        this.setPianoStatus({
          kind: 'failed',
          instrument: 'piano',
          fallback: FALLBACK_INSTRUMENT,
          message: `${reason} A synth plays instead.`,
        });
      },
    );
  }

  private setPianoStatus(status: InstrumentStatus): void {
    this.pianoStatus = status;
    // Piano news matters to the user while the piano is (or is about to be) the melody instrument.
    if (this.melody === null || this.melody === 'piano') this.emit(status);
  }
}
