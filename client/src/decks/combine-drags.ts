import type { Active, Announcements, DragEndEvent, DragMoveEvent, DragStartEvent } from '@dnd-kit/core';
import { isDeckDrag } from './drag-data';

interface DragHandlers {
  onDragStart(e: DragStartEvent): void;
  onDragMove(e: DragMoveEvent): void;
  onDragEnd(e: DragEndEvent): void;
  onDragCancel(e?: unknown): void;
  announcements: Announcements;
}

/**
 * One DndContext serves the map, for two kinds of drags: deck cards being added and notes being moved.
 * Each event goes to the handlers of its kind, decided by what the active draggable carries.
 */
export function combineDrags(deck: DragHandlers, notes: DragHandlers): DragHandlers {
  const pick = (active: Pick<Active, 'data'>) => (isDeckDrag(active) ? deck : notes);
  const a = (active: Pick<Active, 'data'>) => pick(active).announcements;
  return {
    onDragStart: (e) => pick(e.active).onDragStart(e),
    onDragMove: (e) => pick(e.active).onDragMove(e),
    onDragEnd: (e) => pick(e.active).onDragEnd(e),
    onDragCancel: (e) => {
      const active = (e as { active?: Active } | undefined)?.active;
      (active ? pick(active) : notes).onDragCancel(e);
      if (!active) deck.onDragCancel(e);
    },
    announcements: {
      onDragStart: (x) => a(x.active).onDragStart(x),
      onDragMove: (x) => a(x.active).onDragMove?.(x),
      onDragOver: (x) => a(x.active).onDragOver(x),
      onDragEnd: (x) => a(x.active).onDragEnd(x),
      onDragCancel: (x) => a(x.active).onDragCancel(x),
    },
  };
}
