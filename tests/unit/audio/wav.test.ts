import { describe, expect, it } from 'vitest';
import { decodeWav, encodeWav, floatToInt16, type PcmSource } from '../../../src/audio/wav';

function source(channels: Float32Array[], sampleRate = 44_100): PcmSource {
  return {
    sampleRate,
    numberOfChannels: channels.length,
    length: channels[0]?.length ?? 0,
    getChannelData: (c) => channels[c],
  };
}

describe('WAV encoding', () => {
  it('writes a 16-bit stereo PCM header at the source rate', () => {
    const bytes = encodeWav(source([new Float32Array(10), new Float32Array(10)]));
    const view = new DataView(bytes.buffer);
    const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint16(20, true)).toBe(1); // PCM
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(24, true)).toBe(44_100);
    expect(view.getUint32(28, true)).toBe(44_100 * 4);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(40);
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
  });

  it('keeps left and right apart and round-trips samples within one 16-bit step', () => {
    const left = Float32Array.from({ length: 100 }, (_, i) => Math.sin(i / 5) * 0.8);
    const right = Float32Array.from({ length: 100 }, (_, i) => -Math.cos(i / 7) * 0.3);
    const decoded = decodeWav(encodeWav(source([left, right])));
    expect(decoded.frames).toBe(100);
    for (let i = 0; i < 100; i++) {
      expect(Math.abs(decoded.samples[0][i] - left[i])).toBeLessThan(1 / 16_000);
      expect(Math.abs(decoded.samples[1][i] - right[i])).toBeLessThan(1 / 16_000);
    }
  });

  it('copies mono to both channels', () => {
    const mono = Float32Array.from([0.5, -0.5, 0.25]);
    const decoded = decodeWav(encodeWav(source([mono])));
    expect(decoded.channels).toBe(2);
    expect(Array.from(decoded.samples[1])).toEqual(Array.from(decoded.samples[0]));
  });

  it('clips beyond full scale instead of wrapping around', () => {
    expect(floatToInt16(1.7)).toBe(32767);
    expect(floatToInt16(-3)).toBe(-32768);
    expect(floatToInt16(Number.NaN)).toBe(0);
  });

  it('cuts or pads to exactly the frames asked for, fading out the end', () => {
    const ones = new Float32Array(1000).fill(0.5);
    const cut = decodeWav(encodeWav(source([ones, ones]), { frames: 441, fadeOut: 0.001 }));
    expect(cut.frames).toBe(441);
    expect(cut.samples[0][0]).toBeCloseTo(0.5, 3);
    expect(Math.abs(cut.samples[0][440])).toBeLessThan(0.05);
    const padded = decodeWav(encodeWav(source([ones, ones]), { frames: 2000 }));
    expect(padded.frames).toBe(2000);
    expect(padded.samples[0][1500]).toBe(0);
  });

  // How fast: `npm run bench -- inputs` (target 2 s).
  it('encodes three minutes of stereo audio, every frame', () => {
    const frames = 44_100 * 180;
    const left = Float32Array.from({ length: frames }, (_, i) => Math.sin(i / 20));
    const bytes = encodeWav(source([left, left]));
    expect(bytes.length).toBe(44 + frames * 4);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(40, true)).toBe(frames * 4);
    const last = frames - 1;
    expect(view.getInt16(44 + last * 4, true)).toBe(floatToInt16(left[last]));
    expect(view.getInt16(44 + last * 4 + 2, true)).toBe(floatToInt16(left[last]));
  }, 120_000); // 32 MB of samples: generous for a loaded machine (36 s beside two trainings)
});
