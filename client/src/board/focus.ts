import { removeCard } from '../sync/actions';
import { boardStore } from '../store/board-store';

/** Keyboard focus helpers: after a note disappears, focus goes to its cell instead of the page. */

export function cellElement(stage: string, lane: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-stage="${CSS.escape(stage)}"][data-lane="${CSS.escape(lane)}"]`);
}

export function cardElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.card[data-card-id="${CSS.escape(id)}"]`);
}

export function removeCardKeepingFocus(id: string): void {
  const card = boardStore.getState().cards[id];
  const hadFocus = cardElement(id)?.contains(document.activeElement) ?? false;
  removeCard(id);
  if (hadFocus && card) cellElement(card.stage, card.lane)?.focus({ preventScroll: true });
}
