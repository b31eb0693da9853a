import { GEOMETRY, type BoardLayout, type Camera, type Rect } from '../../../shared/layout';
import { CURVE_TOP } from '../journey/curve-geometry';

/**
 * The projector's own camera (pure, tested without a browser). The projector is not a copy of the
 * facilitator's window: it frames what the room should look at on its own screen. By default the
 * whole journey with the emotion curve; a spotlit stage, a card the facilitator selected, or a summoned
 * view, zoomed so card text is readable from the back of the room.
 */
export type ProjectorFocus =
  | { kind: 'journey' }
  | { kind: 'stage'; id: string }
  | { kind: 'card'; id: string }
  | { kind: 'view'; rect: Rect };

/** The part of the projector's map area the camera frames: its size and the room its ribbons take. */
export interface ProjectorArea {
  w: number;
  h: number;
  /** Width of the lane names' ribbon on the left and height of the stage names' ribbon on top. */
  left: number;
  top: number;
  /** The stage names' font size (CSS px). */
  stageFont: number;
}

/** Card text of this rendered size (CSS px) at least, when the projector zooms in on something. */
export const READABLE_TEXT_PX = 20;
const MARGIN = 12;
const MAX_ZOOM = 3;

type Layout = Pick<BoardLayout, 'columns' | 'rows' | 'cards' | 'width' | 'height' | 'headerH'>;

/** The zoom at which text of `fontPx` board units renders at READABLE_TEXT_PX (with a little to spare). */
export function readableZoom(fontPx: number): number {
  return (READABLE_TEXT_PX / fontPx) * 1.04;
}

/**
 * What the projector shows, from the facilitator's state. A selected card wins over the spotlight
 * when it is the newer of the two (`latest`); a summon shows until the next spotlight or selection.
 */
export function chooseFocus(
  s: { spotlight: string | null; selected: string | null; summon: Rect | null; latest: 'spotlight' | 'selected' | 'summon' | null },
  layout: Layout,
): ProjectorFocus {
  const stage = s.spotlight && layout.columns.some((c) => c.id === s.spotlight) ? s.spotlight : null;
  const card = s.selected && layout.cards.has(s.selected) ? s.selected : null;
  if (s.latest === 'summon' && s.summon) return { kind: 'view', rect: s.summon };
  if (card && (s.latest === 'selected' || !stage)) return { kind: 'card', id: card };
  if (stage) return { kind: 'stage', id: stage };
  return { kind: 'journey' };
}

/** The grid and the curve above it, without the lane titles' column (the ribbon shows them). */
function journeyRect(layout: Layout): Rect {
  const x = GEOMETRY.laneHeaderW;
  return { x, y: -CURVE_TOP, w: Math.max(1, layout.width - x), h: layout.height + CURVE_TOP };
}

/** A camera showing `rect` inside the area at `zoom`, centred across, from its top down. */
function place(rect: Rect, zoom: number, a: ProjectorArea, centreY: boolean): Camera {
  const roomW = a.w - a.left;
  const roomH = a.h - a.top;
  const x = a.left + (roomW - rect.w * zoom) / 2 - rect.x * zoom;
  const y = centreY && rect.h * zoom <= roomH - MARGIN * 2 ? a.top + (roomH - rect.h * zoom) / 2 - rect.y * zoom : a.top + MARGIN - rect.y * zoom;
  return { zoom, x, y };
}

function fitZoom(rect: Rect, a: ProjectorArea): number {
  return Math.min((a.w - a.left - MARGIN * 2) / rect.w, (a.h - a.top - MARGIN * 2) / rect.h);
}

export function projectorCamera(focus: ProjectorFocus, layout: Layout, area: ProjectorArea, readable: number): Camera {
  const clamp = (z: number) => Math.max(0.05, Math.min(MAX_ZOOM, z));
  if (focus.kind === 'stage') {
    const col = layout.columns.find((c) => c.id === focus.id);
    if (col) {
      // The stage's column under its heading, as large as fits, and never smaller than readable: a
      // stage taller than the screen shows from its first lane down.
      const rect = { x: col.x, y: layout.headerH, w: col.w, h: Math.max(1, layout.height - layout.headerH) };
      return place(rect, clamp(Math.max(readable, fitZoom(rect, area))), area, true);
    }
  }
  if (focus.kind === 'card') {
    const card = layout.cards.get(focus.id);
    if (card) {
      // The card, centred, readable; roomier when its cell fits the screen at that size.
      const zoom = clamp(Math.max(readable, Math.min(fitZoom(card, area) * 0.6, readable * 1.5)));
      const cx = card.x + card.w / 2;
      const cy = card.y + card.h / 2;
      return { zoom, x: area.left + (area.w - area.left) / 2 - cx * zoom, y: area.top + (area.h - area.top) / 2 - cy * zoom };
    }
  }
  if (focus.kind === 'view') {
    return place(focus.rect, clamp(fitZoom(focus.rect, area)), area, true);
  }
  const rect = journeyRect(layout);
  return place(rect, clamp(fitZoom(rect, area)), area, false);
}
