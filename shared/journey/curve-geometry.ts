/**
 * Geometry of the emotion curve in board units, so the SVG sits in the board layer and pans and zooms
 * with the map. One point per stage column, at the column's centre; a stage without emotion cards breaks
 * the line (a gap, never a zero), so the line is a list of runs of neighbouring stages with data.
 */
import { VALENCE_MAX, VALENCE_MIN } from '../decks/deck-schema';
import type { CurvePoint } from '../decks/emotion-curve';
import type { BoardLayout, Camera } from '../layout';

export interface CurveBox {
  /** Top of the drawing area and its height, in board units. */
  top: number;
  height: number;
}

export interface PlacedPoint {
  stageId: string;
  x: number;
  /** null for a stage without data. */
  y: number | null;
  yMin: number | null;
  yMax: number | null;
  point: CurvePoint;
}

export interface CurveShape {
  points: PlacedPoint[];
  /** SVG path data for each run of stages with data (a lone stage is a dot, drawn by the caller). */
  lines: string[];
  /** SVG path data of the min–max band of each run. */
  bands: string[];
  /** y of valence 0, for the neutral guide line. */
  zeroY: number;
}

/** Inner margin, so the ±2 dots and the line width are not cut at the edge of the box. */
export const CURVE_PAD = 14;
/** Half the width of the band drawn for a lone stage (a band needs some width to be seen). */
const LONE_HALF_WIDTH = 10;
/** The curve's strip above the stage headers: its height and the gap to the map, in board units. */
export const CURVE_STRIP_H = 132;
export const CURVE_STRIP_GAP = 12;
/** How far the strip reaches above the map's origin. */
export const CURVE_TOP = CURVE_STRIP_H + CURVE_STRIP_GAP;

/**
 * Where the curve is drawn: a strip right above the stage headers, across the stage columns. Not inside
 * the Emotions lane: there the line would run over the emotion cards and hide their words.
 */
export function curveBox(): CurveBox {
  return { top: -CURVE_TOP, height: CURVE_STRIP_H };
}

/** The map as the camera frames it: the grid plus the curve strip above it. */
export function framedLayout<L extends Pick<BoardLayout, 'width' | 'height'>>(layout: L): L {
  return { ...layout, height: layout.height + CURVE_TOP };
}

/** A camera fitted to `framedLayout`, moved so the frame's top is the strip's top (board y = −CURVE_TOP). */
export function shiftForStrip(cam: Camera): Camera {
  return { ...cam, y: cam.y + CURVE_TOP * cam.zoom };
}

/** +2 at the top of the box, −2 at the bottom. */
export function valenceY(v: number, box: CurveBox): number {
  const clamped = Math.min(VALENCE_MAX, Math.max(VALENCE_MIN, v));
  const inner = Math.max(0, box.height - CURVE_PAD * 2);
  return box.top + CURVE_PAD + ((VALENCE_MAX - clamped) / (VALENCE_MAX - VALENCE_MIN)) * inner;
}

const r = (n: number) => Math.round(n * 10) / 10;

export function curveShape(points: readonly CurvePoint[], columns: BoardLayout['columns'], box: CurveBox): CurveShape {
  const colById = new Map(columns.map((c) => [c.id, c]));
  const placed: PlacedPoint[] = [];
  for (const p of points) {
    const col = colById.get(p.stageId);
    if (!col) continue;
    const has = p.median !== null;
    placed.push({
      stageId: p.stageId,
      x: col.x + col.w / 2,
      y: has ? valenceY(p.median!, box) : null,
      yMin: has && p.min !== null ? valenceY(p.min, box) : null,
      yMax: has && p.max !== null ? valenceY(p.max, box) : null,
      point: p,
    });
  }

  const runs: PlacedPoint[][] = [];
  let run: PlacedPoint[] = [];
  for (const p of placed) {
    if (p.y === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(p);
  }
  if (run.length) runs.push(run);

  const lines = runs.filter((rn) => rn.length > 1).map((rn) => rn.map((p, i) => `${i ? 'L' : 'M'}${r(p.x)} ${r(p.y!)}`).join(' '));
  const bands = runs.map((rn) => {
    const top = rn.length === 1 ? [{ ...rn[0], x: rn[0].x - LONE_HALF_WIDTH }, { ...rn[0], x: rn[0].x + LONE_HALF_WIDTH }] : rn;
    const upper = top.map((p, i) => `${i ? 'L' : 'M'}${r(p.x)} ${r(p.yMax ?? p.y!)}`);
    const lower = [...top].reverse().map((p) => `L${r(p.x)} ${r(p.yMin ?? p.y!)}`);
    return `${upper.join(' ')} ${lower.join(' ')} Z`;
  });
  return { points: placed, lines, bands, zeroY: valenceY(0, box) };
}
