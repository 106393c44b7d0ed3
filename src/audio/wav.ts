/**
 * RIFF/WAVE encoding of rendered audio: 16-bit PCM, little-endian, two channels (mono is copied to both,
 * extra channels are left out). Pure: it reads the samples of anything shaped like an AudioBuffer, so it
 * runs in Node tests as well as in the browser.
 */

/** The part of an AudioBuffer the encoder reads. */
export interface PcmSource {
  sampleRate: number;
  numberOfChannels: number;
  length: number;
  getChannelData(channel: number): Float32Array;
}

export interface WavOptions {
  /** Frames to write: the audio is cut or padded with silence to exactly this many. Default: all of it. */
  frames?: number;
  /** Fade-out over the last seconds written, so a cut does not click. Default 0 (none). */
  fadeOut?: number;
}

const HEADER_BYTES = 44;
const CHANNELS = 2;
const BYTES_PER_SAMPLE = 2;

/** A float sample (-1..1, clipped beyond) as a signed 16-bit integer. */
export function floatToInt16(x: number): number {
  if (!(x === x)) return 0; // NaN
  const clipped = x > 1 ? 1 : x < -1 ? -1 : x;
  return clipped < 0 ? Math.round(clipped * 0x8000) : Math.round(clipped * 0x7fff);
}

/**
 * WAV file bytes (16-bit stereo PCM at the source's sample rate).
 * @example const bytes = encodeWav(await renderOffline(song, { kind: 'song' }), { frames: 44100 * 8 });
 */
export function encodeWav(source: PcmSource, options: WavOptions = {}): Uint8Array {
  const frames = Math.max(0, Math.floor(options.frames ?? source.length));
  const dataBytes = frames * CHANNELS * BYTES_PER_SAMPLE;
  const bytes = new Uint8Array(HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  };
  const rate = Math.round(source.sampleRate);
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, CHANNELS, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * CHANNELS * BYTES_PER_SAMPLE, true); // byte rate
  view.setUint16(32, CHANNELS * BYTES_PER_SAMPLE, true); // block align
  view.setUint16(34, BYTES_PER_SAMPLE * 8, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);

  if (source.numberOfChannels === 0) return bytes;
  const left = source.getChannelData(0);
  const right = source.numberOfChannels > 1 ? source.getChannelData(1) : left;
  const available = Math.min(frames, source.length, left.length, right.length);
  const fadeFrames = Math.min(frames, Math.max(0, Math.round((options.fadeOut ?? 0) * rate)));
  const fadeStart = frames - fadeFrames;
  // An Int16Array over the data is much faster than DataView calls; WAV is little-endian like every host we run on.
  const out = new Int16Array(bytes.buffer, HEADER_BYTES, frames * CHANNELS);
  for (let i = 0; i < available; i++) {
    const gain = i < fadeStart ? 1 : (frames - i) / (fadeFrames + 1);
    out[2 * i] = floatToInt16(left[i] * gain);
    out[2 * i + 1] = floatToInt16(right[i] * gain);
  }
  return bytes;
}

/** The header fields of WAV bytes and their samples as floats, for checks and tests. */
export function decodeWav(bytes: Uint8Array): {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  frames: number;
  samples: Float32Array[];
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < HEADER_BYTES || text(0) !== 'RIFF' || text(8) !== 'WAVE') throw new Error('not a WAV file');
  const channels = view.getUint16(22, true);
  const sampleRate = view.getUint32(24, true);
  const bitsPerSample = view.getUint16(34, true);
  const dataBytes = view.getUint32(40, true);
  const frames = dataBytes / (channels * (bitsPerSample / 8));
  const samples = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++)
      samples[c][i] = view.getInt16(HEADER_BYTES + (i * channels + c) * 2, true) / 0x8000;
  }
  return { sampleRate, channels, bitsPerSample, frames, samples };
}
