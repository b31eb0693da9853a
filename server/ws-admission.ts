import type { RawData, WebSocket } from 'ws';
import { CLOSE } from '../shared/protocol';
import { isBoardId, roleForToken } from './boards';
import type { ServerConfig } from './config';
import type { Logger } from './log';
import type { Metrics } from './metrics';
import { openOrForward, type ClientOrigin } from './cluster/open-or-forward';
import type { Forwarded } from './cluster/forward';
import { Connection } from './rooms/connection';
import type { RoomManager } from './rooms/room-manager';
import type { BoardStore } from './storage/board-store';

export interface AdmissionDeps {
  store: BoardStore;
  rooms: RoomManager;
  config: ServerConfig;
  log: Logger;
  metrics: Metrics;
  /** Sockets on rooms of this instance; a connection removes itself when it closes. */
  conns: Set<Connection>;
  /** Sockets piped to the instance that owns their board (cluster/forward.ts). */
  forwards: Set<Forwarded>;
  /** True once the server is shutting down. */
  closing(): boolean;
}

/**
 * A websocket client of board `boardId`, once upgraded: checked (board, token, capacity), then joined
 * to the board's room here or piped to the instance that owns it (cluster/open-or-forward.ts), or closed
 * with the code that tells a stock client what to do (docs/api.md, "Websocket").
 */
export async function admitClient(ws: WebSocket, boardId: string, who: { token: string | null; personId: string | null; client: ClientOrigin }, deps: AdmissionDeps): Promise<void> {
  const { store, rooms, config, log, metrics, conns, forwards } = deps;
  const { token, personId, client } = who;
  // Messages that arrive while the board loads wait here: nothing is answered before the load.
  const early: Array<{ data: RawData; binary: boolean }> = [];
  const buffer = (data: RawData, binary: boolean) => early.push({ data, binary });
  ws.on('message', buffer);
  ws.on('error', (err) => log.warn('socket error', { board: boardId, err: String(err) }));
  try {
    const record = isBoardId(boardId) ? await store.getBoard(boardId) : null;
    if (!record) return ws.close(CLOSE.unknownBoard, 'unknown board');
    const role = roleForToken(record, token);
    if (!role) return ws.close(CLOSE.badToken, 'bad token');
    if (deps.closing()) return ws.close(CLOSE.restart, 'server restarting');
    if (conns.size + forwards.size >= config.maxConnections) {
      metrics.refusedConnections++;
      return ws.close(CLOSE.tryAgainLater, 'server full');
    }
    const room = await openOrForward(ws, boardId, client, early, buffer, deps);
    if (!room) return;
    if (ws.readyState !== ws.OPEN) return rooms.release(room);
    if (deps.closing()) {
      ws.close(CLOSE.restart, 'server restarting');
      return rooms.release(room);
    }
    // Checked again right before admission: connections arriving together all passed the check
    // above while their board loaded.
    const full = conns.size + forwards.size >= config.maxConnections ? 'server full' : room.conns.size >= config.maxConnectionsPerBoard ? 'board full' : null;
    if (full) {
      metrics.refusedConnections++;
      ws.close(CLOSE.tryAgainLater, full);
      return rooms.release(room);
    }
    const conn = new Connection(ws, room, role, log, metrics, config, personId);
    room.conns.add(conn);
    conns.add(conn);
    metrics.connections++;
    ws.off('message', buffer);
    ws.on('message', (data: Buffer) => conn.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    ws.on('pong', () => conn.markAlive());
    ws.on('close', () => {
      conns.delete(conn);
      conn.dispose();
      metrics.connections--;
      room.leave(conn);
      rooms.release(room);
    });
    room.greet(conn);
    for (const m of early) conn.handle(new Uint8Array(m.data as Buffer));
    log.debug('client joined', { board: boardId, role, client: client.address, via: client.hopFrom ?? undefined });
  } catch (err) {
    metrics.errors++;
    log.error('could not open board', { board: boardId, err: String(err) });
    ws.close(1011, 'server error');
  }
}
