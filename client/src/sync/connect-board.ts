import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { CLOSE, WS_PATH } from '../../../shared/protocol';
import { colorForName } from '../lib/name-color';
import { boardStore, emptyBoardState } from '../store/board-store';
import { presenceStore } from '../store/presence-store';
import { prefsStore } from '../store/prefs-store';
import { initialSession, sessionStore, type SessionState } from '../store/session-store';
import { bindPresence, type LocalPresence } from './presence';
import { sendOwnPresenceOnly } from './own-presence-only';
import { projectDoc } from './project-doc';
import { projectBoardDecks } from '../decks/board-decks-store';
import { myPerson } from '../facilitation/person';
import { startFacilitation } from '../facilitation/start-facilitation';
import { projectPersonas } from '../personas/project-personas';
import { createUndo } from './undo';
import { watchLostEdit } from './watch-lost-edit';
import { reloadAfterCompaction } from './board-reload';

/**
 * Opens one board: the Y.Doc, this device's IndexedDB copy (offline edits survive a reload), the
 * websocket to the server, the projection into the stores, undo and presence. Only sync/ holds these
 * objects; components reach them through sync/actions.ts.
 */
export interface BoardConnection {
  boardId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  undo: Y.UndoManager;
  presence: LocalPresence;
  destroy(): void;
}

let active: BoardConnection | null = null;

/** The open board, if any (one at a time). */
export function activeBoard(): BoardConnection | null {
  return active;
}

function socketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}`;
}

export function connectBoard(boardId: string, token: string, opts: { anonymous?: boolean } = {}): BoardConnection {
  active?.destroy();
  const doc = new Y.Doc();
  const stopProjection = projectDoc(doc, boardStore);
  // Custom decks live in the document's `decks` root; their own projection feeds the deck panel.
  const stopDeckProjection = projectBoardDecks(doc);
  const session = (patch: Partial<SessionState>) => sessionStore.setState(patch);

  const idb = new IndexeddbPersistence(`journey-studio:board:${boardId}`, doc);
  idb.whenSynced.then(
    () => session({ localLoaded: boardStore.getState().stages.length > 0 }),
    () => {},
  );

  // `person`: this browser's secret key; the server derives the person id that owns cards and votes.
  const provider = new WebsocketProvider(socketUrl(), boardId, doc, { params: { token, person: myPerson().key } });
  const stopOwnPresence = sendOwnPresenceOnly(provider);
  provider.on('status', ({ status }) => session({ socket: status, ...(status !== 'connected' && { synced: false }) }));
  provider.on('sync', (synced) => session(synced ? { synced, everSynced: true } : { synced }));
  provider.on('connection-close', (event) => {
    // The board was compacted: this copy is stale (board-reload.ts).
    if (event?.code === CLOSE.reload) return void reloadAfterCompaction(provider, idb);
    const fatal = event?.code === CLOSE.badToken ? 'bad-token' : event?.code === CLOSE.unknownBoard ? 'unknown-board' : null;
    if (!fatal) return;
    session({ fatal });
    // The provider would stop by itself on 44xx; disconnecting also stops the watchdog and BroadcastChannel.
    provider.disconnect();
  });

  const onOnline = () => session({ online: navigator.onLine });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOnline);

  const undo = createUndo(doc, (canUndo, canRedo) => session({ canUndo, canRedo }));
  const presence = bindPresence(provider.awareness, presenceStore);
  const publishUser = () => {
    // A projector is not a person: it stays out of the online list and shows no cursor.
    const name = opts.anonymous ? '' : prefsStore.getState().name;
    // No role claim until the server told us ours: it refuses presence that claims a role it did not give.
    const role = sessionStore.getState().role;
    presence.setUser(name ? { name, color: colorForName(name), ...(role && { role }) } : null);
  };
  publishUser();
  const unsubName = prefsStore.subscribe((s, prev) => s.name !== prev.name && publishUser());
  const unsubRole = sessionStore.subscribe((s, prev) => s.role !== prev.role && publishUser());
  // Locks, timer, spotlight, votes, agenda, following and summons (client/src/facilitation/).
  const stopFacilitation = startFacilitation({ doc, undo, presence, anonymous: !!opts.anonymous });
  const stopLostEdit = watchLostEdit(provider.awareness);
  const stopPersonas = projectPersonas(doc);

  const connection: BoardConnection = {
    boardId,
    doc,
    provider,
    undo,
    presence,
    destroy() {
      unsubName();
      unsubRole();
      stopFacilitation();
      stopLostEdit();
      stopPersonas();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOnline);
      presence.destroy();
      stopOwnPresence();
      undo.destroy();
      stopProjection();
      stopDeckProjection();
      provider.destroy();
      void idb.destroy();
      doc.destroy();
      if (active === connection) active = null;
      boardStore.setState(emptyBoardState(), true);
    },
  };
  active = connection;
  return connection;
}

/** Resets the session store for a board about to open. */
export function resetSession(boardId: string, readOnly: boolean): void {
  sessionStore.setState({ ...initialSession(), boardId, readOnly }, true);
}
