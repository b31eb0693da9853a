import type { Rect } from '../../../shared/layout';
import { CURVE_TOP } from '../journey/curve-geometry';
import { boardStore } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { cameraForRect, clipToBoard } from './follow-math';
import { facilitationStore } from './facilitation-store';

/**
 * Following someone's view, and jumping to a summoned one. The camera is set here directly, not through
 * board/camera.ts `setCamera`: that one is for this person's own panning and zooming, which ends following.
 */
export function followPerson(clientId: number): void {
  facilitationStore.setState({ following: clientId });
}

export function stopFollowing(): void {
  if (facilitationStore.getState().following !== null) facilitationStore.setState({ following: null });
}

/** Shows the map inside a board rectangle (someone's view), whole and centred, on this screen. */
export function showRect(rect: Rect): void {
  const { viewport, camera } = uiStore.getState();
  if (!viewport.w || !viewport.h) return;
  const { width, height } = boardStore.getState().layout;
  // The map with the emotion curve's strip above it (journey/curve-geometry.ts).
  const board = { x: 0, y: -CURVE_TOP, w: width, h: height + CURVE_TOP };
  const next = cameraForRect(width ? clipToBoard(rect, board) : rect, viewport.w, viewport.h);
  if (next.x === camera.x && next.y === camera.y && next.zoom === camera.zoom) return;
  uiStore.setState({ camera: next, cameraReady: true });
}

/** Summons this browser made itself: the facilitator who brings everyone does not jump to their own view. */
export const issuedSummons = new Set<number>();
