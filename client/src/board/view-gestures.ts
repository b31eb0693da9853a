/**
 * "The person started moving the map" (a drag-pan, a pinch, a wheel), for what should not stay put
 * over a map that moves under it, like the selected note's actions. A tiny event, so use-pan-zoom.ts
 * needs to know nothing about who listens.
 */
const listeners = new Set<() => void>();

export function onViewGesture(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function viewGestureStarted(): void {
  for (const l of listeners) l();
}
