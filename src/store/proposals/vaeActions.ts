// Over 300 lines: Similar, Interpolate, the path audition and the latent map share one VAE session and target resolution; the pure parts live in core/vae and vaeTargets.ts.
import { findPhrase } from '../../core/song';
import { scalePitchClasses } from '../../core/scale';
import type { Note, Song } from '../../core/types';
import { insertInterpolation, insertProblem } from '../../core/vae/insertInterpolation';
import { mix, nearestPair, principalPicture } from '../../core/vae/latentMath';
import {
  notesFromWindows,
  phraseWindows,
  vaeMeterProblem,
  VAE_STEPS_PER_BAR,
  type PhraseWindow,
} from '../../core/vae/phraseWindows';
import type { MelodyRange } from '../../core/melodyEvents';
import type { AllowedClasses, VaeClient, VaeInfo } from '../../model/vae/vaeTypes';
import { stepsPerBar } from '../../core/meter';
import { AUDITION_PHRASE_ID, PATH_AUDITION_ID } from './audition';
import { MAX_SEED } from './settings';
import { similarSource, writeTarget, type Target } from './vaeTargets';
import type { ProposalCandidate } from './types';
import {
  VAE_CHECKPOINT_PATH,
  type EndRef,
  type MadePhrase,
  type VaeActions,
  type VaeDeps,
  type VaeState,
  type VaeStore,
} from './vaeStore';
import type { StoreApi } from 'zustand/vanilla';

type Deps = Required<Omit<VaeDeps, 'client' | 'checkpointPath'>> & Pick<VaeDeps, 'client' | 'checkpointPath'>;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const VELOCITY = 96;

/**
 * The actions of the VAE store (see vaeStore.ts); every failure is an alert and leaves the song as it was.
 * A little over 300 lines: one closure over the store and the client, as proposalActions.ts is; the pure parts
 * are in core/vae and vaeTargets.ts.
 */
