import { afterEach, describe, expect, it } from 'vitest';
import { focusStore, initialUi, uiStore } from './ui-store';

afterEach(() => uiStore.setState(initialUi(), true));

describe('the notes’ part of the UI store', () => {
  it('is not written by a pan or zoom step, so no note runs its selectors then', () => {
    let writes = 0;
    const unsub = focusStore.subscribe(() => writes++);
    uiStore.setState({ camera: { x: 10, y: 20, zoom: 0.5 } });
    uiStore.setState({ camera: { x: 11, y: 20, zoom: 0.6 }, viewport: { w: 800, h: 600 } });
    expect(writes).toBe(0);
    unsub();
  });

  it('follows selection, editing, dragging, the drop cell and renaming at once', () => {
    let writes = 0;
    const unsub = focusStore.subscribe(() => writes++);
    uiStore.setState({ selectedId: 'a' });
    expect(focusStore.getState().selectedId).toBe('a');
    uiStore.setState({ editingId: 'a', draggingId: null });
    expect(focusStore.getState().editingId).toBe('a');
    uiStore.setState({ dropCell: { stage: 's', lane: 'l' }, renaming: { axis: 'stages', id: 's' } });
    expect(focusStore.getState()).toMatchObject({ dropCell: { stage: 's', lane: 'l' }, renaming: { axis: 'stages', id: 's' } });
    expect(writes).toBe(3);
    uiStore.setState(initialUi(), true);
    expect(focusStore.getState().selectedId).toBeNull();
    unsub();
  });
});
