/**
 * Text in MIDI files (track names, markers) is bytes with no declared encoding. Phrasewright writes UTF-8,
 * as current DAWs do, and reads UTF-8 when the bytes are valid UTF-8 and Latin-1 otherwise (older files).
 * The reader hands text over as "byte strings" (one character per byte); this turns them into text.
 */

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
