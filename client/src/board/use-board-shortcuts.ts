import { useEffect } from 'react';
import { redo, undo } from '../sync/actions';
import { removeCardKeepingFocus } from './focus';
import { canEditCards, sessionStore } from '../store/session-store';
import { uiStore } from '../store/ui-store';
import { fitJourney, resetZoom, zoomIn, zoomOut } from './camera';
import { handleFacilitationKey } from '../facilitation/keys';
import { toggleInsights } from '../insights/insights-store';

/** Text fields keep their own keys, native undo included. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/**
 * Board-wide keys: undo/redo (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y), zoom (+, −, 0 = 100%,
 * Shift+1 = fit; 1 too, except for facilitators, whose 1–6 spotlight a stage), Delete for the selected
 * note, Escape to clear the selection, I to open or close the Insights panel.
 */
export function useBoardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.defaultPrevented || e.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const ui = uiStore.getState();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) redo();
        else undo();
        return;
      }
      if (mod && key === 'y') {
        e.preventDefault();
        redo();
        return;
      }
      if (mod) return;
      if (ui.draggingId) return;
      if (handleFacilitationKey(e)) return;
      if (e.shiftKey && e.code === 'Digit1') {
        e.preventDefault();
        fitJourney();
        return;
      }
      switch (e.key) {
        case '+':
        case '=':
          e.preventDefault();
          zoomIn();
          break;
        case '-':
        case '_':
          e.preventDefault();
          zoomOut();
          break;
        case '0':
          e.preventDefault();
          resetZoom();
          break;
        case '1':
        case '!':
          e.preventDefault();
          fitJourney();
          break;
        case 'Delete':
        case 'Backspace':
          if (ui.selectedId && !ui.editingId && canEditCards(sessionStore.getState())) {
            e.preventDefault();
            removeCardKeepingFocus(ui.selectedId);
          }
          break;
        case 'i':
        case 'I':
          if (e.shiftKey) break;
          e.preventDefault();
          toggleInsights();
          break;
        case 'Escape':
          if (ui.selectedId) uiStore.setState({ selectedId: null });
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
