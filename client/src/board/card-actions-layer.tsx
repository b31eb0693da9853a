import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CardVoteControls, useCanVoteOn } from '../facilitation/vote-controls';
import { useBoard, useCard } from '../store/board-store';
import { useCanChangeCard } from '../store/session-store';
import { uiStore, useUi } from '../store/ui-store';
import { placeActions } from './actions-placement';
import { CardSwatches, CardToolbar } from './card-toolbar';
import { cardElement } from './focus';
import { onViewGesture } from './view-gestures';
import './card-actions.css';

const TABBABLE = 'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * The selected note's action bar (its toolbar, and − dots + during a vote), drawn in screen space over
 * the map: placed from the note's rectangle on screen, above it or below it, never over its words and
 * never scaled with the map, so every button stays 44 px at any zoom. It closes when the person pans,
 * pinches or wheels the map (the selection is dropped), as a toolbar left behind would float over
 * other notes. For keyboard users it follows the note in the Tab order.
 */
export function CardActionsLayer() {
  const id = useUi((s) => s.selectedId);
  const editing = useUi((s) => s.editingId !== null);
  const dragging = useUi((s) => s.draggingId !== null);

  useEffect(
    () =>
      onViewGesture(() => {
        const ui = uiStore.getState();
        if (ui.selectedId && !ui.editingId) uiStore.setState({ selectedId: null });
      }),
    [],
  );

  if (!id || editing || dragging) return null;
  return <CardActions key={id} id={id} />;
}

function CardActions({ id }: { id: string }) {
  const { t } = useTranslation();
  const card = useCard(id);
  const canChange = useCanChangeCard(card?.ownerId);
  const canVote = useCanVoteOn(id);
  const [colors, setColors] = useState(false);
  const bar = useRef<HTMLDivElement>(null);
  // What moves the note on screen: the camera, the layout, the note's text, the viewport.
  const camera = useUi((s) => s.camera);
  const viewport = useUi((s) => s.viewport);
  const rect = useBoard((s) => s.layout.cards.get(id));
  const show = !!card && (canChange || canVote);

  // Placed from the note as drawn (measured, so a note that grows when selected counts), before paint.
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const place = () => placeBar(el, id);
    place();
    // Its own size changes too: the swatches open, the dot count grows a digit.
    const ro = new ResizeObserver(place);
    ro.observe(el);
    return () => ro.disconnect();
  }, [id, show, camera, viewport, rect, card, colors]);

  // Tab from the note goes into its bar, Shift+Tab from the bar's first button back to the note, and
  // Tab from its last button on to what follows the note: the bar reads as part of the note.
  useEffect(() => {
    if (!show) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      const el = bar.current;
      const note = cardElement(id);
      if (!el || !note) return;
      const inBar = [...el.querySelectorAll<HTMLElement>(TABBABLE)];
      const active = document.activeElement;
      if (!e.shiftKey && active === note && inBar.length) {
        e.preventDefault();
        inBar[0].focus();
      } else if (e.shiftKey && active === inBar[0]) {
        e.preventDefault();
        note.focus({ preventScroll: true });
      } else if (!e.shiftKey && active === inBar.at(-1)) {
        const layer = note.closest('.board-layer');
        const order = layer ? [...layer.querySelectorAll<HTMLElement>(TABBABLE)] : [];
        const next = order[order.indexOf(note) + 1];
        if (next) {
          e.preventDefault();
          next.focus({ preventScroll: true });
        }
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [id, show]);

  if (!show) return null;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    // Back to the note, still selected; a second Escape there clears the selection.
    e.stopPropagation();
    setColors(false);
    cardElement(id)?.focus({ preventScroll: true });
  };
  return (
    <div ref={bar} className="card-actions" role="group" aria-label={t('card.actions')} data-no-pan onKeyDown={onKeyDown}>
      {colors && canChange && <CardSwatches id={id} />}
      <div className="card-actions-row">
        {canChange && <CardToolbar id={id} colors={colors} onColors={setColors} />}
        {canChange && canVote && <span className="card-actions-divider" aria-hidden />}
        {canVote && <CardVoteControls id={id} />}
      </div>
    </div>
  );
}

function placeBar(el: HTMLElement, id: string): void {
  const canvas = el.parentElement;
  if (!canvas) return;
  const v = canvas.getBoundingClientRect();
  const c = cardElement(id)?.getBoundingClientRect();
  const size = { w: el.offsetWidth, h: el.offsetHeight };
  const place = c ? placeActions({ x: c.left - v.left, y: c.top - v.top, w: c.width, h: c.height }, size, { w: canvas.clientWidth, h: canvas.clientHeight }) : null;
  el.style.visibility = place ? 'visible' : 'hidden';
  if (!place) return;
  el.style.left = `${place.x}px`;
  el.style.top = `${place.y}px`;
  el.dataset.side = place.side;
}
