import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../doc/origin';
import { ROOT, type FacilitationLocks } from '../doc/schema';

/** Sets one lock. Facilitators only: the server drops this write from anyone else. */
export function setLock(doc: Y.Doc, lock: keyof FacilitationLocks, on: boolean): void {
  doc.transact(() => doc.getMap<unknown>(ROOT.facilitation).set(lock, on), LOCAL_ORIGIN);
}
