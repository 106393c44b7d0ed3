import type { PlaybackTarget, PlayOptions } from '../../audio/types';
import type { StoreContext } from '../context';
import type { AppActions, TransportState } from '../types';
import { errorMessage } from '../persistence/recordCodec';
import { selectCurrentPhrase } from '../selectors';

type TransportActions = Pick<AppActions, 'play' | 'stop' | 'togglePlay' | 'toggleMetronome'>;

/**
 * Play/stop/metronome. The store asks the engine and mirrors what happened into `transport`; these
 * changes never touch the song, so they never become undo steps.
 */
export function createTransportActions(ctx: StoreContext, notify: AppActions['notify']): TransportActions {
  // Bumped by every play and stop, so a play that is still unlocking audio when Stop is pressed does not
  // start afterwards.
  let playRequest = 0;

  function setTransport(patch: Partial<TransportState>): void {
    ctx.store.setState({ transport: { ...ctx.store.getState().transport, ...patch } });
  }

  function currentPhraseTarget(): PlaybackTarget {
    return { kind: 'phrase', phraseId: selectCurrentPhrase(ctx.store.getState())?.id ?? '' };
  }

  async function play(target: PlaybackTarget = currentPhraseTarget(), options?: PlayOptions): Promise<void> {
    const request = ++playRequest;
    const engine = ctx.engine;
    if (!engine) {
      notify({ id: 'no-audio', kind: 'warning', message: 'Sound is not available in this session.' });
      return;
    }
    try {
      const audio = await engine.unlock();
      if (request !== playRequest) return;
      setTransport({ audio });
      if (audio.kind === 'blocked') {
        notify({
          id: 'audio-blocked',
          kind: 'error',
          message: `The browser did not let the app play sound: ${audio.message}`,
        });
        setTransport({ playing: false });
        return;
      }
      await engine.play(target, options);
      if (request !== playRequest) {
        engine.stop();
        return;
      }
      setTransport({ playing: true, target });
    } catch (error) {
      if (request === playRequest) setTransport({ playing: false });
      notify({ id: 'play-failed', kind: 'error', message: `Playback failed: ${errorMessage(error)}` });
    }
  }

  function stop(): void {
    playRequest++;
    ctx.engine?.stop();
    if (ctx.store.getState().transport.playing) setTransport({ playing: false });
  }

  return {
    play,
    stop,
    async togglePlay() {
      const { playing, target } = ctx.store.getState().transport;
      if (playing) return stop();
      // The grid's phrase follows the selection; a song or section target is played again as it was.
      await play(target && target.kind !== 'phrase' ? target : currentPhraseTarget());
    },
    toggleMetronome() {
      const metronome = !ctx.store.getState().transport.metronome;
      ctx.engine?.setMetronome(metronome);
      setTransport({ metronome });
    },
  };
}
