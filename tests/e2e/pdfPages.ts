import { inflateSync } from 'node:zlib';

/**
 * A small reader of the PDFs headless Chromium prints (page.pdf): the pages in order, each with its content
 * stream inflated, and how many path-painting and text-showing operators it holds. Enough to tell a page
 * with a staff (hundreds of painted paths: five lines, clef, notes) from a blank one, without a PDF library.
 */
export interface PdfPage {
  paths: number;
  texts: number;
  bytes: number;
}

function objects(pdf: string): Map<number, string> {
  const map = new Map<number, string>();
  const re = /(\d+) 0 obj\s([\s\S]*?)endobj/g;
  for (let m = re.exec(pdf); m; m = re.exec(pdf)) map.set(Number(m[1]), m[2]);
  return map;
}

function streamOf(raw: Buffer, pdf: string, body: string): Buffer {
  const start = pdf.indexOf(body);
  const at = body.indexOf('stream');
  if (at < 0) return Buffer.alloc(0);
  let from = start + at + 'stream'.length;
  if (pdf[from] === '\r') from++;
  if (pdf[from] === '\n') from++;
  const length = Number(/\/Length (\d+)/.exec(body)?.[1] ?? 0);
  const data = raw.subarray(from, from + length);
  return /\/FlateDecode/.test(body) ? inflateSync(data) : data;
}

/** The pages of a PDF, in order, with the drawing each holds. */
export function pdfPages(bytes: Buffer): PdfPage[] {
  const pdf = bytes.toString('latin1');
  const objs = objects(pdf);
  const pageObjects = [...objs.entries()].filter(([, body]) => /\/Type\s*\/Page(?!s)/.test(body));
  // The page tree lists the pages in order.
  const kids = /\/Type\s*\/Pages[\s\S]*?\/Kids\s*\[([^\]]*)\]/.exec(pdf)?.[1] ?? '';
  const order = [...kids.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const sorted = order.length === pageObjects.length ? order.map((id) => [id, objs.get(id)!] as const) : pageObjects;
  return sorted.map(([, body]) => {
    const refs = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(body)?.[1] ?? '';
    const content = [...refs.matchAll(/(\d+) 0 R/g)]
      .map((m) => objs.get(Number(m[1])) ?? '')
      .map((b) => streamOf(bytes, pdf, b).toString('latin1'))
      .join('\n');
    return {
      paths: (content.match(/(^|\s)(f|f\*|S|s|B|B\*|b|b\*)(?=\s|$)/g) ?? []).length,
      texts: (content.match(/(^|\s)(Tj|TJ)(?=\s|$)/g) ?? []).length,
      bytes: content.length,
    };
  });
}
