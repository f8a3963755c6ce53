import type { ReactNode } from 'react';
import './TableScroll.css';

export interface TableScrollProps {
  /** What the table holds, as its caption says it: the region's name for screen readers. */
  label: string;
  /** More classes for the frame, e.g. a table's own layout on narrow screens. */
  className?: string;
  children: ReactNode;
}

/**
 * The frame of a table that may be wider than a phone: it scrolls sideways by itself (the page does
 * not), and is a named region that takes the keyboard focus, so it can be scrolled with the arrow keys.
 */
export function TableScroll({ label, className, children }: TableScrollProps) {
  return (
    // A focusable scroll region, as WCAG 2.1.1 asks of content that scrolls (axe: scrollable-region-focusable).
    <div className={className ? `table-wrap table-scroll ${className}` : 'table-wrap table-scroll'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
