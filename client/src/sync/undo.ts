import * as Y from 'yjs';
import { roots } from '../../../shared/doc/board-doc';
import { LOCAL_ORIGIN } from '../../../shared/doc/origin';
import { ROOT } from '../../../shared/doc/schema';

/**
 * One UndoManager over the four roots and the personas, tracking only this client's own commands: undo never reverts
 * someone else's work, a remote update or what IndexedDB loaded. Callers mark gesture boundaries
 * with `stopCapturing()` so one drag, one edit session or one add is one step.
 */
export function createUndo(doc: Y.Doc, onChange: (canUndo: boolean, canRedo: boolean) => void): Y.UndoManager {
  const r = roots(doc);
  const um = new Y.UndoManager([r.meta, r.stages, r.lanes, r.cards, doc.getMap(ROOT.personas)], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: 600,
  });
  const report = () => onChange(um.canUndo(), um.canRedo());
  um.on('stack-item-added', report);
  um.on('stack-item-popped', report);
  um.on('stack-cleared', report);
  return um;
}
