import type { CSSProperties } from 'react';

/**
 * `--inv-zoom` (1 / zoom) for the few things on the map that keep their screen size: the voting dots,
 * ideas' expected effects, the name tags on notes someone else moves or edits, the
 * emotion curve's "no data" labels, and the lane names while they stick to the view's left edge.
 *
 * It is set inline on those elements only (or on the small layers that hold them), never on the board
 * layer: a custom property set there is inherited by every note, so each zoom step would restyle the
 * whole map. Nor in a style sheet rewritten at each step (what we had): Chromium then re-checks every
 * element of the page against the new sheet, about 1.5 ms per zoom step with 1,000 notes.
 */
const SCOPED = '.lane-headers, .emotion-curve, .votes-layer, .idea-effects-layer, .peer-tag';

let current = 1;

/**
 * For an element of SCOPED that may mount between two zoom steps: its value at first render, kept
 * current by setInvZoom from then on. (React rewrites it only when a later render's value differs,
 * and then with the current value.)
 */
export const invZoomStyle = (): CSSProperties => ({ '--inv-zoom': current }) as CSSProperties;

/** Called by the board layer at each zoom change, for the elements inside it. */
export function setInvZoom(layer: HTMLElement | null, zoom: number): void {
  current = 1 / zoom;
  if (!layer) return;
  const value = String(current);
  for (const el of layer.querySelectorAll<HTMLElement>(SCOPED)) {
    if (el.style.getPropertyValue('--inv-zoom') !== value) el.style.setProperty('--inv-zoom', value);
  }
}
