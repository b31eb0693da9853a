import { useLayoutEffect, type ReactNode } from 'react';
import { useBoard } from '../store/board-store';
import { useUi } from '../store/ui-store';
import { setInvZoom } from './inv-zoom';
import { layerTransform } from './pan-zoom-math';

/** The single transformed element: pan and zoom are one CSS transform on this layer, nothing else moves. */
export function BoardLayer({ children }: { children: ReactNode }) {
  const cam = useUi((s) => s.camera);
  const ready = useUi((s) => s.cameraReady);
  const width = useBoard((s) => s.layout.width);
  const height = useBoard((s) => s.layout.height);
  useLayoutEffect(() => setInvZoom(cam.zoom), [cam.zoom]);
  return (
    <div
      className="board-layer"
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
