import type { Camera, Rect } from '../../../shared/layout';

/** Camera arithmetic for following someone's view. Pure, tested without a browser. */

export const FOLLOW_MIN_ZOOM = 0.1;
export const FOLLOW_MAX_ZOOM = 4;

/** The board rectangle a camera shows in a viewport of w × h screen pixels. */
export function visibleRect(cam: Camera, w: number, h: number): Rect {
  return { x: -cam.x / cam.zoom, y: -cam.y / cam.zoom, w: w / cam.zoom, h: h / cam.zoom };
}

/**
 * The camera that shows all of `rect`, centred, in a viewport of w × h: a screen of another shape
 * shows a little more on two sides rather than cutting anything the other person sees.
 */
export function cameraForRect(rect: Rect, w: number, h: number): Camera {
  const zoom = Math.max(FOLLOW_MIN_ZOOM, Math.min(FOLLOW_MAX_ZOOM, Math.min(w / rect.w, h / rect.h)));
  return { zoom, x: w / 2 - (rect.x + rect.w / 2) * zoom, y: h / 2 - (rect.y + rect.h / 2) * zoom };
}

/**
 * The part of someone's view that shows the board (plus a margin). A facilitator with a tall, narrow
 * window, or a phone, sees mostly empty canvas around the map: a projector that framed all of that
 * would show the map tiny. Falls back to the whole view when it shows nothing of the board.
 */
export function clipToBoard(view: Rect, board: Rect, margin = 24): Rect {
  const x = Math.max(view.x, board.x - margin);
  const y = Math.max(view.y, board.y - margin);
  const right = Math.min(view.x + view.w, board.x + board.w + margin);
  const bottom = Math.min(view.y + view.h, board.y + board.h + margin);
  return right - x > 1 && bottom - y > 1 ? { x, y, w: right - x, h: bottom - y } : view;
}

/** A rectangle rounded to whole board units (presence does not need sub-pixel precision). */
export function roundRect(r: Rect): Rect {
  return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.w), h: Math.round(r.h) };
}

/** Whether a summon is new enough to act on: a person who opens the board later is not pulled to an old one. */
export const SUMMON_FRESH_MS = 60_000;
export function isFreshSummon(at: number, serverNow: number): boolean {
  return serverNow - at < SUMMON_FRESH_MS && at - serverNow < SUMMON_FRESH_MS;
}
