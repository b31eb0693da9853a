import { useMemo, useRef, type RefObject } from 'react';
import type { Announcements, DragEndEvent, DragMoveEvent, DragStartEvent, KeyboardCoordinateGetter } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { boardToScreen, dropTarget, screenToBoard, type CellRef, type Point } from '../../../shared/layout';
import { placeCard, publishDrag } from '../sync/actions';
import { boardStore } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { isSamePlace, stepCell, type Direction } from './drag-math';
import { cellName } from './cell-name';

/**
 * Drag and drop of notes, following the pattern that avoids dnd-kit's bugs inside scaled parents:
 * the droppable is the unscaled viewport, the overlay is scaled by the zoom, and the drop is decided
 * from the pointer converted to board coordinates and the layout data, never from DOM targets.
 * The document is written once, on drop; live positions go out as presence.
 */

interface DragRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

function toLocal(el: HTMLElement | null, p: Point): Point {
  const r = el?.getBoundingClientRect() ?? { left: 0, top: 0 };
  return { x: p.x - r.left, y: p.y - r.top };
}

/** The pointer (or, for the keyboard, the note's centre) in client coordinates at this moment of the drag. */
function clientPoint(e: DragMoveEvent | DragEndEvent): Point {
  const a = e.activatorEvent as Partial<PointerEvent & TouchEvent> | null;
  let start: Point | null = null;
  if (a && typeof a.clientX === 'number' && typeof a.clientY === 'number') start = { x: a.clientX, y: a.clientY };
  else if (a?.touches?.[0]) start = { x: a.touches[0].clientX, y: a.touches[0].clientY };
  if (!start) {
    const r = e.active.rect.current.initial;
    start = r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: 0, y: 0 };
  }
  return { x: start.x + e.delta.x, y: start.y + e.delta.y };
}

export function useCardDrag(viewport: RefObject<HTMLElement | null>) {
  const { t } = useTranslation();
  const lastCell = useRef<string>('');
  const droppedIn = useRef<string>('');

  return useMemo(() => {
    const boardPoint = (client: Point) => screenToBoard(toLocal(viewport.current, client), uiStore.getState().camera);
    const targetOf = (e: DragMoveEvent | DragEndEvent) => dropTarget(boardStore.getState().layout, boardPoint(clientPoint(e)), String(e.active.id));
    const sameCell = (a: CellRef | null, b: CellRef | null) => a?.stage === b?.stage && a?.lane === b?.lane;

    // Where the keyboard last put the note: dnd-kit's `currentCoordinates` lag one render behind, so
    // two quick arrow presses would otherwise both start from the same cell.
    let keyboardAt: Point | null = null;

    const end = () => {
      keyboardAt = null;
      uiStore.setState({ draggingId: null, dropCell: null });
      publishDrag(null);
    };

    const onDragStart = (e: DragStartEvent) => {
      lastCell.current = '';
      keyboardAt = null;
      uiStore.setState({ draggingId: String(e.active.id), selectedId: String(e.active.id), editingId: null });
    };

    const onDragMove = (e: DragMoveEvent) => {
      const id = String(e.active.id);
      const rect = e.active.rect.current.translated;
      if (rect) publishDrag({ cardId: id, at: boardPoint({ x: rect.left, y: rect.top }) });
      const target = targetOf(e);
      const cell = target && { stage: target.stage, lane: target.lane };
      if (!sameCell(cell, uiStore.getState().dropCell)) uiStore.setState({ dropCell: cell });
    };

    const onDragEnd = (e: DragEndEvent) => {
      const id = String(e.active.id);
      const target = targetOf(e);
      droppedIn.current = target ? cellName(boardStore.getState(), target) : '';
      end();
      if (target && !isSamePlace(boardStore.getState().layout, id, target)) placeCard(id, target);
    };

    /** Arrow keys move a picked-up note one cell at a time, in screen coordinates of the scaled board. */
    const coordinateGetter: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
      const dir = ({ ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as Record<string, Direction>)[event.code];
      const size = context.collisionRect as DragRect | null;
      if (!dir || !size) return undefined;
      event.preventDefault();
      const cam = uiStore.getState().camera;
      const from = keyboardAt ?? currentCoordinates;
      const half = { x: size.width / 2, y: size.height / 2 };
      const center = boardPoint({ x: from.x + half.x, y: from.y + half.y });
      const next = stepCell(boardStore.getState().layout, center, dir);
      if (!next) return undefined;
      const local = boardToScreen(next, cam);
      const origin = viewport.current?.getBoundingClientRect() ?? { left: 0, top: 0 };
      keyboardAt = { x: local.x + origin.left - half.x, y: local.y + origin.top - half.y };
      return keyboardAt;
    };

    const textOf = (id: string | number) => boardStore.getState().cards[String(id)]?.text || t('card.empty');
    const dropName = () => {
      const cell = uiStore.getState().dropCell;
      return cell ? cellName(boardStore.getState(), cell) : '';
    };
    const announcements: Announcements = {
      onDragStart: ({ active }) => t('dnd.picked', { text: textOf(active.id) }),
      onDragMove: () => {
        const name = dropName();
        if (!name || name === lastCell.current) return undefined;
        lastCell.current = name;
        return t('dnd.over', { cell: name });
      },
      onDragOver: () => undefined,
      onDragEnd: () => (droppedIn.current ? t('dnd.dropped', { cell: droppedIn.current }) : t('dnd.droppedNowhere')),
      onDragCancel: () => t('dnd.cancelled'),
    };

    return { onDragStart, onDragMove, onDragEnd, onDragCancel: end, coordinateGetter, announcements };
  }, [viewport, t]);
}
