import { useEffect, useRef } from 'react';
import { DndContext } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { fitCamera } from '../../../shared/layout';
import { BoardLayer } from '../board/board-layer';
import { CardsLayer } from '../board/cards-layer';
import { GridLayer } from '../board/grid-layer';
import { MAX_ZOOM, MIN_ZOOM } from '../board/pan-zoom-math';
import { FacilitationLayers } from '../facilitation/board-overlays';
import { facilitationStore } from '../facilitation/facilitation-store';
import { facilitatorToFollow } from '../facilitation/follow-math';
import { showRect } from '../facilitation/follow';
import { EmotionCurve } from '../journey/emotion-curve';
import { framedLayout, shiftForStrip } from '../journey/curve-geometry';
import { boardStore } from '../store/board-store';
import { presenceStore } from '../store/presence-store';
import { uiStore } from '../store/ui-store';
import { RemoteCursors } from '../board/remote-cursors';
import '../board/canvas.css';
import '../board/card.css';

/**
 * The map on the projector: nobody touches it. While a facilitator is online it shows what they see
 * (start-facilitation.ts follows their view); otherwise the spotlighted stage, or the whole journey.
 * No pan or zoom handlers, no drag sensors, no cursors but the facilitator's.
 */
export function ProjectorMap() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const frame = () => {
      const { peers, viewports } = presenceStore.getState();
      if (facilitatorToFollow(peers, viewports) !== null) return; // following the facilitator
      const { w, h } = uiStore.getState().viewport;
      const layout = boardStore.getState().layout;
      if (!w || !h || !layout.columns.length) return;
      const spot = layout.columns.find((c) => c.id === facilitationStore.getState().spotlight);
      if (spot) return showRect({ x: spot.x - 24, y: 0, w: spot.w + 48, h: layout.height });
      uiStore.setState({ camera: shiftForStrip(fitCamera(framedLayout(layout), w, h, 24, MIN_ZOOM, MAX_ZOOM)), cameraReady: true });
    };
    const measure = () => {
      uiStore.setState({ viewport: { w: el.clientWidth, h: el.clientHeight } });
      frame();
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    const unsubs = [
      boardStore.subscribe((s, p) => s.layout !== p.layout && frame()),
      presenceStore.subscribe((s, p) => (s.peers !== p.peers || s.viewports !== p.viewports) && frame()),
      facilitationStore.subscribe((s, p) => s.spotlight !== p.spotlight && frame()),
    ];
    return () => {
      ro.disconnect();
      for (const u of unsubs) u();
    };
  }, []);

  return (
    <DndContext sensors={[]}>
      <div ref={ref} className="canvas projector-canvas" role="region" aria-label={t('board.mapLabel')}>
        <BoardLayer>
          <GridLayer />
          <CardsLayer />
          <EmotionCurve />
          <FacilitationLayers />
          <RemoteCursors onlyRole="facilitator" />
        </BoardLayer>
      </div>
    </DndContext>
  );
}
