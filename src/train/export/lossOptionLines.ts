import { FEATURE_NAMES } from '../eval/musicality/phraseFeatures';
import { REWARD_FEATURE_LABELS, type RewardFeatureName } from '../eval/musicality/rewardFeatures';
import type { TrainOptions } from '../trainer';

/** The options of training.json that change the loss. */
export type LossOptions = Pick<
  TrainOptions,
  | 'echoWeight'
  | 'echoMotifs'
  | 'returnWeight'
  | 'returnLagBars'
  | 'offKeyWeight'
  | 'offKeyPenalty'
  | 'dropout'
  | 'copyWeight'
  | 'copySources'
> & {
  /** `--phrase-reward` and its settings, as the train command stores them (phraseTuning.ts). */
  phraseReward?: number;
  phrasePrompts?: number;
  phraseSamples?: number;
  phraseMemory?: number;
  phraseFeatures?: string[];
  phraseFocus?: boolean;
  phraseBoost?: Record<string, number>;
};

/**
 * The model card's lines for what a training run added to the plain next-event loss (echo, return and off-key
 * weights, the off-key penalty, dropout, copy supervision), from training.json's options: one line per option in use.
 */
export function lossOptionLines(options: LossOptions): string[] {
  return [
    ...(options.echoWeight && options.echoWeight !== 1
      ? [
          `- Loss weight ${options.echoWeight} on echo steps (${options.echoMotifs === 'repeats' ? "targets inside a step-for-step repeat (8+ steps, 3+ notes) of what sounded within the memory's reach" : `targets that continue a four-note motif heard earlier in the window${options.echoMotifs === 'pitches' ? ' at the same pitches' : ''}`}), 1 elsewhere; validation NLL is unweighted.`,
        ]
      : []),
    ...(options.returnWeight && options.returnWeight !== 1
      ? [
          `- Loss weight ${options.returnWeight} on the targets where an exact repeat (8+ steps, 3+ notes) of steps ${options.returnLagBars ? `exactly ${options.returnLagBars} bars earlier` : "within the memory's reach"} starts, up to its first note; validation NLL is unweighted.`,
        ]
      : []),
    ...(options.offKeyWeight && options.offKeyWeight !== 1
      ? [
          `- Loss weight x${options.offKeyWeight} on targets that start a note outside the key annotated there (major or natural minor); validation NLL is unweighted.`,
        ]
      : []),
    ...(options.offKeyPenalty
      ? [
          `- Off-key penalty, weight ${options.offKeyPenalty}: -log(1 - the probability of a note outside the key annotated there) at every step with a key, the real target excepted; validation NLL is without it.`,
        ]
      : []),
    ...(options.dropout
      ? [`- Dropout ${options.dropout} between layers and before the output while training (one mask per window).`]
      : []),
    ...(options.copyWeight
      ? [
          `- Copy supervision, weight ${options.copyWeight}: where a target ${
            options.copySources === 'repeats'
              ? 'starts or continues an exact repeat (8+ steps, 3+ notes) of steps still in the attention memory, the loss also counted -log of the attention weight on the steps it repeats'
              : 'repeats a motif still in the attention memory, the loss also counted -log of the attention weight on the step it repeats'
          }. Only training looked; the model's predictions are its own.`,
        ]
      : []),
    ...(options.phraseReward
      ? [
          `- Phrase reward, weight ${options.phraseReward}: each step the model also wrote ${options.phraseSamples} four-bar continuations of each of ${options.phrasePrompts} training tunes' two-bar openings at temperature 1, and a policy gradient raised the probability of those whose ${matchedFeatures(options.phraseFeatures)} rarer in its own recent ${options.phraseMemory} phrases than in the real continuations (reward log p(real) - log p(model), the baseline the other phrases of the same opening) and lowered the rest.${rewardWeighting(options)} The stage keeps its last weights, not its best validation NLL.`,
        ]
      : []),
  ];
}

/** How the features were weighed in the reward, when not equally (`--phrase-focus`, `--phrase-boost`). */
function rewardWeighting(options: LossOptions): string {
  const boosts = Object.entries(options.phraseBoost ?? {})
    .map(([f, x]) => `${label(f)} x${x}`)
    .join(', ');
  const focus = ' Each feature weighed 1 - the overlap of the recent phrases with real ones on it';
  if (options.phraseFocus) return boosts ? `${focus}, times ${boosts}.` : `${focus}.`;
  return boosts ? ` Features weighed ${boosts}.` : '';
}

/** A reward feature's label without its unit. */
const label = (feature: string): string => REWARD_FEATURE_LABELS[feature as RewardFeatureName].replace(/ \(.*\)$/, '');

/**
 * What the phrase reward matched, as the card's sentence needs it ("musicality features are", "motif reuse is",
 * "musicality features and motif reuse in the phrase's first half are").
 */
function matchedFeatures(features: string[] = [...FEATURE_NAMES]): string {
  const isEvalFeature = (f: string) => (FEATURE_NAMES as readonly string[]).includes(f);
  const all = FEATURE_NAMES.every((f) => features.includes(f));
  const labels = all
    ? ['musicality features', ...features.filter((f) => !isEvalFeature(f)).map(label)]
    : features.map(label);
  const listed = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}` : labels[0];
  return `${listed} ${all || labels.length > 1 ? 'are' : 'is'}`;
}
