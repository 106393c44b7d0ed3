/**
 * Small byte-level edits to a file @tonejs/midi has encoded, for two things it cannot write itself:
 * - it ends every track right after its last event, so a song ending in rests would be cut short in a
 *   DAW; `endTick` moves each track's end-of-track to the song's last bar line;
 * - its key-signature encoder writes the wrong byte (the index into its key list plus 7, where the
 *   standard wants sharps minus flats), so key signatures are prepended here as raw events instead.
 */

export interface TrackPatch {
  /** Events (delta time 0 included) to put before the track's first event. */
  prepend?: readonly number[];
  /** Absolute tick of the track's last event before its end-of-track. */
  lastEventTick: number;
}

/** The bytes of a variable-length quantity. */
export function varIntBytes(value: number): number[] {
  const bytes = [value & 0x7f];
  let rest = Math.floor(value / 128);
  while (rest > 0) {
    bytes.unshift((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  return bytes;
}

/** A key signature meta event at delta 0: `sharps` -7..7 (negative = flats), `minor` for a minor key. */
export function keySignatureEvent(sharps: number, minor: boolean): number[] {
  return [0x00, 0xff, 0x59, 0x02, sharps & 0xff, minor ? 1 : 0];
}

/**
 * Applies `patches[i]` to track i of an encoded file: prepends its events and moves its closing
 * end-of-track (which must read "00 FF 2F 00") to `endTick`. Tracks without a patch are copied as they are.
 */
export function patchTracks(bytes: Uint8Array, endTick: number, patches: readonly TrackPatch[]): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  let at = 8 + view.getUint32(4);
  parts.push(bytes.subarray(0, at));
  for (let track = 0; at + 8 <= bytes.length; track++) {
    const length = view.getUint32(at + 4);
    const body = bytes.subarray(at + 8, at + 8 + length);
    const patch = patches[track];
    const closesNormally = length >= 4 && body[length - 4] === 0 && body[length - 3] === 0xff && body[length - 2] === 0x2f;
    if (!patch || !closesNormally) {
      parts.push(bytes.subarray(at, at + 8 + length));
    } else {
      const head = patch.prepend ?? [];
      const tail = [...varIntBytes(Math.max(0, endTick - patch.lastEventTick)), 0xff, 0x2f, 0x00];
      const newLength = head.length + length - 4 + tail.length;
      const chunk = new Uint8Array(8 + newLength);
      chunk.set(bytes.subarray(at, at + 4), 0);
      new DataView(chunk.buffer).setUint32(4, newLength);
      chunk.set(head, 8);
      chunk.set(body.subarray(0, length - 4), 8 + head.length);
      chunk.set(tail, 8 + head.length + length - 4);
      parts.push(chunk);
    }
    at += 8 + length;
  }
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
