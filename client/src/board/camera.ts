import type { BoardLayout, Camera, Rect } from '../../../shared/layout';
import { fitCamera } from '../../../shared/layout';
import { boardStore } from '../store/board-store';
import { canChangeSkeleton, sessionStore } from '../store/session-store';
import { ADD_LANE_ROOM, ADD_STAGE_ROOM } from './add-axis-room';
import { framedLayout, shiftForStrip } from '../journey/curve-geometry';
import { uiStore } from '../store/ui-store';
import { stopFollowing } from '../facilitation/follow';
import { facilitationStore } from '../facilitation/facilitation-store';
import { resultsRoom } from '../facilitation/results-room';
import { clampZoom, emptyMapCamera, initialCamera, MAX_ZOOM, MIN_ZOOM, revealCamera, WIDE_SCREEN, zoomAround, ZOOM_STEP } from './pan-zoom-math';

/** Camera actions shared by the zoom buttons, shortcuts, wheel and focus handling (local UI state only). */

/** This person moves their own view: that ends following someone else's (facilitation/follow.ts). */
export function setCamera(cam: Camera, fitted = false): void {
  stopFollowing();
  const prev = uiStore.getState().camera;
  const next = { ...cam, zoom: clampZoom(cam.zoom) };
  if (prev.x !== next.x || prev.y !== next.y || prev.zoom !== next.zoom) uiStore.setState({ camera: next, fitted });
  else if (uiStore.getState().fitted !== fitted) uiStore.setState({ fitted });
}

function viewCenter() {
  const { w, h } = uiStore.getState().viewport;
  return { x: w / 2, y: h / 2 };
}

export function zoomBy(factor: number, around = viewCenter()): void {
  setCamera(zoomAround(uiStore.getState().camera, around, factor));
}
export const zoomIn = () => zoomBy(ZOOM_STEP);
export const zoomOut = () => zoomBy(1 / ZOOM_STEP);
export function resetZoom(): void {
  const cam = uiStore.getState().camera;
  zoomBy(1 / cam.zoom);
}

/**
 * What the camera frames: the map, the emotion curve above it and, for whoever may add stages and lanes,
 * the "Add stage" and "Add lane" buttons right of and under it (add-axis-buttons.tsx): they are part of
 * the map a facilitator works with, and a fitted view used to cut "Add stage" at the screen's edge.
 */
function frame(layout: BoardLayout): BoardLayout {
  const framed = framedLayout(layout);
  if (!canChangeSkeleton(sessionStore.getState())) return framed;
  return { ...framed, width: framed.width + ADD_STAGE_ROOM, height: framed.height + ADD_LANE_ROOM };
}

/**
 * "Fit the journey": the whole map and the emotion curve above it, as large as the map's own room
 * allows in width and height. That room is the viewport beside the open panels (deck, facilitation),
 * so it is measured, not the window; while the camera stays fitted, opening or closing a panel fits again.
 */
export function fitJourney(): void {
  const { w, h } = uiStore.getState().viewport;
  if (!w || !h) return;
  setCamera(shiftForStrip(fitCamera(frame(boardStore.getState().layout), w - resultsRoomNow(w), h, 24, MIN_ZOOM, MAX_ZOOM)), true);
}

/** Room the revealed vote results take on the right of the map (facilitation/results-room.ts). */
const resultsRoomNow = (w: number) => resultsRoom(w, !!facilitationStore.getState().vote?.revealed);

/**
 * The first view of the board, once its size and content are known. A map without notes opens at a
 * readable zoom (emptyMapCamera); "Fit" still shows all of it.
 */
export function ensureInitialCamera(): void {
  const ui = uiStore.getState();
  const layout = boardStore.getState().layout;
  if (ui.cameraReady || !ui.viewport.w || !layout.columns.length) return;
  const screenW = typeof window === 'undefined' ? ui.viewport.w : window.innerWidth;
  const framed = frame(layout);
  const first = initialCamera(framed, ui.viewport.w - resultsRoomNow(ui.viewport.w), ui.viewport.h, screenW);
  const cam = layout.cards.size ? first : emptyMapCamera(first, framed, ui.viewport.h);
  uiStore.setState({ camera: shiftForStrip(cam), cameraReady: true, fitted: screenW >= WIDE_SCREEN && cam === first });
}

/** The map's room changed (a panel opened, the window was resized): a fitted view fits again. */
export function onViewportResized(): void {
  const ui = uiStore.getState();
  if (ui.cameraReady && ui.fitted && facilitationStore.getState().following === null) fitJourney();
}

export function panBy(dx: number, dy: number): void {
  const cam = uiStore.getState().camera;
  setCamera({ ...cam, x: cam.x + dx, y: cam.y + dy });
}

/** Brings a board rectangle into view (keyboard focus, a new note). */
export function reveal(rect: Rect): void {
  const { camera, viewport } = uiStore.getState();
  if (!viewport.w) return;
  setCamera(revealCamera(camera, rect, viewport.w, viewport.h));
}

/**
 * Zooms to a readable size around a rectangle, for typing into a tiny note on a far zoomed-out map.
 * Above `minZoom` (a laptop showing the whole journey) it only pans: a jump there would disorient.
 */
export function makeReadable(rect: Rect, minZoom = 0.4, target = 0.9): void {
  const { camera, viewport } = uiStore.getState();
  if (camera.zoom >= minZoom || !viewport.w) return reveal(rect);
  const zoom = Math.min(target, viewport.w / (rect.w * 1.6));
  const center = { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
  setCamera({ zoom, x: viewport.w / 2 - center.x * zoom, y: viewport.h / 2 - center.y * zoom });
}
