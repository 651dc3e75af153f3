import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * The box a wide table scrolls sideways in on a phone. While it actually overflows it is in the tab
 * order, so a keyboard user can focus it and scroll with the arrow keys (WCAG 2.1.1; axe-core's
 * scrollable-region-focusable); when everything fits it adds no tab stop.
 */
export function TableScroll({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  // Measured after every render (the rows may have changed) and whenever the box is resized.
  useEffect(() => {
    const el = ref.current;
    if (el) setOverflows(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
  });
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() =>
      setOverflows(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-scroll" style={style} tabIndex={overflows ? 0 : undefined}>
      {children}
    </div>
  );
}
