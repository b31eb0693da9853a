import type { Point } from '../../../shared/layout';
import { eventClientPoint } from './drop-point';

/**
 * Follows the real pointer during a deck drag. dnd-kit's `delta` is corrected for the scrolling of the
 * dragged element's ancestors, and a deck card starts inside the panel's scrolled list: when the pointer
 * leaves the panel, that correction jumps by the list's scroll offset and `start + delta` lands cells
 * away from the pointer. Window listeners in the capture phase run before dnd-kit's own, so the point
 * is current when its move and end handlers ask for it.
 */
export function trackPointer(start: Point | null): { current(): Point | null; stop(): void } {
  let last = start;
  const onMove = (e: Event) => {
    last = eventClientPoint(e) ?? last;
  };
  const types = ['pointermove', 'mousemove', 'touchmove'] as const;
  for (const type of types) window.addEventListener(type, onMove, { capture: true, passive: true });
  return {
    current: () => last,
    stop: () => {
      for (const type of types) window.removeEventListener(type, onMove, { capture: true });
    },
  };
}
