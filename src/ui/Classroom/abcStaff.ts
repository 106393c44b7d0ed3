import { useEffect, useRef, useState, type RefObject } from 'react';
import { withCssomStyles } from '../Notation/cssomStyles';

type AbcModule = typeof import('abcjs');
let abcjsLoading: Promise<AbcModule> | null = null;

/** abcjs is fetched the first time a classroom staff is drawn (the same chunk the notation panel loads). */
export function loadAbcjs(): Promise<AbcModule> {
  abcjsLoading ??= import('abcjs').then((m) => (m as unknown as { default?: AbcModule }).default ?? m);
  return abcjsLoading;
}

/**
 * Draws `abc` into the returned ref's element with abcjs, then calls `after(root)` (to colour notes).
 * `drawn` turns true once the staff is on the page (the handout waits for every page's staff before printing).
 */
export function useAbcStaff(
  abc: string,
  ariaLabel: string,
  after?: (root: HTMLElement) => void,
  staffWidth?: number,
): { ref: RefObject<HTMLDivElement | null>; drawn: boolean; failed: string | null } {
  const ref = useRef<HTMLDivElement>(null);
  // Which input the staff on the page was drawn from: a new input reads as not drawn until it is.
  const input = `${staffWidth ?? ''}|${ariaLabel}|${abc}`;
  const [drawnFor, setDrawnFor] = useState<string | null>(null);
  const drawn = drawnFor === input;
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    loadAbcjs()
      .then((abcjs) => {
        const target = ref.current;
        if (cancelled || !target) return;
        withCssomStyles(() =>
          abcjs.renderAbc(target, abc, {
            add_classes: true,
            responsive: 'resize',
            paddingleft: 4,
            paddingright: 4,
            ariaLabel,
            ...(staffWidth ? { staffwidth: staffWidth } : {}),
          }),
        );
        after?.(target);
        setFailed(null);
        setDrawnFor(`${staffWidth ?? ''}|${ariaLabel}|${abc}`);
      })
      .catch((e: unknown) => !cancelled && setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [abc, ariaLabel, after, staffWidth]);
  return { ref, drawn, failed };
}
