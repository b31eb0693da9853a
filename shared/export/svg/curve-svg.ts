/**
 * The emotion curve strip as SVG, in board units above the stage headers: what
 * client/src/journey/emotion-curve-svg.tsx draws on the map (same geometry, shared/journey), with its
 * CSS (journey/emotion-curve.css) written out as presentation attributes.
 */
import { formatValence, type CurvePoint } from '../../decks/emotion-curve';
import { CURVE_PAD, curveBox, curveShape, valenceY } from '../../journey/curve-geometry';
import { GEOMETRY, type BoardLayout } from '../../layout';
import { el, esc } from './xml';

export interface CurveWords {
  /** "Emotion curve". */
  name: string;
  /** "No data" under a stage without emotion cards. */
  noData: string;
}

const TICKS = [2, 1, 0, -1, -2];

function label(x: number, y: number, text: string, a: Record<string, string | number | undefined>): string {
  return el('text', { x, y, ...a }, esc(text));
}

/** A dash per compared persona, so curves differ by more than colour (as emotion-curve-svg.tsx). */
const OVERLAY_DASHES = ['', '12 6', '3 6', '14 5 3 5', '8 8', '2 4', '18 6', '6 3'];

export interface CurveOverlay {
  name: string;
  color: string;
  points: readonly CurvePoint[];
}

export function curveSvg(layout: Pick<BoardLayout, 'columns' | 'width'>, points: readonly CurvePoint[], words: CurveWords, sep: string, overlays: readonly CurveOverlay[] = []): string {
  const box = curveBox();
  const shape = curveShape(points, layout.columns, box);
  const left = GEOMETRY.laneHeaderW;
  const right = layout.width;
  const bottom = box.top + box.height;
  let out = el('rect', { x: 0.5, y: box.top + 0.5, width: layout.width - 1, height: box.height - 1, rx: 10, fill: '#fff', stroke: '#dfe1e8' });
  out += label(14, valenceY(1, box) + 5, words.name, { 'font-size': 13, 'font-weight': 700, fill: '#881337' });
  for (const v of TICKS) {
    const y = valenceY(v, box);
    out +=
      v === 0
        ? el('line', { x1: left, x2: right - 8, y1: y, y2: y, stroke: '#9ca3af', 'stroke-width': 1.5, 'stroke-dasharray': '6 6' })
        : el('line', { x1: left, x2: right - 8, y1: y, y2: y, stroke: '#e5e7eb', 'stroke-width': 1 });
    if (v % 2 === 0) out += label(left - 10, y + 4, formatValence(v), { 'font-size': 12, 'font-weight': 700, fill: '#6b7280', 'text-anchor': 'end' });
  }
  for (const c of layout.columns) out += el('line', { x1: c.x, x2: c.x, y1: box.top + CURVE_PAD / 2, y2: bottom - CURVE_PAD / 2, stroke: '#eceef3', 'stroke-width': 1 });
  const compared = overlays.length > 0;
  for (const d of shape.bands) out += el('path', { d, fill: '#e11d48', 'fill-opacity': compared ? 0.06 : 0.12, stroke: '#e11d48', 'stroke-opacity': 0.3, 'stroke-width': 1 });
  for (const d of shape.lines) out += el('path', { d, fill: 'none', stroke: '#be123c', 'stroke-width': compared ? 2.5 : 4, 'stroke-opacity': compared ? 0.55 : undefined, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' });
  // Personas compared: each one's curve in its colour and dash, and a legend under the title.
  overlays.forEach((o, i) => {
    const dash = OVERLAY_DASHES[i % OVERLAY_DASHES.length] || undefined;
    const os = curveShape(o.points, layout.columns, box);
    let g = '';
    for (const d of os.lines) g += el('path', { d, fill: 'none', stroke: o.color, 'stroke-width': 3, 'stroke-dasharray': dash, 'stroke-linecap': 'round' });
    for (const p of os.points) if (p.y !== null) g += el('circle', { cx: p.x, cy: p.y, r: 5, fill: o.color, stroke: '#fff', 'stroke-width': 2 });
    const step = Math.min(15, (box.top + box.height - 8 - (valenceY(1, box) + 22)) / overlays.length);
    const ly = valenceY(1, box) + 24 + i * step;
    g += el('line', { x1: 14, x2: 40, y1: ly - 4, y2: ly - 4, stroke: o.color, 'stroke-width': 3, 'stroke-dasharray': dash });
    g += label(46, ly, o.name.length > 14 ? `${o.name.slice(0, 13)}…` : o.name, { 'font-size': Math.min(12, step - 1), 'font-weight': 700, fill: o.color });
    out += el('g', { 'data-persona-curve': o.name }, g);
  });
  for (const p of shape.points) {
    if (p.y === null) {
      out += label(p.x, bottom - 10, words.noData, { 'font-size': 12.5, 'font-style': 'italic', fill: '#9ca3af', 'text-anchor': 'middle' });
      continue;
    }
    out += el('circle', { cx: p.x, cy: p.y, r: 7, fill: '#be123c', stroke: '#fff', 'stroke-width': 3 });
    out += label(p.x + 12, p.y < box.top + 30 ? p.y + 18 : p.y - 9, formatValence(p.point.median!, sep), {
      'font-size': 15,
      'font-weight': 800,
      fill: '#881337',
      stroke: '#fff',
      'stroke-width': 4,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    });
  }
  return el('g', { 'aria-label': words.name }, out);
}
