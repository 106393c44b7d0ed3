import type { ProposalSettings, ProposalsState } from './types';

/**
 * Continuations sampled per fill candidate shown. Measured with `npm run eval -- --task fill` (BENCHMARKS.md):
 * 4 gets most of the gain of 8 at half the time, and 8 candidates x 4 stay inside the 250 ms budget.
 */
export const DEFAULT_FILL_OVERSAMPLE = 4;

/** Largest seed the seed field offers (fits a 32-bit generator). */
export const MAX_SEED = 2 ** 31 - 1;

/** The slice before anything was asked; `seed` comes from the injected random source. */
export function initialProposalsState(seed = 1): ProposalsState {
  return {
    settings: {
      temperature: 1,
      candidates: 4,
      bars: 2,
      seed,
      keepSeed: false,
      primer: 'previous',
      scaleLock: true,
      mutation: 'resample',
      mutateShare: 0.5,
      checkpointUrl: '',
      heatMap: false,
      fillOversample: DEFAULT_FILL_OVERSAMPLE,
      endOnCadence: true,
      chordsPer: 'bar',
      harmonizeScope: 'phrase',
      candidateOrder: 'made',
    },
    candidates: [],
    model: { kind: 'idle' },
    modelId: null,
    checkpoints: [],
    vaeCheckpoint: null,
    activity: { kind: 'idle' },
    auditioningId: null,
    previewId: null,
    teachingId: null,
    harmony: null,
    auditionedIds: [],
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Settings as the inputs may set them, clamped to what the model and UI accept. */
export function clampSettings(s: ProposalSettings): ProposalSettings {
  return {
    ...s,
    temperature: Number.isFinite(s.temperature) ? clamp(s.temperature, 0, 2) : 1,
    candidates: Number.isFinite(s.candidates) ? clamp(Math.round(s.candidates), 1, 8) : 4,
    bars: Number.isFinite(s.bars) ? clamp(Math.round(s.bars), 1, 4) : 2,
    seed: Number.isFinite(s.seed) ? clamp(Math.round(s.seed), 0, MAX_SEED) : 1,
    mutateShare: Number.isFinite(s.mutateShare) ? clamp(s.mutateShare, 0.1, 0.9) : 0.5,
    fillOversample: Number.isFinite(s.fillOversample)
      ? clamp(Math.round(s.fillOversample), 1, 8)
      : DEFAULT_FILL_OVERSAMPLE,
    chordsPer: s.chordsPer === 'halfBar' ? 'halfBar' : 'bar',
    harmonizeScope: s.harmonizeScope === 'song' ? 'song' : 'phrase',
    candidateOrder: s.candidateOrder === 'safest' || s.candidateOrder === 'adventurous' ? s.candidateOrder : 'made',
  };
}
