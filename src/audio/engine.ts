import { getContext, getDestination, start as startTone } from 'tone';
import { stepsPerBar } from '../core/meter';
import {
  gridTime,
  planWindow,
  playheadAt,
  startPlanner,
  type ClockPair,
  type PlannedWindow,
  type PlannerState,
} from '../core/playbackPlanner';
import type { Seconds } from '../core/types';
import { createInstrument } from './instruments';
import { InstrumentLoader } from './instrumentLoader';
import { applyInstrumentSettings, createMixer, disposeMixer, playTimedEvent, silenceMixer, type Mixer } from './mixer';
import { sharedPianoSamples, type PianoSamples } from './pianoSamples';
import type { AudioEngine, AudioStatus, InstrumentStatus, PlaybackTarget, PlayheadPosition, SongSource } from './types';

/**
 * The Tone-backed AudioEngine. Playback is pulled, not pushed: a ticker on Tone's context clock (a worker,
 * so background tabs do not throttle it) asks the pure planner for the events of the next look-ahead
 * window, reading the song afresh each time, and triggers them at exact audio times. Edits, tempo, swing,
 * instrument and volume changes are therefore heard on the next window.
 */

export interface AudioEngineOptions {
  /** How far ahead of the audio clock events are scheduled. Default 0.15 s. */
  lookAhead?: Seconds;
  /** How often the ticker asks for a window (Tone's context ticks every 50 ms at most). Default 0.025 s. */
  tickInterval?: Seconds;
  /** Silence before the first step, so the first note is scheduled ahead rather than late. Default 0.06 s. */
  startDelay?: Seconds;
  /** How long unlock() waits for the browser to start the audio context before reporting it blocked. */
  unlockTimeoutMs?: number;
  /** Where the piano comes from (tests pass a failing loader); default: the app's /samples/piano/. */
  loadPiano?: () => Promise<PianoSamples>;
}

// A clause, not a sentence: the store shows it after "The browser did not let the app play sound: ".
const BLOCKED_MESSAGE = 'click anywhere on the page or press a key to turn sound on';
const PREVIEW_SECONDS = 0.35;

