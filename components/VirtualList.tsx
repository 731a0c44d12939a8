import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps {
  count: number;
  /** Every row is this tall (in rem, so it grows with the user's text size). */
  rowHeightRem: number;
  /** One row's contents; it is placed inside an <li> the list positions. */
  renderRow: (index: number) => ComponentChildren;
  /** Called with the rows now on screen (plus a margin), to load their data. */
  onRange?: (start: number, end: number) => void;
  label: string;
  class?: string;
  /** A key per row (stable across scrolling). */
  keyOf: (index: number) => string;
}

/** Rows drawn above and below the screen, so scrolling and tabbing never meet an empty row. */
const OVERSCAN = 8;
/** Up to this many rows are all drawn: cheap, and find-in-page and screen readers then see every one. */
const DRAW_ALL_UP_TO = 60;

function remInPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * A list that only puts the rows on screen into the page, so 100,000 clips
 * scroll as smoothly as 10. The page itself scrolls (no inner scroll box):
 * the list is as tall as all its rows, and each row knows its place
 * (aria-posinset of aria-setsize) for screen readers.
 */
export function VirtualList({ count, rowHeightRem, renderRow, onRange, label, class: className, keyOf }: VirtualListProps) {
  const list = useRef<HTMLUListElement>(null);
  const [rowPx, setRowPx] = useState(() => rowHeightRem * remInPx());
  const [range, setRange] = useState({ start: 0, end: Math.min(count, DRAW_ALL_UP_TO) });

  useLayoutEffect(() => {
    const measure = () => {
      const px = rowHeightRem * remInPx();
      setRowPx(px);
      const el = list.current;
      if (!el) return;
      const top = -el.getBoundingClientRect().top;
      const all = count <= DRAW_ALL_UP_TO;
      const start = all ? 0 : Math.max(0, Math.floor(top / px) - OVERSCAN);
      const end = all ? count : Math.min(count, Math.ceil((top + window.innerHeight) / px) + OVERSCAN);
      setRange((r) => (r.start === start && r.end === end ? r : { start, end: Math.max(start, end) }));
    };
    measure();
    window.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      window.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [count, rowHeightRem]);

  useEffect(() => onRange?.(range.start, range.end), [range.start, range.end, count]);

  const rows: ComponentChildren[] = [];
  for (let i = range.start; i < range.end; i++) {
    rows.push(
      <li key={keyOf(i)} class="hc-vrow" aria-setsize={count} aria-posinset={i + 1} style={{ top: `${i * rowPx}px`, height: `${rowPx}px` }}>
        {renderRow(i)}
      </li>,
    );
  }
  return (
    <ul ref={list} class={`hc-vlist ${className ?? ''}`} aria-label={label} style={{ height: `${count * rowPx}px` }}>
      {rows}
    </ul>
  );
}
