import { mix, nearestPair, principalPicture } from '../../core/vae/latentMath';
import { notesFromWindows, phraseWindows, vaeMeterProblem } from '../../core/vae/phraseWindows';
import { VAE_VELOCITY, type VaeKit, type VaeKitDeps } from './vaeKit';
import type { VaeActions } from './vaeStore';

export type LatentMapActions = Pick<VaeActions, 'mapLatentSpace' | 'proposeAt'>;

/**
 * The latent map (a teaching view): the song's phrase windows encoded and drawn by their two principal
 * components; a click between two dots decodes the code on the line between them into a candidate.
 */
export function createLatentMapActions(kit: VaeKit, app: VaeKitDeps['app']): LatentMapActions {
  const { get, set, alert, withModel, rangeOf, allowedClasses, addCandidates, proposalTarget } = kit;
  const song = () => app.store.getState().song;
  return {
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
        const notes = notesFromWindows(result.phrases?.[0] ?? [], [window], range, VAE_VELOCITY);
        const [a, b] = [map.dots[pair.from].label, map.dots[pair.to].label];
        const target = proposalTarget(2);
        if (!target) return;
        addCandidates([{ notes, bars: 2 }], target, {
          action: () => `latent map: ${Math.round(pair.t * 100)}% of the way from ${a} to ${b}`,
          seed: 0,
        });
      });
    },
  };
}
