import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * What is printed lives in its own element at the end of <body>, outside the app: while it is there the
 * print style sheet hides every other child of <body> with display:none (classroom.css), so nothing of the
 * app takes up room on paper and no blank pages follow. On screen it is laid out off to the side (abcjs
 * needs a laid-out box to measure its staff) and hidden from assistive technology.
 *
 * `ready` says every staff has been drawn; then the browser's print dialog opens once. `onDone` runs after
 * printing (afterprint), so the portal can be taken down.
 */
export function PrintPortal({
  kind,
  ready,
  onDone,
  children,
}: {
  kind: 'handout' | 'report';
  ready: boolean;
  onDone(): void;
  children: ReactNode;
}) {
  const [root] = useState(() => {
    const el = document.createElement('div');
    el.className = 'print-root';
    el.setAttribute('aria-hidden', 'true');
    el.dataset.printKind = kind;
    return el;
  });
  useEffect(() => {
    document.body.appendChild(root);
    document.documentElement.dataset.print = kind;
    return () => {
      root.remove();
      if (document.documentElement.dataset.print === kind) delete document.documentElement.dataset.print;
    };
  }, [root, kind]);
  useEffect(() => {
    if (!ready) return;
    const after = () => onDone();
    window.addEventListener('afterprint', after, { once: true });
    // After the frame that shows the drawn staves, so print sees them laid out.
    const frame = requestAnimationFrame(() => window.print());
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', after);
    };
  }, [ready, onDone]);
  return createPortal(children, root);
}
