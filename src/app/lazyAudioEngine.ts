import type {
  AudioEngine,
  AudioStatus,
  InstrumentStatus,
  PlaybackTarget,
  PlayheadPosition,
  PlayOptions,
} from '../audio/types';
import type { PlannedWindow } from '../core/playbackPlanner';

const STOPPED: PlayheadPosition = { step: null, time: 0 };

export interface LazyAudioEngine extends AudioEngine {
  /** Starts loading the real engine (Tone.js) now; harmless to call again. */
  preload(): Promise<AudioEngine | null>;
}

/**
 * An AudioEngine that loads the real one (and with it Tone.js) only when first needed, so the first paint
 * does not wait for the audio code. Until then it reports "stopped" and remembers listeners and the
 * metronome setting, handing them to the real engine when it arrives. If loading fails, unlock() reports
 * the audio as blocked with the reason, so the UI says why there is no sound.
 */
export function createLazyAudioEngine(load: () => Promise<AudioEngine>): LazyAudioEngine {
  let real: AudioEngine | null = null;
  let loading: Promise<AudioEngine | null> | null = null;
  let loadError: unknown = null;
  let metronome: boolean | null = null;
  let disposed = false;
  const audioListeners = new Map<(s: AudioStatus) => void, () => void>();
  const instrumentListeners = new Map<(s: InstrumentStatus) => void, () => void>();
  const playingListeners = new Map<(playing: boolean) => void, () => void>();
  const planListeners = new Map<(window: PlannedWindow) => void, () => void>();
  const noop = () => {};

  function preload(): Promise<AudioEngine | null> {
    loading ??= load().then(
      (engine) => {
        if (disposed) {
          engine.dispose();
          return null;
        }
        real = engine;
        for (const l of audioListeners.keys()) audioListeners.set(l, engine.onAudioStatus(l));
        for (const l of instrumentListeners.keys()) instrumentListeners.set(l, engine.onInstrumentStatus(l));
        for (const l of playingListeners.keys()) playingListeners.set(l, engine.onPlayingChange?.(l) ?? noop);
        for (const l of planListeners.keys()) planListeners.set(l, engine.onPlan(l));
        if (metronome !== null) engine.setMetronome(metronome);
        return engine;
      },
      (error: unknown) => {
        loadError = error;
        return null;
      },
    );
    return loading;
  }

  function blocked(): AudioStatus {
    const reason =
      loadError instanceof Error ? loadError.message : typeof loadError === 'string' ? loadError : 'unknown error';
    return { kind: 'blocked', message: `the sound engine could not load (${reason})` };
  }

  return {
    preload,
    async unlock() {
      const engine = await preload();
      if (!engine) {
        const status = blocked();
        audioListeners.forEach((_off, l) => l(status));
        return status;
      }
      return engine.unlock();
    },
    async play(target: PlaybackTarget, options?: PlayOptions) {
      const engine = await preload();
      if (!engine) throw loadError instanceof Error ? loadError : new Error('the sound engine could not load');
      await engine.play(target, options);
    },
    stop: () => real?.stop(),
    isPlaying: () => real?.isPlaying() ?? false,
    setMetronome(on) {
      metronome = on;
      real?.setMetronome(on);
    },
    playhead: () => real?.playhead() ?? STOPPED,
    previewNote(pitch, velocity) {
      if (real) real.previewNote(pitch, velocity);
      else void preload().then((engine) => engine?.previewNote(pitch, velocity));
    },
    onAudioStatus(listener) {
      audioListeners.set(listener, real ? real.onAudioStatus(listener) : noop);
      return () => {
        audioListeners.get(listener)?.();
        audioListeners.delete(listener);
      };
    },
    onInstrumentStatus(listener) {
      instrumentListeners.set(listener, real ? real.onInstrumentStatus(listener) : noop);
      return () => {
        instrumentListeners.get(listener)?.();
        instrumentListeners.delete(listener);
      };
    },
    onPlayingChange(listener) {
      playingListeners.set(listener, real?.onPlayingChange?.(listener) ?? noop);
      return () => {
        playingListeners.get(listener)?.();
        playingListeners.delete(listener);
      };
    },
    onPlan(listener) {
      planListeners.set(listener, real ? real.onPlan(listener) : noop);
      return () => {
        planListeners.get(listener)?.();
        planListeners.delete(listener);
      };
    },
    outputLevel: () => real?.outputLevel?.() ?? 0,
    dispose() {
      disposed = true;
      real?.dispose();
      real = null;
    },
  };
}
