/**
 * `--inv-zoom` (1 / zoom) for the few things on the map that keep their screen size: the name tags on
 * notes someone else moves or edits, the voting dots, ideas' expected effects, the emotion curve's "no data" labels, and the lane names while they stick to the view's left edge. It is set by one small style sheet that names only
 * those elements, not inline on the board layer: a custom property set there is inherited by every
 * note, so each zoom step would restyle the whole map (the zoom frame time in bench/client-frames.ts).
 */
const SCOPED = '.votes-layer, .idea-effects-layer, .peer-tag, .lane-headers, .board-layer:not(.export-layer) .emotion-curve-nodata';

let sheet: CSSStyleSheet | null = null;
let current = NaN;

export function setInvZoom(zoom: number): void {
  const value = 1 / zoom;
  if (value === current || typeof document === 'undefined') return;
  current = value;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(`${SCOPED} { --inv-zoom: ${value}; }`);
}
