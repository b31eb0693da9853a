import { memo, useLayoutEffect, useRef } from 'react';
import type { Role } from '../../../shared/protocol';
import type { Point } from '../../../shared/layout';
import { presenceStore, usePresence } from '../store/presence-store';
import { uiStore } from '../store/ui-store';
import { cursorTransform } from './cursor-transform';

/**
 * Other people's pointers, drawn in screen space over the map and under its controls, not inside the
 * scaled board layer: each cursor is its own small compositor layer, so a pan or zoom step, or a new
 * position, is one transform per cursor, with no restyle or repaint of the map and no counter-scaling.
 * React renders only who is there (names, colours); `useCursorPlacement` writes where they point.
 *
 * Positions arrive at most 20 times a second (sync/presence.ts) and are shown as they come, without a
 * glide: a CSS transition (what we had), a Web Animation per update or a glide drawn each frame each
 * cost the main thread more than all the rest of the cursors' work with 20 people (measured in
 * docs/architecture.md, "Map rendering"). `onlyRole` limits them to one role (the projector shows only
 * the facilitator's).
 */
export const RemoteCursors = memo(function RemoteCursors({ onlyRole }: { onlyRole?: Role }) {
  const peers = usePresence((s) => s.peers);
  const layer = useRef<HTMLDivElement>(null);
  const place = useCursorPlacement(layer);
  // New people, or someone's name or colour changed: place their elements before the browser paints.
  useLayoutEffect(place);
  return (
    <div ref={layer} className="cursors-layer" aria-hidden>
      {peers
        .filter((p) => !onlyRole || p.role === onlyRole)
        .map((p) => (
          <div key={p.clientId} className="remote-cursor" data-client-id={p.clientId} hidden>
            <svg width="18" height="22" viewBox="0 0 18 22">
              <path d="M1 1l15 10.5-6.6 1.2L13 20l-3 1.4-3.6-7.3L1 18.5z" fill={p.color} stroke="#fff" strokeWidth="1.5" strokeLinejoin="round" />
            </svg>
            <span className="remote-cursor-name" style={{ background: p.color }}>
              {p.name}
            </span>
          </div>
        ))}
    </div>
  );
});

/**
 * Places the layer's cursors from the presence store and the camera, on each new position and each
 * camera change (in the same frame as the map under them); returns "place everyone" for React.
 */
function useCursorPlacement(layer: React.RefObject<HTMLDivElement | null>): () => void {
  const placeAll = useRef<() => void>(() => undefined);
  // A layout effect, declared before the caller's: the first placement already has the subscriptions.
  useLayoutEffect(() => {
    let nodes = new Map<number, HTMLElement>();
    const drawn = new WeakMap<HTMLElement, string>();

    const place = (only?: (id: number) => boolean) => {
      const { cursors } = presenceStore.getState();
      const { camera, cameraReady } = uiStore.getState();
      for (const [id, node] of nodes) {
        if (only && !only(id)) continue;
        const p: Point | undefined = cursors[id];
        const show = !!p && cameraReady;
        if (node.hidden === show) node.hidden = !show;
        if (!show) continue;
        const transform = cursorTransform(p, camera);
        if (drawn.get(node) === transform) continue;
        drawn.set(node, transform);
        node.style.transform = transform;
      }
    };
    placeAll.current = () => {
      nodes = new Map([...(layer.current?.children ?? [])].map((el) => [Number((el as HTMLElement).dataset.clientId), el as HTMLElement]));
      place();
    };
    placeAll.current();
    const unsubs = [
      // Only the cursors that moved: the others keep their layer untouched.
      presenceStore.subscribe((s, p) => s.cursors !== p.cursors && place((id) => s.cursors[id] !== p.cursors[id])),
      uiStore.subscribe((s, p) => (s.camera !== p.camera || s.cameraReady !== p.cameraReady) && place()),
    ];
    return () => {
      unsubs.forEach((u) => u());
      placeAll.current = () => undefined;
    };
  }, [layer]);
  return () => placeAll.current();
}
