import { changeSong } from '../context';
import { parseCheckpointIndex, stylesOf, vaeCheckpointIn } from '../../core/checkpointIndex';
import type { ProposalKit } from './kit';
import type { ProposalActions } from './types';

export type StyleActions = Pick<ProposalActions, 'setStyle' | 'loadCheckpointIndex'>;

/** The installed models (the checkpoint index) and the song's style, which picks the melody / chord pair. */
export function createStyleActions(kit: ProposalKit, fetchIndex: () => Promise<unknown>): StyleActions {
  return {
    setStyle(style) {
      if (!stylesOf(kit.slice().checkpoints).some((s) => s.id === style))
        return { ok: false, reason: `No models of the style "${style}" are installed.` };
      kit.setSlice({ settings: { ...kit.slice().settings, checkpointUrl: '' } });
      changeSong(kit.ctx, (song) => (song.style === style ? song : { ...song, style }));
      return { ok: true };
    },

    async loadCheckpointIndex() {
      let data: unknown = null;
      try {
        data = await fetchIndex();
      } catch {
        data = null; // no index: the musician types a URL
      }
      kit.setSlice({ checkpoints: parseCheckpointIndex(data), vaeCheckpoint: vaeCheckpointIn(data) });
    },
  };
}
