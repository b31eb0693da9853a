import { useMemo, useRef, type RefObject } from 'react';
import type { Announcements, DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { CellRef } from '../../../shared/layout';
import { boardStore } from '../store/board-store';
import { uiStore } from '../store/ui-store';
import { reveal } from '../board/camera';
import { cellName } from '../board/cell-name';
import { dealCard } from './deck-actions';
import { deckDragStore } from './deck-drag-store';
import type { DeckKeyboardOptions } from './deck-keyboard-sensor';
import { isDeckDragData, type DeckDragData } from './drag-data';
import { dropAtClientPoint, eventClientPoint } from './drop-point';
import { trackPointer } from './pointer-tracker';

const sameCell = (a: CellRef | null, b: CellRef | null) => a?.stage === b?.stage && a?.lane === b?.lane;

/**
 * Dragging a deck card onto the map, by pointer or keyboard. Same pattern as notes: the map viewport is
 * the only droppable, the landing cell comes from the pointer in board units and the layout (or, with
 * the keyboard, from the cell the sensor stepped to), and the document is written once, on drop.
 */
export function useDeckDrag(viewport: RefObject<HTMLElement | null>) {
  const { t, i18n } = useTranslation();
  const keyboard = useRef(false);
  const lastCell = useRef('');
  const outcome = useRef<{ card: string; cell: string } | null>(null);
  const pointer = useRef<ReturnType<typeof trackPointer> | null>(null);

  return useMemo(() => {
    const lang = () => (i18n.language?.startsWith('it') ? 'it' : 'en');
    const dataOf = (e: { active: { data: { current?: unknown } } }): DeckDragData | null =>
      isDeckDragData(e.active.data.current) ? e.active.data.current : null;
    const setCell = (cell: CellRef | null) => {
      if (!sameCell(cell, uiStore.getState().dropCell)) uiStore.setState({ dropCell: cell });
    };
    const board = () => {
      const el = viewport.current;
      if (!el) return null;
      return { layout: boardStore.getState().layout, camera: uiStore.getState().camera, viewport: el.getBoundingClientRect() };
    };
    /** Where the card would land now; with the keyboard, at the end of the cell the sensor is over. */
    const target = () => {
      if (keyboard.current) return uiStore.getState().dropCell;
      const b = board();
      const p = pointer.current?.current();
      return b && p ? dropAtClientPoint(b.layout, b.camera, b.viewport, p) : null;
    };
    const nameOf = (cell: CellRef | null) => (cell ? cellName(boardStore.getState(), cell) : '');
    const clear = () => {
      pointer.current?.stop();
      pointer.current = null;
      deckDragStore.setState({ dragging: null });
      uiStore.setState({ dropCell: null });
    };

    const keyboardOptions: DeckKeyboardOptions = { board, onCell: setCell, reveal };

    const onDragStart = (e: DragStartEvent) => {
      keyboard.current = e.activatorEvent instanceof KeyboardEvent;
      pointer.current?.stop();
      pointer.current = keyboard.current ? null : trackPointer(eventClientPoint(e.activatorEvent));
      lastCell.current = '';
      outcome.current = null;
      deckDragStore.setState({ dragging: dataOf(e) });
      uiStore.setState({ selectedId: null, editingId: null });
    };

    const onDragMove = () => {
      if (!keyboard.current) {
        const to = target();
        setCell(to && { stage: to.stage, lane: to.lane });
      }
    };

    const onDragEnd = (e: DragEndEvent) => {
      const data = dataOf(e);
      const to = target();
      clear();
      if (!data) return;
      outcome.current = { card: data.card.title[lang()], cell: nameOf(to) };
      if (to) dealCard(data.deck, data.card, to);
    };

    const titleOf = (active: { data: { current?: unknown } }) => {
      const d = active.data.current;
      return isDeckDragData(d) ? d.card.title[lang()] : '';
    };
    const announcements: Announcements = {
      onDragStart: ({ active }) => {
        const cell = nameOf(uiStore.getState().dropCell);
        lastCell.current = cell;
        return cell ? t('decks.dnd.picked', { card: titleOf(active), cell }) : t('decks.dnd.pickedNoCell', { card: titleOf(active) });
      },
      onDragMove: () => {
        const cell = nameOf(uiStore.getState().dropCell);
        if (!cell || cell === lastCell.current) return undefined;
        lastCell.current = cell;
        return t('decks.dnd.over', { cell });
      },
      onDragOver: () => undefined,
      onDragEnd: ({ active }) => {
        const o = outcome.current;
        return o?.cell ? t('decks.dnd.dropped', { card: o.card, cell: o.cell }) : t('decks.dnd.droppedNowhere', { card: titleOf(active) });
      },
      onDragCancel: ({ active }) => t('decks.dnd.cancelled', { card: titleOf(active) }),
    };

    return { keyboardOptions, onDragStart, onDragMove, onDragEnd, onDragCancel: clear, announcements };
  }, [viewport, t, i18n]);
}
