import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  /** The element the tooltip explains; shows on its hover and keyboard focus. */
  host: HTMLElement | null;
  id: string;
  children: ReactNode;
}

/**
 * A tooltip drawn at screen size outside the scaled map (a tooltip inside the board layer would shrink
 * to unreadable at 50% zoom). Shows while its host is hovered or focused; Escape hides it (WCAG 1.4.13),
 * and pointing at the tooltip itself keeps it open so it can be read.
 */
export function MomentTooltip({ host, id, children }: Props) {
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ left: number; top: number; below: boolean } | null>(null);
  const tip = useRef<HTMLDivElement>(null);
  const overTip = useRef(false);

  useEffect(() => {
    if (!host) return;
    let timer = 0;
    const show = () => {
      clearTimeout(timer);
      setOpen(true);
    };
    const hide = () => {
      clearTimeout(timer);
      // A short grace period lets the pointer travel from the marker onto the tooltip.
      timer = window.setTimeout(() => !overTip.current && host !== document.activeElement && setOpen(false), 120);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    host.addEventListener('pointerenter', show);
    host.addEventListener('pointerleave', hide);
    host.addEventListener('focus', show);
    host.addEventListener('blur', hide);
    host.addEventListener('pointerdown', hide);
    document.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      host.removeEventListener('pointerenter', show);
      host.removeEventListener('pointerleave', hide);
      host.removeEventListener('focus', show);
      host.removeEventListener('blur', hide);
      host.removeEventListener('pointerdown', hide);
      document.removeEventListener('keydown', onKey);
    };
  }, [host]);

  useLayoutEffect(() => {
    if (!open || !host || !tip.current) return;
    const r = host.getBoundingClientRect();
    const t = tip.current.getBoundingClientRect();
    const below = r.top - t.height - 10 < 8;
    const left = Math.max(8, Math.min(window.innerWidth - t.width - 8, r.left + r.width / 2 - t.width / 2));
    setPos({ left, top: below ? r.bottom + 10 : r.top - t.height - 10, below });
  }, [open, host]);

  if (!open || !host) return null;
  return createPortal(
    <div
      ref={tip}
      id={id}
      role="tooltip"
      className={`moment-tooltip${pos?.below ? ' is-below' : ''}`}
      style={pos ? { left: pos.left, top: pos.top } : { left: -9999, top: 0 }}
      onPointerEnter={() => (overTip.current = true)}
      onPointerLeave={() => {
        overTip.current = false;
        setOpen(false);
      }}
    >
      {children}
    </div>,
    document.body,
  );
}
