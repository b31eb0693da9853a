import { useEffect, type RefObject } from 'react';
import { boardStore } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { stickyOffsets } from './pan-zoom-math';

interface Refs {
  stages: RefObject<HTMLElement | null>;
  lanes: RefObject<HTMLElement | null>;
  corner: RefObject<HTMLElement | null>;
}

/**
 * Sticky stage and lane headers: when the map is panned or zoomed past them they move with the view
 * (inside the scaled layer, in board units) so people always see which stage and lane they look at.
 * Written straight to the three containers' transforms on each camera change: no React render, and
 * nothing else restyles, so pan and zoom stay cheap.
 */
export function useStickyHeaders({ stages, lanes, corner }: Refs): void {
  useEffect(() => {
    let last = '';
    const apply = () => {
      const { camera, viewport } = uiStore.getState();
      const { dx, dy } = stickyOffsets(camera, viewport.w, viewport.h, boardStore.getState().layout);
      const key = `${dx}:${dy}`;
      if (key === last) return;
      last = key;
      const set = (el: HTMLElement | null, x: number, y: number, stuck: boolean) => {
        if (!el) return;
        el.style.transform = x || y ? `translate(${x}px, ${y}px)` : '';
        el.classList.toggle('is-stuck', stuck);
      };
      set(stages.current, 0, dy, dy > 0);
      set(lanes.current, dx, 0, dx > 0);
      set(corner.current, dx, dy, dx > 0 || dy > 0);
    };
    apply();
    const unsubs = [
      uiStore.subscribe((s, p) => (s.camera !== p.camera || s.viewport !== p.viewport) && apply()),
      boardStore.subscribe((s, p) => s.layout !== p.layout && apply()),
    ];
    return () => unsubs.forEach((u) => u());
  }, [stages, lanes, corner]);
}
