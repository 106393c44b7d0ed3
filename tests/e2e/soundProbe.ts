import type { BrowserContext, Page } from 'playwright-core';

/**
 * Listens at the audio output without changing the app: before any script runs, AudioNode.connect is
 * wrapped so that whatever is connected to a context's destination is also fed to an AnalyserNode
 * (kept on window.__soundTaps). The analyser reaches the speakers through a muted gain so that it is pulled
 * by the graph without doubling the sound.
 */
export async function installSoundProbe(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    const w = window as unknown as { __soundTaps: AnalyserNode[] };
    w.__soundTaps = [];
    const taps = new Map<BaseAudioContext, AnalyserNode>();
    const connect = AudioNode.prototype.connect as (this: AudioNode, ...args: unknown[]) => unknown;
    AudioNode.prototype.connect = function (this: AudioNode, ...args: unknown[]) {
      const [destination] = args;
      if (
        destination instanceof AudioDestinationNode &&
        !(this instanceof AnalyserNode) &&
        !(this as { __probeMute?: boolean }).__probeMute
      ) {
        let tap = taps.get(destination.context);
        if (!tap) {
          tap = destination.context.createAnalyser();
          tap.fftSize = 2048;
          const mute = destination.context.createGain();
          (mute as unknown as { __probeMute: boolean }).__probeMute = true;
          mute.gain.value = 0;
          connect.call(tap, mute);
          connect.call(mute, destination);
          taps.set(destination.context, tap);
          w.__soundTaps.push(tap);
        }
        connect.call(this, tap);
      }
      return connect.apply(this, args);
    } as typeof AudioNode.prototype.connect;
  });
}

/** The loudest RMS seen at the output over `ms` milliseconds (0 when nothing is connected or silent). */
export async function outputRms(page: Page, ms = 1500): Promise<number> {
  return page.evaluate(async (duration) => {
    const taps = (window as unknown as { __soundTaps?: AnalyserNode[] }).__soundTaps ?? [];
    const buffer = new Float32Array(2048);
    let loudest = 0;
    const end = performance.now() + duration;
    while (performance.now() < end) {
      for (const tap of taps) {
        tap.getFloatTimeDomainData(buffer);
        let sum = 0;
        for (const v of buffer) sum += v * v;
        loudest = Math.max(loudest, Math.sqrt(sum / buffer.length));
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    return loudest;
  }, ms);
}

/** Polls until the output is louder than `threshold` or `timeoutMs` passes; returns the loudest RMS seen. */
export async function waitForSound(page: Page, threshold = 0.002, timeoutMs = 8000): Promise<number> {
  const end = Date.now() + timeoutMs;
  let loudest = 0;
  while (Date.now() < end) {
    loudest = Math.max(loudest, await outputRms(page, 500));
    if (loudest > threshold) return loudest;
  }
  return loudest;
}

/** The step the playhead line is drawn at (fractional, 0-based), or null while it is hidden. */
export async function playheadStep(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const line = document.querySelector<HTMLElement>('.playhead');
    const grid = document.querySelector<HTMLElement>('[role="grid"]');
    if (!line || !grid || line.style.display === 'none') return null;
    const m = /\*\s*([\d.]+)\)/.exec(line.style.left);
    return m ? Number(m[1]) * Number(getComputedStyle(grid).getPropertyValue('--cols')) : null;
  });
}

/**
 * Steps per second the playhead line moves, measured from its position on animation frames (the position
 * is drawn from the engine's audio clock, so this is the tempo the listener hears: 4 steps per beat).
 */
export async function playheadStepsPerSecond(page: Page, ms = 1200): Promise<number> {
  return page.evaluate(async (duration) => {
    const line = document.querySelector<HTMLElement>('.playhead');
    const grid = document.querySelector<HTMLElement>('[role="grid"]');
    if (!line || !grid) return 0;
    const steps = Number(getComputedStyle(grid).getPropertyValue('--cols'));
    const fraction = () => {
      const m = /\*\s*([\d.]+)\)/.exec(line.style.left);
      return m && line.style.display !== 'none' ? Number(m[1]) : null;
    };
    const samples: { t: number; f: number }[] = [];
    const end = performance.now() + duration;
    while (performance.now() < end) {
      await new Promise((r) => requestAnimationFrame(r));
      const f = fraction();
      if (f !== null) samples.push({ t: performance.now(), f });
    }
    if (samples.length < 2) return 0;
    // Unwrap the loop: a drop in position means the playhead went round.
    let travelled = 0;
    for (let i = 1; i < samples.length; i++) {
      let d = samples[i].f - samples[i - 1].f;
      if (d < -0.5) d += 1;
      travelled += d;
    }
    const seconds = (samples[samples.length - 1].t - samples[0].t) / 1000;
    return (travelled * steps) / seconds;
  }, ms);
}
