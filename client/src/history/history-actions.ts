import type { Backup } from '../../../shared/backup/backup-schema';
import { plainBoard, type BoardPlain } from '../../../shared/history/board-changes';
import { startReplay, stopReplay } from '../../../shared/commands/replay';
import { ApiError } from '../lib/api';
import { saveBoard } from '../lib/saved-boards';
import { boardPath } from '../routing/route';
import { activeBoard } from '../sync/connect-board';
import { canEditSkeleton, sessionStore } from '../store/session-store';
import { prefsStore } from '../store/prefs-store';
import { serverNow } from '../facilitation/server-clock';
import { createVersion, deleteVersion, fetchVersion, listVersions, restoreAsNewBoard, revertTo } from './history-api';
import { historyStore, NOW, type HistoryState, type HistoryView } from './history-store';
import { isPhone } from '../ui/phone';

/**
 * What the History panel does: talk to the history API (history-api.ts), keep what it answered in
 * history-store, and switch what the map area shows. The server checks every role; the facilitator-only
 * buttons are hidden from others, and their refusals still read as sentences.
 */

const set = (patch: Partial<HistoryState>) => historyStore.setState(patch);
type Notice = NonNullable<HistoryState['notice']>;
const notice = (kind: Notice['kind'], key: string, opts?: Record<string, unknown>, link?: string) =>
  set({ notice: { kind, key, ...(opts && { opts }), ...(link && { link }) } });

/** A refusal or failure as the key of a sentence. */
function errorKey(err: unknown, fallback: string): string {
  if (err instanceof ApiError) {
    if (err.status === 403) return 'boardHistory.errors.forbidden';
    if (err.status === 409) return 'boardHistory.take.full';
    if (err.status === 429) return 'boardHistory.restore.tooMany';
    if (err.status === 0) return 'boardHistory.errors.offline';
    return fallback;
  }
  return err instanceof TypeError ? 'boardHistory.errors.offline' : fallback;
}

let listRequest: AbortController | null = null;

export async function refreshVersions(): Promise<void> {
  listRequest?.abort();
  const abort = new AbortController();
  listRequest = abort;
  const { list } = historyStore.getState();
  // Keep showing the list while it refreshes; "loading" only the first time.
  set({ list: { ...list, status: list.status === 'ready' ? 'ready' : 'loading' } });
  try {
    const versions = await listVersions(abort.signal);
    if (!abort.signal.aborted) set({ list: { status: 'ready', versions } });
  } catch {
    if (!abort.signal.aborted) set({ list: { ...historyStore.getState().list, status: 'error' } });
  }
}

/** A checkpoint's file: from memory, else fetched once (a checkpoint never changes). */
export async function ensureFile(id: string): Promise<Backup | null> {
  const s = historyStore.getState();
  if (s.files[id]) return s.files[id];
  set({ fetching: { ...s.fetching, [id]: 'loading' } });
  try {
    const file = await fetchVersion(id);
    const { [id]: _, ...rest } = historyStore.getState().fetching;
    set({ files: { ...historyStore.getState().files, [id]: file }, fetching: rest });
    return file;
  } catch {
    set({ fetching: { ...historyStore.getState().fetching, [id]: 'error' } });
    return null;
  }
}

/** The live board in the plain form of a checkpoint's file (null when no board is open). */
export function liveBoard(): BoardPlain | null {
  const b = activeBoard();
  return b ? plainBoard(b.doc) : null;
}

export function setHistoryOpen(open: boolean): void {
  set(open ? { panelOpen: true, listHidden: false } : { panelOpen: false, view: null, listHidden: false, notice: null });
  if (open) void refreshVersions();
}
export const toggleHistory = () => setHistoryOpen(!historyStore.getState().panelOpen);

/** Shows something on the map area instead of the live map; on a phone the list steps aside for it. */
export function showView(view: HistoryView): void {
  set({ view, listHidden: isPhone() });
  if (view.kind === 'checkpoint') void ensureFile(view.id);
  if (view.kind === 'compare') {
    void ensureFile(view.from);
    if (view.to !== NOW) void ensureFile(view.to);
  }
}

export function backToLive(): void {
  set({ view: null, listHidden: false });
}

export const showList = () => set({ listHidden: false });

export async function takeCheckpoint(label: string): Promise<boolean> {
  const clean = label.trim();
  if (!clean) {
    notice('error', 'boardHistory.take.needLabel');
    return false;
  }
  notice('busy', 'boardHistory.take.busy');
  try {
    await createVersion(clean, prefsStore.getState().name);
    notice('done', 'boardHistory.take.done', { label: clean });
    await refreshVersions();
    return true;
  } catch (err) {
    notice('error', errorKey(err, 'boardHistory.take.failed'));
    return false;
  }
}

export async function restoreNewBoard(id: string): Promise<void> {
  notice('busy', 'boardHistory.restore.busy');
  try {
    const res = await restoreAsNewBoard(id);
    const title = historyStore.getState().files[id]?.board.meta.title ?? '';
    saveBoard({ id: res.id, title, role: 'facilitator', token: res.tokens.facilitator, links: res.tokens, lastOpened: Date.now() });
    notice('done', 'boardHistory.restore.done', undefined, boardPath(res.id, res.tokens.facilitator));
  } catch (err) {
    notice('error', errorKey(err, 'boardHistory.restore.failed'));
  }
}

/** Facilitator: the live board goes back to the checkpoint; the server takes a checkpoint of now first. */
export async function revertBoard(id: string, time: string): Promise<void> {
  notice('busy', 'boardHistory.revertDialog.busy');
  try {
    await revertTo(id);
    set({ view: null, listHidden: false });
    notice('done', 'boardHistory.revertDialog.done', { time });
    await refreshVersions();
  } catch (err) {
    // The server holds a revert to the limits of any write: it says so, and nothing changed.
    const limit = err instanceof ApiError && (err.status === 413 ? 'tooLarge' : err.status === 422 ? 'overLimits' : null);
    notice('error', limit ? `boardHistory.revertDialog.${limit}` : errorKey(err, 'boardHistory.revertDialog.failed'));
  }
}

/** Facilitator: deletes a named checkpoint (automatic ones are the server's, and thinned by it). */
export async function deleteCheckpoint(id: string, title: string): Promise<void> {
  notice('busy', 'boardHistory.remove.busy');
  try {
    await deleteVersion(id);
    notice('done', 'boardHistory.remove.done', { title });
  } catch (err) {
    // Already gone (deleted from another page): the list below shows it gone.
    if (err instanceof ApiError && err.status === 404) notice('done', 'boardHistory.remove.done', { title });
    else return notice('error', err instanceof ApiError && err.status === 409 ? 'boardHistory.remove.notNamed' : errorKey(err, 'boardHistory.remove.failed'));
  }
  const { view } = historyStore.getState();
  if ((view?.kind === 'checkpoint' && view.id === id) || (view?.kind === 'compare' && (view.from === id || view.to === id))) backToLive();
  await refreshVersions();
}

/** Facilitator: plays the replay on every projector of the board (and stops it). */
export function projectReplay(on: boolean): number | null {
  const b = activeBoard();
  if (!b || !canEditSkeleton(sessionStore.getState())) return null;
  if (!on) {
    stopReplay(b.doc);
    return null;
  }
  const at = serverNow();
  startReplay(b.doc, at);
  return at;
}

// Another board opened in this page: its history is another one.
sessionStore.subscribe((s, prev) => {
  if (s.boardId !== prev.boardId) historyStore.setState({ panelOpen: false, list: { status: 'idle', versions: [] }, files: {}, fetching: {}, view: null, listHidden: false, notice: null });
});