/** Creates the engine; it reads the song through `getSong` on every look-ahead window. */
export function createAudioEngine(getSong: SongSource, options: AudioEngineOptions = {}): AudioEngine {
  const lookAhead = options.lookAhead ?? 0.15;
  const tickInterval = options.tickInterval ?? 0.025;
  const startDelay = options.startDelay ?? 0.06;
  const audioListeners = new Set<(s: AudioStatus) => void>();
  const instrumentListeners = new Set<(s: InstrumentStatus) => void>();
  const playingListeners = new Set<(playing: boolean) => void>();
  const planListeners = new Set<(window: PlannedWindow) => void>();
  const loader = new InstrumentLoader(options.loadPiano ?? sharedPianoSamples, (s) =>
    instrumentListeners.forEach((l) => l(s)),
  );
  const build = (id: Parameters<typeof createInstrument>[0]) => createInstrument(id, loader.pianoSamples);

  let status: AudioStatus = { kind: 'idle' };
  let mixer: Mixer | null = null;
  let preview: Mixer | null = null;
  let planner: PlannerState | null = null;
  let target: PlaybackTarget | null = null;
  let tickerId: number | null = null;
  let finishId: number | null = null;
  let metronome = false;
  let disposed = false;
  let analyser: AnalyserNode | null = null;
  let levelData: Float32Array<ArrayBuffer> | null = null;

  const context = () => getContext();

  function setStatus(next: AudioStatus) {
    const message = (s: AudioStatus) => (s.kind === 'blocked' ? s.message : '');
    if (next.kind === status.kind && message(next) === message(status)) return;
    status = next;
    audioListeners.forEach((l) => l(next));
  }

  // A context the browser held back starts later, on some gesture of its own choosing: follow it.
  let watchingState = false;
  function watchContextState() {
    if (watchingState) return;
    watchingState = true;
    context().rawContext.addEventListener('statechange', () => {
      if (disposed) return;
      if (context().state === 'running') setStatus({ kind: 'ready' });
      else if (status.kind === 'ready') setStatus({ kind: 'blocked', message: BLOCKED_MESSAGE });
    });
  }

  async function unlock(): Promise<AudioStatus> {
    if (disposed) return status;
    watchContextState();
    if (context().state !== 'running') {
      const timeout = new Promise((resolve) => setTimeout(resolve, options.unlockTimeoutMs ?? 500));
      await Promise.race([startTone().catch(() => undefined), timeout]);
    }
    setStatus(context().state === 'running' ? { kind: 'ready' } : { kind: 'blocked', message: BLOCKED_MESSAGE });
    if (status.kind === 'ready') {
      const song = getSong();
      loader.noteMelodyChoice(song.instruments.melody);
      loader.resolve(song.instruments.chords);
    }
    return status;
  }

  /**
   * The audio time being heard now and the performance.now() of that moment, from the context's own output
   * timestamp where the browser gives one (both read by the audio system, so they agree).
   */
  function clockPair(now: number): ClockPair {
    const raw = context().rawContext as Partial<Pick<AudioContext, 'getOutputTimestamp'>>;
    const stamp = typeof raw.getOutputTimestamp === 'function' ? raw.getOutputTimestamp() : null;
    if (stamp?.contextTime && stamp.performanceTime)
      return { audioTime: stamp.contextTime, performanceMs: stamp.performanceTime };
    return { audioTime: now, performanceMs: performance.now() };
  }

  function clearTimers() {
    if (tickerId !== null) context().clearInterval(tickerId);
    if (finishId !== null) context().clearTimeout(finishId);
    tickerId = finishId = null;
  }

  function tick() {
    if (!planner || !target || !mixer || disposed) return;
    const song = getSong();
    const now = context().currentTime;
    loader.noteMelodyChoice(song.instruments.melody);
    // Instrument and volume changes take effect where this window starts, after the notes already planned.
    const windowStart = Math.max(now, gridTime(planner, planner.horizon));
    applyInstrumentSettings(mixer, song.instruments, (id) => loader.resolve(id), windowStart);
    const result = planWindow(planner, song, target, now, lookAhead, { metronome });
    planner = result.state;
    for (const event of result.events) playTimedEvent(mixer, event);
    if (planListeners.size > 0) {
      const window: PlannedWindow = { events: result.events, until: planner.horizon, clock: clockPair(now) };
      planListeners.forEach((l) => l(window));
    }
    if (result.ended && result.endTime !== null && finishId === null) {
      if (tickerId !== null) context().clearInterval(tickerId);
      tickerId = null;
      finishId = context().setTimeout(finish, Math.max(0, result.endTime - now));
    }
  }

  function setStopped() {
    const wasPlaying = planner !== null;
    planner = null;
    target = null;
    if (wasPlaying) playingListeners.forEach((l) => l(false));
  }

  /** The song played to its end: let the last notes ring, forget the plan. */
  function finish() {
    clearTimers();
    setStopped();
  }

  function stop() {
    clearTimers();
    if (mixer && planner) silenceMixer(mixer, context().currentTime);
    setStopped();
  }

  return {
    unlock,
    async play(next, playOptions = {}) {
      const unlocked = await unlock();
      if (unlocked.kind !== 'ready' || disposed) return;
      stop();
      mixer ??= createMixer(context().destination, build);
      const start = context().currentTime + startDelay;
      const song = getSong();
      planner = startPlanner(start, song.tempo, (playOptions.countInBars ?? 0) * stepsPerBar(song.timeSignature));
      target = next;
      tick();
      tickerId = context().setInterval(tick, tickInterval);
      playingListeners.forEach((l) => l(true));
    },
    stop,
    isPlaying: () => planner !== null,
    setMetronome(on) {
      metronome = on;
    },
    playhead(): PlayheadPosition {
      const time = status.kind === 'ready' ? context().currentTime : 0;
      return { step: planner ? playheadAt(planner, time) : null, time };
    },
    previewNote(pitch, velocity = 100) {
      const sound = () => {
        if (disposed) return;
        const song = getSong();
        preview ??= createMixer(context().destination, build);
        const now = context().currentTime;
        loader.noteMelodyChoice(song.instruments.melody);
        applyInstrumentSettings(preview, song.instruments, (id) => loader.resolve(id), now);
        preview.melody.play(pitch, now + 0.005, PREVIEW_SECONDS, velocity / 127);
      };
      if (status.kind === 'ready') sound();
      else void unlock().then((s) => s.kind === 'ready' && sound());
    },
    onAudioStatus(listener) {
      audioListeners.add(listener);
      return () => audioListeners.delete(listener);
    },
    onInstrumentStatus(listener) {
      instrumentListeners.add(listener);
      const current = loader.status;
      if (current) listener(current);
      return () => instrumentListeners.delete(listener);
    },
    outputLevel() {
      if (status.kind !== 'ready') return 0;
      if (!analyser) {
        analyser = context().createAnalyser();
        analyser.fftSize = 2048;
        getDestination().connect(analyser);
        levelData = new Float32Array(analyser.fftSize);
      }
      analyser.getFloatTimeDomainData(levelData!);
      let peak = 0;
      for (const x of levelData!) peak = Math.max(peak, Math.abs(x));
      return peak;
    },
    onPlayingChange(listener) {
      playingListeners.add(listener);
      return () => playingListeners.delete(listener);
    },
    onPlan(listener) {
      planListeners.add(listener);
      return () => planListeners.delete(listener);
    },
    dispose() {
      stop();
      disposed = true;
      if (mixer) disposeMixer(mixer);
      if (preview) disposeMixer(preview);
      if (analyser) getDestination().disconnect(analyser);
      mixer = preview = analyser = null;
      audioListeners.clear();
      instrumentListeners.clear();
      playingListeners.clear();
      planListeners.clear();
    },
  };
}
