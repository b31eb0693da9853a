import type { Camera, Point } from '../../../shared/layout';

/**
 * A board point as a screen transform inside the map, with the board layer's own rounding of the
 * camera (pan-zoom-math.ts layerTransform), so a remote cursor (remote-cursors.tsx, in screen space)
 * sits exactly where the layer draws that point.
 */
export function cursorTransform(p: Point, cam: Camera): string {
  const x = Math.round(cam.x) + p.x * cam.zoom;
  const y = Math.round(cam.y) + p.y * cam.zoom;
  return `translate3d(${x.toFixed(1)}px, ${y.toFixed(1)}px, 0)`;
}
