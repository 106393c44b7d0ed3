/**
 * Finds note onsets in rendered audio: the first sample whose level reaches `threshold` (a fraction of the
 * buffer's peak) after at least `quietSeconds` below it. Works for voices with a sharp attack and a
 * release that dies out before the next note, which is how the onset tests choose their phrases.
 */
export function findOnsets(buffer: AudioBuffer, threshold = 0.1, quietSeconds = 0.02): number[] {
  const data = buffer.getChannelData(0);
  let peak = 0;
  for (const x of data) peak = Math.max(peak, Math.abs(x));
  if (peak === 0) return [];
  const level = peak * threshold;
  const quietSamples = Math.round(quietSeconds * buffer.sampleRate);
  const onsets: number[] = [];
  let quietRun = quietSamples; // the start of the buffer counts as quiet
  for (let i = 0; i < data.length; i++) {
    if (Math.abs(data[i]) >= level) {
      if (quietRun >= quietSamples) onsets.push(i / buffer.sampleRate);
      quietRun = 0;
    } else {
      quietRun++;
    }
  }
  return onsets;
}

/** Root-mean-square level of a stretch of the first channel. */
export function rms(buffer: AudioBuffer, from: number, to: number): number {
  const data = buffer.getChannelData(0);
  const a = Math.max(0, Math.floor(from * buffer.sampleRate));
  const b = Math.min(data.length, Math.floor(to * buffer.sampleRate));
  let sum = 0;
  for (let i = a; i < b; i++) sum += data[i] * data[i];
  return b > a ? Math.sqrt(sum / (b - a)) : 0;
}

/**
 * Where a known sound starts in rendered audio: the lag (in seconds, relative to `expectedTime`, searched
 * within ±`searchSeconds`) at which the first `windowSeconds` of `sample` correlate best with the render.
 * Used for sampled notes, whose recorded attacks are too soft for a level threshold.
 */
export function alignmentLag(
  rendered: AudioBuffer,
  sample: AudioBuffer,
  expectedTime: number,
  searchSeconds = 0.004,
  windowSeconds = 0.03,
): number {
  const r = rendered.getChannelData(0);
  const s = sample.getChannelData(0);
  const rate = rendered.sampleRate;
  const n = Math.round(windowSeconds * rate);
  const search = Math.round(searchSeconds * rate);
  const t0 = Math.round(expectedTime * rate);
  let sampleEnergy = 0;
  for (let k = 0; k < n; k++) sampleEnergy += s[k] * s[k];
  let best = { lag: 0, score: -Infinity };
  for (let lag = -search; lag <= search; lag++) {
    let dot = 0;
    let energy = 0;
    for (let k = 0; k < n; k++) {
      const x = r[t0 + lag + k] ?? 0;
      dot += x * s[k];
      energy += x * x;
    }
    const score = energy > 0 ? dot / Math.sqrt(energy * sampleEnergy) : -Infinity;
    if (score > best.score) best = { lag, score };
  }
  return best.lag / rate;
}
