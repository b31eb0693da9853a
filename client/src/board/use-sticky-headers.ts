import { useEffect, type RefObject } from 'react';
import { boardStore } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { stickyOffsets } from './pan-zoom-math';

interface Refs {
  stages: RefObject<HTMLElement | null>;
  lanes: RefObject<HTMLElement | null>;
  corner: RefObject<HTMLElement | null>;
}

/** Below this map width (CSS px) the stuck lane column is a narrow vertical tab (canvas.css). */
export const NARROW_MAP = 600;

/**
 * Sticky stage and lane headers: when the map is panned or zoomed past them they move with the view
 * (inside the scaled layer, in board units) so people always see which stage and lane they look at,
 * and each lane's name moves down its lane to stay at the top of the part in view.
 * Written straight to the three containers' transforms and the lanes' `--lane-shift` on each camera
 * change: no React render, and nothing else restyles, so pan and zoom stay cheap.
 */
export function useStickyHeaders({ stages, lanes, corner }: Refs): void {
  useEffect(() => {
    let last = '';
    const apply = () => {
      const { camera, viewport } = uiStore.getState();
      const layout = boardStore.getState().layout;
      const { dx, dy, lanes: shifts } = stickyOffsets(camera, viewport.w, viewport.h, layout);
      const narrow = viewport.w > 0 && viewport.w < NARROW_MAP;
      const key = `${dx}:${dy}:${narrow}:${shifts.join(',')}`;
      if (key === last) return;
      last = key;
      const set = (el: HTMLElement | null, transform: string, stuck: boolean) => {
        if (!el) return;
        el.style.transform = transform;
        el.classList.toggle('is-stuck', stuck);
      };
      const translate = (x: number, y: number) => (x || y ? `translate(${x}px, ${y}px)` : '');
      set(stages.current, translate(0, dy), dy > 0);
      // Always a 3D transform, even at rest: it keeps the lane column its own layer, rastered at the
      // map's zoom (canvas.css says why not `will-change`).
      set(lanes.current, `translate3d(${dx}px, 0, 0)`, dx > 0);
      set(corner.current, translate(dx, dy), dx > 0 || dy > 0);
      lanes.current?.classList.toggle('is-narrow', narrow);
      const headers = lanes.current?.children ?? [];
      for (let j = 0; j < headers.length; j++) {
        const el = headers[j] as HTMLElement;
        const shift = `${shifts[j] ?? 0}px`;
        if (el.style.getPropertyValue('--lane-shift') !== shift) el.style.setProperty('--lane-shift', shift);
      }
    };
    apply();
    const unsubs = [
      uiStore.subscribe((s, p) => (s.camera !== p.camera || s.viewport !== p.viewport) && apply()),
      boardStore.subscribe((s, p) => s.layout !== p.layout && apply()),
    ];
    return () => unsubs.forEach((u) => u());
  }, [stages, lanes, corner]);
}
