import { useLayoutEffect, type RefObject } from 'react';

/**
 * Keeps `--row-fit` on the grid element: the height (px) each of `rows` pitch rows gets when they share the
 * scroll area's height left below the ruler (grid.css clamps it between --row-min and --row-max).
 *
 * Why in script rather than flex shares or container-query units: a row whose height is a plain length is a
 * relayout boundary (with `contain: strict`), so an edit lays out one row. As flex items, or sized in `cqh`,
 * the rows were not boundaries and every added note re-laid out the whole page (grid.css, .grid-row).
 */
export function useRowFit(gridRef: RefObject<HTMLElement | null>, rows: number) {
  useLayoutEffect(() => {
    const grid = gridRef.current;
    const scroller = grid?.parentElement;
    if (!grid || !scroller || rows <= 0) return;
    const fit = () => {
      // The scroll area's inner height (without a horizontal scrollbar) less what sits above the rows inside
      // it: the ruler and the grid's top border.
      const rowsTop = grid.getBoundingClientRect().top + grid.clientTop;
      const innerTop = scroller.getBoundingClientRect().top + scroller.clientTop;
      const available = scroller.clientHeight - (rowsTop - innerTop + scroller.scrollTop);
      grid.style.setProperty('--row-fit', `${Math.max(0, available / rows).toFixed(3)}px`);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [gridRef, rows]);
}
