import { findPhrase } from '../../core/song';
import type { Note, Song } from '../../core/types';
import { insertInterpolation, insertProblem } from '../../core/vae/insertInterpolation';
import {
  notesFromWindows,
  phraseWindows,
  vaeMeterProblem,
  VAE_STEPS_PER_BAR,
  type PhraseWindow,
} from '../../core/vae/phraseWindows';
import { AUDITION_PHRASE_ID, PATH_AUDITION_ID } from './audition';
import { similarSource } from './vaeTargets';
import { createVaeKit, VAE_VELOCITY, type VaeKitDeps } from './vaeKit';
import { createLatentMapActions } from './vaeLatentMapActions';
import type { EndRef, MadePhrase, VaeActions, VaeState, VaeStore } from './vaeStore';
import type { StoreApi } from 'zustand/vanilla';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The actions of the VAE store (see vaeStore.ts): Similar and Interpolate here, the latent map in
 * vaeLatentMapActions.ts, over the shared session of vaeKit.ts; every failure is an alert and leaves the song
 * as it was. The pure parts are in core/vae and vaeTargets.ts.
 */
export function createVaeActions(store: StoreApi<VaeState>, deps: VaeKitDeps): VaeActions {
  const { app } = deps;
  const kit = createVaeKit(store, deps);
  const { get, set, alert, withModel, rangeOf, allowedClasses, addCandidates, proposalTarget, freshSeed } = kit;
  const song = () => app.store.getState().song;
  const proposals = () => app.store.getState().proposals;

  /** The notes, bars, name ("A", "candidate 3") and label ("phrase A", "candidate 3") of an end, or null when it is gone. */
  function resolve(ref: EndRef | null): (MadePhrase & { name: string; label: string }) | null {
    if (!ref) return null;
    if (ref.kind === 'phrase') {
      const p = findPhrase(song(), ref.id);
      return p ? { notes: p.notes, bars: p.bars, name: p.name, label: `phrase ${p.name}` } : null;
    }
    const c = proposals().candidates.find((x) => x.id === ref.id);
    return c ? { notes: c.notes, bars: c.bars, name: `candidate ${c.number}`, label: `candidate ${c.number}` } : null;
  }

  const capital = (text: string) => text[0].toUpperCase() + text.slice(1);

  function interpolationProblem(): string | null {
    const meter = vaeMeterProblem(song().timeSignature);
    if (meter) return meter;
    const { from, to } = get();
    if (!from || !to) return 'Choose the two phrases (or candidates) to go between';
    if (from.kind === to.kind && from.id === to.id) return 'Choose two different phrases';
    for (const end of [from, to]) {
      const r = resolve(end);
      if (!r) return 'One of the chosen ends is no longer there';
      if (r.notes.length === 0) return `${capital(r.label)} has no notes: an interpolation needs notes at both ends`;
    }
    return null;
  }

  /** Window i of a phrase cycled to `count` windows (a shorter end repeats to the longer one's length). */
  const cycled = (windows: PhraseWindow[], count: number) =>
    Array.from({ length: count }, (_, k) => windows[k % windows.length]);

  return {
    setSimilarity: (value) => set({ similarity: Number.isFinite(value) ? clamp(value, 0, 1) : 0.9 }),
    setCount: (value) => set({ count: Number.isFinite(value) ? clamp(Math.round(value), 1, 8) : 4 }),
    setSimilarSource: (source) => set({ similarSource: source }),

    async similar() {
      const started = deps.clock();
      const meter = vaeMeterProblem(song().timeSignature);
      if (meter) return alert(`${meter}. The song is unchanged.`);
      const { similarity, count } = get();
      const source = similarSource(app.store.getState(), get().similarSource);
      if (typeof source === 'string') return alert(source);
      if (source.notes.length === 0)
        return alert(`${capital(source.label)} has no notes to vary. Write or accept some first.`);
      await withModel('Similar', async (info, c) => {
        const range = rangeOf(info);
        const windows = phraseWindows(source.notes, source.bars, range);
        const sounding = windows.filter((w) => !w.empty);
        const seed = freshSeed();
        const result = await c.runVae({
          kind: 'similar',
          windows: sounding.map((w) => w.events),
          count,
          similarity,
          seed,
          allowed: allowedClasses(info),
        });
        const made = (result.phrases ?? []).map((decoded) => {
          let k = 0;
          // Silent windows stay silent: rests are part of the phrase's shape.
          const all = windows.map((w) => (w.empty ? w.events : decoded[k++]));
          return { notes: notesFromWindows(all, windows, range, VAE_VELOCITY), bars: source.bars };
        });
        const pct = Math.round(similarity * 100);
        addCandidates(made, source, {
          action: (i) => `similar ${pct}% to ${source.label} (${i + 1} of ${made.length})`,
          seed,
          // A variation of something that exists, as Mutate makes them.
          kind: 'mutated',
        });
        set({ lastMs: { ...get().lastMs, similar: deps.clock() - started } });
      });
    },

    setEnds: (from, to) => set({ from, to }),
    setSteps: (value) => set({ steps: Number.isFinite(value) ? clamp(Math.round(value), 2, 8) : 4 }),
    interpolationProblem,

    async interpolate() {
      const started = deps.clock();
      const problem = interpolationProblem();
      if (problem) return alert(`${problem}. The song is unchanged.`);
      const { from, to, steps } = get();
      const a = resolve(from)!;
      const b = resolve(to)!;
      await withModel('Interpolate', async (info, c) => {
        const range = rangeOf(info);
        const bars = Math.max(a.bars, b.bars);
        const layout = phraseWindows([], bars, range);
        const wa = cycled(phraseWindows(a.notes, a.bars, range), layout.length);
        const wb = cycled(phraseWindows(b.notes, b.bars, range), layout.length);
        const result = await c.runVae({
          kind: 'interpolate',
          from: wa.map((w) => w.events),
          to: wb.map((w) => w.events),
          count: steps,
          allowed: allowedClasses(info),
        });
        const inBetween = (result.phrases ?? []).map((decoded, i) => {
          const t = (i + 1) / (steps + 1);
          // Back into the register between the ends' registers.
          const windows = layout.map((w, k) => ({
            ...w,
            shift: 12 * Math.round(((1 - t) * wa[k].shift + t * wb[k].shift) / 12),
          }));
          return { notes: notesFromWindows(decoded, windows, range, VAE_VELOCITY), bars };
        });
        set({
          interpolation: {
            from: from!,
            to: to!,
            fromName: a.name,
            toName: b.name,
            fromPhrase: a,
            toPhrase: b,
            inBetween,
          },
          lastMs: { ...get().lastMs, interpolate: deps.clock() - started },
        });
      });
    },

    insertInterpolation() {
      const result = get().interpolation;
      if (!result || result.from.kind !== 'phrase' || result.to.kind !== 'phrase') return false;
      const before = song();
      const problem = insertProblem(before, result.inBetween.length);
      if (problem) {
        alert(`${problem}. The song is unchanged.`);
        return false;
      }
      const next: Song = insertInterpolation(before, result.from.id, result.to.id, result.inBetween, {
        newId: deps.newId,
        now: deps.now(),
        modelId: kit.modelId(),
      });
      if (next === before) {
        alert('The phrases at the ends are no longer in the song. The song is unchanged.');
        return false;
      }
      // One state change of the song: one undo step (as changeSong makes it).
      app.store.setState({ song: { ...next, updatedAt: deps.now() } });
      return true;
    },

    addInterpolationToProposals() {
      const result = get().interpolation;
      if (!result) return;
      const target = proposalTarget(Math.max(...result.inBetween.map((m) => m.bars)));
      if (!target) return;
      addCandidates(result.inBetween, target, {
        action: (i) =>
          `interpolation ${i + 1} of ${result.inBetween.length} from ${result.fromName} to ${result.toName}`,
        seed: 0,
      });
    },

    async auditionPath() {
      const state = proposals();
      if (state.auditioningId === PATH_AUDITION_ID) {
        app.store.setState({ proposals: { ...proposals(), auditioningId: null, pathAudition: null } });
        app.actions.stop();
        return;
      }
      const result = get().interpolation;
      if (!result) return;
      const parts = [result.fromPhrase, ...result.inBetween, result.toPhrase];
      const notes: Note[] = [];
      let offset = 0;
      for (const part of parts) {
        for (const n of part.notes) notes.push({ ...n, start: n.start + offset });
        offset += part.bars * VAE_STEPS_PER_BAR;
      }
      app.store.setState({
        proposals: {
          ...state,
          auditioningId: PATH_AUDITION_ID,
          pathAudition: { notes, bars: offset / VAE_STEPS_PER_BAR },
        },
      });
      await app.actions.play({ kind: 'phrase', phraseId: AUDITION_PHRASE_ID });
    },

    ...createLatentMapActions(kit, app),

    dispose: kit.dispose,
  };
}

export type { VaeStore };