export function createVaeActions(store: StoreApi<VaeState>, deps: Deps): VaeActions {
  const { app } = deps;
  const get = store.getState;
  const set = (patch: Partial<VaeState>) => store.setState(patch);
  const song = () => app.store.getState().song;
  const proposals = () => app.store.getState().proposals;
  // An explicit path (tests) wins; else the index's MusicVAE (read at start-up); else the bundled default.
  const checkpointPath = () => deps.checkpointPath ?? proposals().vaeCheckpoint ?? VAE_CHECKPOINT_PATH;
  let modelId = 'musicvae';
  let client: VaeClient | null = null;

  const alert = (message: string): void => {
    app.actions.notify({ id: 'vae-failed', kind: 'error', message });
  };

  async function loaded(): Promise<VaeInfo | null> {
    const status = get().status;
    if (status.kind === 'ready') return status.info;
    client ??= typeof deps.client === 'function' ? deps.client() : (deps.client ?? null);
    if (!client) {
      alert('The variation model is not available in this session. The song is unchanged.');
      return null;
    }
    set({ status: { kind: 'loading' } });
    const started = deps.clock();
    try {
      const path = checkpointPath();
      modelId = path.replace(/\/+$/, '').split('/').pop() || 'musicvae';
      const info = await client.loadVae(path);
      set({ status: { kind: 'ready', info }, lastMs: { ...get().lastMs, load: deps.clock() - started } });
      app.actions.dismissNotice('vae-failed');
      return info;
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      set({ status: { kind: 'failed', message } });
      alert(`The variation model could not be loaded (${message}). The song is unchanged.`);
      return null;
    }
  }

  /** Runs `work` with the model loaded and `busy` set; failures become an alert. */
  async function withModel(what: string, work: (info: VaeInfo, client: VaeClient) => Promise<void>): Promise<void> {
    if (get().busy) return;
    set({ busy: true });
    try {
      const info = await loaded();
      if (info && client) await work(info, client);
    } catch (error) {
      alert(`${what} failed: ${(error as Error).message ?? String(error)}. The song is unchanged.`);
    } finally {
      set({ busy: false });
    }
  }

  const rangeOf = (info: VaeInfo): MelodyRange => ({ minPitch: info.range.min, maxPitch: info.range.max });

  /** The key/scale lock as allowed decoder classes (no event and note off always allowed), or undefined. */
  function allowedClasses(info: VaeInfo): AllowedClasses | undefined {
    if (!proposals().settings.scaleLock) return undefined;
    const pcs = new Set(scalePitchClasses(song().key));
    if (pcs.size === 0 || pcs.size === 12) return undefined;
    return Array.from(
      { length: info.range.max - info.range.min + 3 },
      (_, c) => c < 2 || pcs.has((c - 2 + info.range.min) % 12),
    );
  }

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

  const nextNumber = () => proposals().candidates.reduce((n, c) => Math.max(n, c.number), 0) + 1;

  /**
   * Adds candidates to the Proposals list for `target` (after its parent when it has one, else at the end) and
   * previews the first, as Propose and Mutate do. Notes past the target's span are left out: an Accept writes
   * only inside it.
   */
  function addCandidates(
    made: MadePhrase[],
    target: Target,
    meta: { action: (i: number) => string; seed: number; kind?: 'proposed' | 'mutated' },
  ): void {
    const first = nextNumber();
    const scaleLock = proposals().settings.scaleLock;
    const length = target.span.end - target.span.start;
    const perBar = stepsPerBar(song().timeSignature);
    const fresh: ProposalCandidate[] = made.map((m, i) => ({
      id: deps.newId(),
      number: first + i,
      phraseId: target.phraseId,
      span: target.span,
      notes: m.notes
        .filter((n) => n.start < length)
        .map((n) => ({ ...n, length: Math.min(n.length, length - n.start) })),
      bars: Math.ceil(length / perBar),
      kind: meta.kind ?? 'proposed',
      // Variations and in-between phrases count as mutations among the song's taken ideas; others continue.
      idea: meta.kind === 'mutated' ? 'mutate' : 'continue',
      action: meta.action(i),
      modelId,
      temperature: 0,
      seed: meta.seed,
      lockedNotes: [],
      primer: null,
      scaleLock,
      ...(target.parentId ? { parentId: target.parentId } : {}),
    }));
    if (fresh.length === 0) return;
    const list = [...proposals().candidates];
    const at = target.parentId ? list.findIndex((c) => c.id === target.parentId) : -1;
    list.splice(at < 0 ? list.length : at + 1, 0, ...fresh);
    app.store.setState({ proposals: { ...proposals(), candidates: list, previewId: fresh[0].id } });
  }

  /** The current phrase, with the span a new candidate of `bars` bars writes (as Propose chooses it), or an alert. */
  function proposalTarget(bars: number): Target | null {
    const target = writeTarget(app.store.getState(), bars);
    if (typeof target === 'string') alert(target);
    return typeof target === 'string' ? null : target;
  }

  const freshSeed = () => {
    const s = proposals().settings;
    return s.keepSeed ? s.seed : Math.floor(deps.random() * MAX_SEED);
  };

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
          return { notes: notesFromWindows(all, windows, range, VELOCITY), bars: source.bars };
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
          return { notes: notesFromWindows(decoded, windows, range, VELOCITY), bars };
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
        modelId,
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

    async mapLatentSpace() {
      const meter = vaeMeterProblem(song().timeSignature);
      if (meter) return alert(`${meter}. The song is unchanged.`);
      await withModel('The latent map', async (info, c) => {
        const range = rangeOf(info);
        const owners: { phraseId: string; label: string; color: string }[] = [];
        const events: Int32Array[] = [];
        for (const p of song().phrases) {
          phraseWindows(p.notes, p.bars, range).forEach((w, k) => {
            if (w.empty || events.length >= 4 * 64) return;
            owners.push({
              phraseId: p.id,
              label: `${p.name} bars ${k * 2 + 1}-${Math.min(k * 2 + 2, p.bars)}`,
              color: p.color,
            });
            events.push(w.events);
          });
        }
        const codes: Float32Array[] = [];
        // The worker takes at most four windows per request.
        for (let i = 0; i < events.length; i += 4)
          codes.push(...((await c.runVae({ kind: 'encode', windows: events.slice(i, i + 4) })).codes ?? []));
        const picture = principalPicture(codes);
        set({
          latentMap: {
            dots: owners.map((o, i) => ({ ...o, x: picture.points[i][0], y: picture.points[i][1] })),
            codes,
            explained: picture.explained,
          },
        });
      });
    },

    async proposeAt(x, y) {
      const map = get().latentMap;
      const pair = map
        ? nearestPair(
            map.dots.map((d) => [d.x, d.y]),
            [x, y],
          )
        : null;
      if (!map || !pair) return alert('The latent map needs at least two phrase windows with notes.');
      await withModel('Proposing from the map', async (info, c) => {
        const z = mix(map.codes[pair.from], map.codes[pair.to], pair.t);
        const result = await c.runVae({ kind: 'decode', codes: [z], allowed: allowedClasses(info) });
        const range = rangeOf(info);
        const [window] = phraseWindows([], 2, range);
        const notes = notesFromWindows(result.phrases?.[0] ?? [], [window], range, VELOCITY);
        const [a, b] = [map.dots[pair.from].label, map.dots[pair.to].label];
        const target = proposalTarget(2);
        if (!target) return;
        addCandidates([{ notes, bars: 2 }], target, {
          action: () => `latent map: ${Math.round(pair.t * 100)}% of the way from ${a} to ${b}`,
          seed: 0,
        });
      });
    },

    dispose() {
      client = null;
    },
  };
}

export type { VaeStore };
