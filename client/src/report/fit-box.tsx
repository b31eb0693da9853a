import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Scales its content down (CSS zoom, so the layout shrinks too) to fit the page's width and a height. */
export function FitBox({ maxHeight, label, children }: { maxHeight: number; label: string; children: ReactNode }) {
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  useLayoutEffect(() => {
    const o = outer.current;
    const i = inner.current;
    if (!o || !i) return;
    const measure = () => {
      const w = i.scrollWidth;
      const h = i.scrollHeight;
      if (!w || !h) return;
      setZoom(Math.min(1, o.clientWidth / w, maxHeight / h));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(o);
    return () => ro.disconnect();
  }, [maxHeight]);
  return (
    <figure className="report-figure" ref={outer} role="img" aria-label={label}>
      {/* An image to assistive technology: its words are in the sections that follow. */}
      <div ref={inner} style={{ zoom, width: 'max-content' }} aria-hidden="true">
        {children}
      </div>
    </figure>
  );
}
