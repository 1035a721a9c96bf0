import { useEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** The indexes to render, ascending: the rows in view, `overscan` either side, and `keep`. */
  readonly indexes: readonly number[];
  /** Height of every row together, for the scroll area. */
  readonly totalHeight: number;
  /** Scrolls the least needed to bring row `index` fully into view. */
  scrollToIndex(index: number): void;
}

/**
 * Which rows of a scrolling list to render. Every row has the same height, so the window is
 * arithmetic on the scroll position: nothing to measure, which is why no virtualisation library
 * is needed (one cost 4.5 KB gzip of the kit's budget for measuring it never did). `keep` stays
 * rendered wherever it is, so an `aria-activedescendant` never points at nothing.
 */
export function useRowWindow(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number, keep: number): RowWindow {
  const [view, setView] = useState({ top: 0, height: 0 });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => setView({ top: element.scrollTop, height: element.clientHeight });
    update();
    element.addEventListener('scroll', update, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    resized?.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resized?.disconnect();
    };
  }, [ref]);

  const start = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  const indexes = Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
  if (keep >= 0 && keep < count && (keep < start || keep >= end)) indexes.splice(keep < start ? 0 : indexes.length, 0, keep);

  return {
    indexes,
    totalHeight: count * rowHeight,
    scrollToIndex(index) {
      const element = ref.current;
      if (!element) return;
      const top = index * rowHeight;
      const bottom = top + rowHeight - element.clientHeight;
      const scrollTop = top < element.scrollTop ? top : bottom > element.scrollTop ? bottom : element.scrollTop;
      if (scrollTop === element.scrollTop) return;
      element.scrollTop = scrollTop;
      // Browsers also send a scroll event; saying it now keeps the window right where none comes.
      setView({ top: scrollTop, height: element.clientHeight });
    },
  };
}
