import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { child, childrenNamed, parseXml } from './xml';

/**
 * Compressed MusicXML (.mxl): a zip holding `mimetype`, `META-INF/container.xml` naming the score file,
 * and the score. Written and read with fflate (pure JavaScript). Reading checks sizes before inflating
 * anything, so a zip bomb or a zip with thousands of entries is refused cheaply.
 */

export const MXL_MIME_TYPE = 'application/vnd.recordare.musicxml';
/** Largest score (uncompressed) read from an .mxl. */
export const MAX_SCORE_BYTES = 20 * 1024 * 1024;
const MAX_ENTRIES = 1000;
/** A fixed time stamp for the entries: exports of the same song give the same bytes (and core reads no clock). */
const ENTRY_TIME = new Date(Date.UTC(2020, 0, 1));

/** The score as an .mxl file (the score stored as `score.musicxml`). */
export function packMxl(scoreXml: string): Uint8Array {
  const container =
    '<?xml version="1.0" encoding="UTF-8"?>\n<container>\n  <rootfiles>\n    <rootfile full-path="score.musicxml" media-type="application/vnd.recordare.musicxml+xml"/>\n  </rootfiles>\n</container>\n';
  return zipSync(
    {
      mimetype: [strToU8(MXL_MIME_TYPE), { level: 0 }],
      'META-INF/container.xml': strToU8(container),
      'score.musicxml': strToU8(scoreXml),
    },
    { mtime: ENTRY_TIME },
  );
}

/** True when the bytes start like a zip file. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The number of entries the zip's end record declares (zip64 too), or null when there is no end record. */
function declaredEntries(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.length - 22; at >= 0 && bytes.length - at <= 65_557; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    let entries = view.getUint16(at + 10, true);
    if (at >= 20 && view.getUint32(at - 20, true) === 0x07064b50) {
      const zip64End = Number(view.getBigUint64(at - 12, true));
      if (zip64End + 40 <= bytes.length && view.getUint32(zip64End, true) === 0x06064b50)
        entries = Number(view.getBigUint64(zip64End + 32, true));
    }
    return entries;
  }
  return null;
}

export type MxlResult = { ok: true; xml: string } | { ok: false; reason: string };

/** The score inside an .mxl file, found through its container, or the reason it cannot be had. */
export function unpackMxl(bytes: Uint8Array): MxlResult {
  try {
    const entries = declaredEntries(bytes);
    if (entries === null)
      return { ok: false, reason: 'the compressed MusicXML file is damaged (its zip directory is missing)' };
    if (entries > MAX_ENTRIES)
      return { ok: false, reason: `the compressed file holds more than ${MAX_ENTRIES} files, not a score` };
    let tooLarge = false;
    const read = (name: string) => {
      const files = unzipSync(bytes, {
        filter: (file) => {
          if (file.name !== name) return false;
          if (file.originalSize > MAX_SCORE_BYTES) tooLarge = true;
          return !tooLarge;
        },
      });
      return files[name];
    };
    const containerBytes = read('META-INF/container.xml');
    if (tooLarge) return { ok: false, reason: 'the compressed file unpacks to more than 20 MB, too large for a score' };
    if (!containerBytes)
      return { ok: false, reason: 'the .mxl file has no META-INF/container.xml, so the score in it cannot be found' };
    const container = parseXml(strFromU8(containerBytes));
    if (!container.ok) return { ok: false, reason: `the .mxl file's container is unreadable: ${container.reason}` };
    const rootfile = childrenNamed(child(container.root, 'rootfiles'), 'rootfile')[0];
    const path = rootfile?.attributes['full-path'];
    if (!path) return { ok: false, reason: "the .mxl file's container names no score" };
    const score = read(path);
    if (tooLarge) return { ok: false, reason: 'the compressed file unpacks to more than 20 MB, too large for a score' };
    if (!score) return { ok: false, reason: `the .mxl file names a score (${path.slice(0, 80)}) that is not in it` };
    return { ok: true, xml: strFromU8(score) };
  } catch {
    return { ok: false, reason: 'the compressed MusicXML file is damaged' };
  }
}
