import { useEffect, useRef, useState } from 'react';
import { DndContext } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { Rect } from '../../../shared/layout';
import { BoardLayer } from '../board/board-layer';
import { CardsLayer } from '../board/cards-layer';
import { GridLayer } from '../board/grid-layer';
import { FacilitationLayers } from '../facilitation/board-overlays';
import { facilitationStore, useFacilitation } from '../facilitation/facilitation-store';
import { isFreshSummon } from '../facilitation/follow-math';
import { TimerDisplay } from '../facilitation/timer-display';
import { serverNow } from '../facilitation/server-clock';
import { EmotionCurve } from '../journey/emotion-curve';
import { PersonaLayer } from '../personas/persona-layer';
import { boardStore } from '../store/board-store';
import { presenceStore, type PresenceState } from '../store/presence-store';
import { uiStore } from '../store/ui-store';
import { RemoteCursors } from '../board/remote-cursors';
import { resultsRoom } from '../facilitation/results-room';
import { chooseFocus, projectorCamera, readableZoom, type ProjectorArea } from './projector-focus';
import { ProjectorCurveLabels } from './projector-curve-labels';
import { ProjectorRibbons } from './projector-ribbons';
import '../board/canvas.css';
import '../board/card.css';

/** Card text size on the map, in board units (read from the page, in case the card style changes). */
function cardFontPx(el: HTMLElement): number {
  const text = el.querySelector('.card-text');
  const px = text ? parseFloat(getComputedStyle(text).fontSize) : NaN;
  return px > 0 ? px : 14;
}

/**
 * Under this zoom the persona tabs on the notes (11 px in board units) would render under 12 px, and so
 * would the revealed dots' totals (13 px, kept to their note's top band): both hide (projector.css data-far).
 */
const FAR_ZOOM = 12 / 11;

/** The ribbons' room for a map area of w × h: sizes in step with projector.css. */
export function ribbonArea(w: number, h: number): ProjectorArea {
  const stageFont = Math.round(Math.max(24, Math.min(44, w * 0.019)));
  return { w, h, left: Math.round(Math.max(140, Math.min(280, w * 0.115))), top: Math.round(stageFont * 1.2 * 2 + 12), stageFont };
}

/** The card a facilitator has selected, if any (the first facilitator by name who has one). */
function facilitatorSelection(s: PresenceState): string | null {
  for (const p of s.peers) if (p.role === 'facilitator' && s.selections[p.clientId]) return s.selections[p.clientId];
  return null;
}

/**
 * The map on the projector: nobody touches it, and it has its own camera fitted to its own screen
 * (projector-focus.ts): the whole journey by default; the spotlit stage (keys 1–6, or stepping through
 * the stages), the card a facilitator selects, or a summoned view, whichever came last, readable from
 * the back of the room. No pan or zoom handlers, no drag sensors, no cursors but the facilitator's.
 */
export function ProjectorMap() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [area, setArea] = useState<ProjectorArea>({ w: 0, h: 0, left: 0, top: 0, stageFont: 22 });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let latest: 'spotlight' | 'selected' | 'summon' | null = null;
    let summon: Rect | null = null;
    let lastSummonAt = facilitationStore.getState().summon?.at ?? 0;
    let selected = facilitatorSelection(presenceStore.getState());

    const frame = () => {
      const { w, h } = uiStore.getState().viewport;
      const layout = boardStore.getState().layout;
      if (!w || !h || !layout.columns.length) return;
      const focus = chooseFocus({ spotlight: facilitationStore.getState().spotlight, selected, summon, latest }, layout);
      // Revealed vote results sit on the right, over the map: frame what the room looks at beside them.
      const room = resultsRoom(w, !!facilitationStore.getState().vote?.revealed, true);
      const camera = projectorCamera(focus, layout, { ...ribbonArea(w, h), w: w - room }, readableZoom(cardFontPx(el)));
      uiStore.setState({ camera, cameraReady: true });
      // Far out, what would draw under 12 px and is only a detail steps aside (projector.css).
      el.toggleAttribute('data-far', camera.zoom < FAR_ZOOM);
    };
    const measure = () => {
      const w = el.clientWidth;
      const h = el.clientHeight;
      uiStore.setState({ viewport: { w, h } });
      setArea(ribbonArea(w, h));
      frame();
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    const unsubs = [
      boardStore.subscribe((s, p) => s.layout !== p.layout && frame()),
      presenceStore.subscribe((s) => {
        const next = facilitatorSelection(s);
        if (next === selected) return;
        selected = next;
        latest = 'selected';
        frame();
      }),
      facilitationStore.subscribe((s, p) => {
        if (s.spotlight !== p.spotlight) {
          latest = 'spotlight';
          frame();
        } else if (!!s.vote?.revealed !== !!p.vote?.revealed) frame();
        const call = s.summon;
        if (call && call.at !== lastSummonAt) {
          lastSummonAt = call.at;
          if (!isFreshSummon(call.at, serverNow())) return;
          summon = { x: call.x, y: call.y, w: call.w, h: call.h };
          latest = 'summon';
          frame();
        }
      }),
    ];
    return () => {
      ro.disconnect();
      for (const u of unsubs) u();
    };
  }, []);

  // The stage names and the curve's words stay clear of the revealed results, as the camera does.
  const revealed = useFacilitation((s) => !!s.vote?.revealed);
  const beside = { ...area, w: area.w - resultsRoom(area.w, revealed, true) };

  return (
    <DndContext sensors={[]}>
      <div ref={ref} className="canvas projector-canvas" role="region" aria-label={t('board.mapLabel')}>
        <BoardLayer>
          <GridLayer />
          <CardsLayer />
          <EmotionCurve />
          <FacilitationLayers />
          <PersonaLayer />
        </BoardLayer>
        <ProjectorCurveLabels area={beside} />
        <RemoteCursors onlyRole="facilitator" />
        <ProjectorRibbons area={beside} corner={<TimerDisplay className="projector-timer" />} />
      </div>
    </DndContext>
  );
}
