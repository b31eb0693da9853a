import { useEffect, useLayoutEffect, useReducer, useRef, type ReactNode } from 'react';
import { useBoard } from '../store/board-store';
import { useUi } from '../store/ui-store';
import { setInvZoom } from './inv-zoom';
import { detailAt, type Detail } from './level-of-detail';
import { layerTransform } from './pan-zoom-math';

/** Zoom steps closer than this belong to one gesture (wheel notches, a pinch, held keys). */
const GESTURE_MS = 300;

/**
 * The single transformed element: pan and zoom are one CSS transform on this layer, nothing else moves.
 * `levelOfDetail` (the interactive map only, never the projector) draws notes without their words when
 * they are too small to read (level-of-detail.ts): one class on this layer, so crossing the threshold
 * restyles the notes' text blocks once and re-renders nothing.
 */
export function BoardLayer({ children, levelOfDetail = false }: { children: ReactNode; levelOfDetail?: boolean }) {
  const cam = useUi((s) => s.camera);
  const ready = useUi((s) => s.cameraReady);
  const width = useBoard((s) => s.layout.width);
  const height = useBoard((s) => s.layout.height);
  const detail = useRef<Detail>('full');
  const lastZoom = useRef({ zoom: cam.zoom, at: -Infinity });
  // A zoom that changed a moment ago is a gesture going on: hysteresis then (level-of-detail.ts).
  const now = performance.now();
  const gesture = now - lastZoom.current.at < GESTURE_MS;
  if (cam.zoom !== lastZoom.current.zoom) lastZoom.current = { zoom: cam.zoom, at: now };
  // Given the same refs, rendering twice gives the same answer.
  detail.current = levelOfDetail ? detailAt(cam.zoom, detail.current, gesture) : 'full';
  // When the gesture rests, look again without hysteresis: a view ends as a fresh page would draw it.
  const [, rested] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!gesture || !levelOfDetail) return;
    const timer = setTimeout(rested, GESTURE_MS + 50);
    return () => clearTimeout(timer);
  }, [cam.zoom, gesture, levelOfDetail]);
  const layer = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => setInvZoom(layer.current, cam.zoom), [cam.zoom]);
  return (
    <div
      ref={layer}
      className={detail.current === 'far' ? 'board-layer is-far' : 'board-layer'}
      style={{
        width,
        height,
        transform: layerTransform(cam),
        visibility: ready ? 'visible' : 'hidden',
      }}
    >
      {children}
    </div>
  );
}
