import { boardToScreen, type Camera, type Point } from '../../../shared/layout';

/**
 * A board point as a screen transform inside the map, with the board layer's own rounding of the
 * camera (pan-zoom-math.ts layerTransform), so a remote cursor (remote-cursors.tsx, in screen space)
 * sits exactly where the layer draws that point.
 */
export function cursorTransform(p: Point, cam: Camera): string {
  const s = boardToScreen(p, { ...cam, x: Math.round(cam.x), y: Math.round(cam.y) });
  return `translate3d(${s.x.toFixed(1)}px, ${s.y.toFixed(1)}px, 0)`;
}
