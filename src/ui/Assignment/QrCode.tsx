import { useEffect, useState } from 'react';

type QrModule = typeof import('qrcode');
let qrLoading: Promise<QrModule> | null = null;

/** The QR library is fetched the first time a code is shown, not with the app. */
function loadQr(): Promise<QrModule> {
  qrLoading ??= import('qrcode').then((m) => (m as unknown as { default?: QrModule }).default ?? m);
  return qrLoading;
}

/** The dark modules of a QR code as one SVG path ("M x y h1 v1 h-1 z" a module), with a 4-module quiet zone. */
function modulesPath(size: number, dark: (x: number, y: number) => boolean): string {
  let d = '';
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (dark(x, y)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
  return d;
}

type Drawn = { kind: 'ready'; size: number; path: string } | { kind: 'too-long' } | { kind: 'loading' };

/**
 * A QR code of `text` (the `qrcode` library encodes it; this draws the modules as an SVG path, so nothing
 * is injected as markup). Low error correction keeps long links scannable from a projector; a link too
 * long for any QR code says so.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  // What was drawn, and for which text: a new text shows "loading" until its own code is drawn.
  const [result, setResult] = useState<{ of: string; drawn: Drawn }>({ of: text, drawn: { kind: 'loading' } });
  const drawn: Drawn = result.of === text ? result.drawn : { kind: 'loading' };
  useEffect(() => {
    let cancelled = false;
    const setDrawn = (d: Drawn) => setResult({ of: text, drawn: d });
    loadQr()
      .then((qr) => {
        const code = qr.create(text, { errorCorrectionLevel: 'L' });
        const { size, data } = code.modules;
        if (!cancelled) setDrawn({ kind: 'ready', size, path: modulesPath(size, (x, y) => data[y * size + x] === 1) });
      })
      .catch(() => !cancelled && setDrawn({ kind: 'too-long' }));
    return () => {
      cancelled = true;
    };
  }, [text]);
  if (drawn.kind === 'loading') return <p role="status">Drawing the QR code…</p>;
  if (drawn.kind === 'too-long') {
    return (
      <p role="alert">
        This link is too long for a QR code ({text.length} characters): share the link or the file instead.
      </p>
    );
  }
  const side = drawn.size + 8;
  return (
    <svg className="qr-code" role="img" aria-label={label} viewBox={`0 0 ${side} ${side}`} shapeRendering="crispEdges">
      <rect width={side} height={side} fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  );
}
