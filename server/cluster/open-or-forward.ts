import type { RawData, WebSocket } from 'ws';
import { CLOSE } from '../../shared/protocol';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import type { Room } from '../rooms/room';
import type { RoomManager } from '../rooms/room-manager';
import { openHop, pipe, type Forwarded } from './forward';
import { hopHeaders } from './hop';
import { NotOwnerError } from './ownership';

/** How often a client whose board's owner cannot be reached tries to claim the board again. */
const RECLAIM_EVERY_MS = 250;

export interface OpenOrForwardDeps {
  config: Pick<ServerConfig, 'leaseMs' | 'clusterSecret' | 'instanceId' | 'maxMessageBytes'>;
  log: Logger;
  metrics: Pick<Metrics, 'forwardedConnections' | 'forwardedTotal'>;
  rooms: Pick<RoomManager, 'open'>;
  /** Client sockets piped to the board's owner; a pipe removes itself when it closes. */
  forwards: Set<Forwarded>;
  /** True once the server is shutting down. */
  closing(): boolean;
}

/** Who a websocket client is: its address, the instance it came through (null: directly), its request target. */
export interface ClientOrigin {
  address: string;
  hopFrom: string | null;
  target: string;
}

/**
 * The board's room when this instance owns it (claiming it if nobody live does); null when the
 * client was piped to the owner instead, or closed. While the owner cannot be reached (killed, or
 * draining) the board is claimed again every RECLAIM_EVERY_MS: it is ours once the owner's session
 * ended or its lease expired, well within LEASE_MS. `early` holds the frames the client sent while
 * the board loaded, `buffer` the listener that collected them (a pipe takes over from it).
 */
export async function openOrForward(
  ws: WebSocket,
  boardId: string,
  client: ClientOrigin,
  early: Array<{ data: RawData; binary: boolean }>,
  buffer: (data: RawData, binary: boolean) => void,
  deps: OpenOrForwardDeps,
): Promise<Room | null> {
  const { config, log, metrics, rooms, forwards } = deps;
  const deadline = Date.now() + config.leaseMs + 2_000;
  for (;;) {
    try {
      return await rooms.open(boardId);
    } catch (err) {
      if (!(err instanceof NotOwnerError)) throw err;
      // A forwarded client is never forwarded again: the board moved meanwhile, so it reconnects.
      if (client.hopFrom !== null) {
        ws.close(CLOSE.restart, 'board moved');
        return null;
      }
      if (!config.clusterSecret) {
        log.error('board owned by another instance, but CLUSTER_SECRET is not set: cannot forward', { board: boardId, owner: err.instance });
        ws.close(CLOSE.tryAgainLater, 'owner unreachable');
        return null;
      }
      const to = new URL(client.target, err.url.replace(/^http/, 'ws'));
      try {
        const upstream = await openHop(to.toString(), hopHeaders(config.clusterSecret, config.instanceId, client.address, to.pathname + to.search), config.maxMessageBytes);
        if (ws.readyState !== ws.OPEN || deps.closing()) {
          upstream.close(1001, 'client gone');
          if (ws.readyState === ws.OPEN) ws.close(CLOSE.restart, 'server restarting');
          return null;
        }
        ws.off('message', buffer);
        metrics.forwardedConnections++;
        metrics.forwardedTotal++;
        const f = pipe(ws, upstream, early, () => {
          forwards.delete(f);
          metrics.forwardedConnections--;
        });
        forwards.add(f);
        log.debug('client forwarded to the owner', { board: boardId, owner: err.instance });
        return null;
      } catch (hopErr) {
        if (ws.readyState !== ws.OPEN || deps.closing()) return null;
        if (Date.now() > deadline) {
          log.warn('owner unreachable and its lease still held; client told to try again', { board: boardId, owner: err.instance, err: String(hopErr) });
          ws.close(CLOSE.tryAgainLater, 'owner unreachable');
          return null;
        }
        await new Promise((r) => setTimeout(r, RECLAIM_EVERY_MS));
      }
    }
  }
}
