import { stepsPerBeat } from '../../core/meter';
import { createRng } from '../../core/random';
import { shownPitchRange } from '../selectors';
import { countIdeas } from './ideaLedger';
import type { ProposalKit } from './kit';
import { mutationLocks, scaleLockClasses } from './request';
import { sureLabel } from './sureness';
import type { ProposalActions, ProposalCandidate } from './types';
import { musicalVariation, MUTATION_LABELS } from './variations';

export type MutateActions = Pick<ProposalActions, 'mutateCandidate'>;

/**
 * Mutate: a new candidate next to its parent, made by a fixed musical transform (no model needed) or by the
 * model rewriting a share of the parent's beats ('resample'). Either way it is previewed at once and scored
 * for "how sure" among its siblings.
 */
export function createMutateActions(
  kit: ProposalKit,
  loadModelFor: (hasChords: boolean) => Promise<boolean>,
): MutateActions {
  const { ctx, session } = kit;

  /** The label of a new candidate among the candidates already listed. */
  const siblingLabel = (value: number) =>
    sureLabel(value, [
      value,
      ...kit.slice().candidates.flatMap((c) => (c.meanLogProb === undefined ? [] : [c.meanLogProb])),
    ]);

  /** Gives a mutated candidate made without the model its "how sure" figure, when a model is loaded. */
  async function scoreVariation(candidate: ProposalCandidate): Promise<void> {
    const client = session.model();
    if (!client || client.status().kind !== 'ready') return;
    try {
      const steps = candidate.span.end - candidate.span.start;
      const { meanLogProb } = await client.score({
        notes: candidate.notes,
        steps,
        primer: candidate.primer,
        chords: candidate.chords,
      }).result;
      // The variation itself has no figure yet, so it is not among the siblings it is labelled against.
      const label = siblingLabel(meanLogProb);
      kit.setSlice({
        candidates: kit
          .slice()
          .candidates.map((c) => (c.id === candidate.id ? { ...c, meanLogProb, sureLabel: label } : c)),
      });
    } catch {
      // Only the figure is missing; the variation itself is there.
    }
  }

  return {
    async mutateCandidate(id) {
      const parent = kit.slice().candidates.find((c) => c.id === id);
      if (!parent) return;
      const { song, editor } = ctx.store.getState();
      const settings = kit.slice().settings;
      const total = parent.span.end - parent.span.start;
      const base = {
        id: ctx.newId(),
        phraseId: parent.phraseId,
        span: parent.span,
        bars: parent.bars,
        kind: 'mutated' as const,
        idea: 'mutate' as const,
        modelId: parent.modelId,
        temperature: parent.temperature,
        primer: parent.primer,
        scaleLock: parent.scaleLock,
        parentId: parent.id,
        ...(parent.chords ? { chords: parent.chords } : {}),
      };
      const varied = musicalVariation(
        settings.mutation,
        parent.notes,
        total,
        song.key,
        song.timeSignature,
        parent.scaleLock,
      );
      if (varied) {
        const made: ProposalCandidate = {
          ...base,
          number: kit.nextNumber(),
          notes: varied,
          action: `${MUTATION_LABELS[settings.mutation].toLowerCase()} of candidate ${parent.number}`,
          seed: parent.seed,
          lockedNotes: [],
        };
        kit.insertAfter(parent.id, made);
        countIdeas(ctx, 'mutate', 'made');
        await scoreVariation(made);
        return;
      }
      await kit.modelAction('Mutate', async () => {
        if (!(await loadModelFor(parent.chords !== undefined))) return;
        const seed = settings.seed;
        // Which beats are rewritten follows the seed, so a mutation can be repeated exactly.
        const beats = createRng(seed);
        const lockedNotes = mutationLocks(
          parent.notes,
          parent.lockedNotes,
          total,
          stepsPerBeat(song.timeSignature),
          settings.mutateShare,
          () => beats.next(),
        );
        const range = shownPitchRange({ song, editor });
        const result = await session.generate({
          candidates: 1,
          steps: total,
          primer: parent.primer,
          temperature: parent.temperature,
          seed,
          scalePitchClasses: scaleLockClasses(song.key, parent.scaleLock),
          ...(range.high - range.low >= 11 ? { range: { min: range.low, max: range.high } } : {}),
          lockedNotes,
          ...(parent.chords ? { chords: parent.chords } : {}),
          returnProbabilities: true,
        });
        const made = result?.candidates[0];
        if (!made) {
          if (result) kit.setSlice({ activity: { kind: 'idle' } });
          return;
        }
        kit.insertAfter(parent.id, {
          ...base,
          number: kit.nextNumber(),
          notes: made.notes,
          action: `mutate ${Math.round(settings.mutateShare * 100)}% of candidate ${parent.number}`,
          seed,
          lockedNotes: parent.lockedNotes,
          ...(made.probabilities ? { probabilities: made.probabilities } : {}),
          ...(made.meanLogProb !== undefined
            ? { meanLogProb: made.meanLogProb, sureLabel: siblingLabel(made.meanLogProb) }
            : {}),
        });
        countIdeas(ctx, 'mutate', 'made');
        kit.refreshSeed();
      });
    },
  };
}
