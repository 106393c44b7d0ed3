/**
 * Text in MIDI files (track names, markers) is bytes with no declared encoding. Phrasewright writes UTF-8,
 * as current DAWs do, and reads UTF-8 when the bytes are valid UTF-8 and Latin-1 otherwise (older files).
 * midi-file, under @tonejs/midi, moves text as one character per byte, so these convert between real
 * strings and such "byte strings".
 */

/** A string whose characters are the UTF-8 bytes of `text` (what midi-file should write). */
export function toMidiByteString(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/** The text a byte string holds: UTF-8 if it decodes as such, else Latin-1 as is; control characters removed. */
export function fromMidiByteString(byteString: string): string {
  const bytes = Uint8Array.from(byteString, (ch) => ch.charCodeAt(0) & 0xff);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = byteString;
  }
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}
