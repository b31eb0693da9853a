import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { CLOSE, WS_PATH } from '../shared/protocol';
import { internalUrlFor, type ServerConfig } from './config';
import type { Forwarded } from './cluster/forward';
import { PgOwnership } from './cluster/pg-ownership';
import { checkedHop, forwardedToOwner } from './cluster/forward-api';
import type { ClientOrigin } from './cluster/open-or-forward';
import { admitClient } from './ws-admission';
import { handleApi } from './http/api';
import { requestUrl } from './http/request-url';
import { SECURITY_HEADERS, sendError, sendJson } from './http/respond';
import { serveStatic } from './http/static-files';
import { boundUnreadBody } from './http/unread-body';
import { createLogger, namedLogger, type Logger } from './log';
import { Metrics } from './metrics';
import { originAllowed } from './http/origin';
import { RateByKey } from './rate-by-key';
import { personIdFor } from './person';
import { listensOnAllInterfaces, networkOrigin } from './network/network-address';
import type { Connection } from './rooms/connection';
import { RoomManager } from './rooms/room-manager';
import type { BoardStore } from './storage/board-store';
import { BoardHistory } from './history/board-history';
import { PgBoardStore, redactUrl } from './storage/pg/pg-store';
import { openStore } from './storage/open-store';

export interface RunningServer {
  /** Where this machine reaches it (localhost when it listens on every interface). */
  url: string;
  port: number;
  /** Where phones on the network reach it now, or null when it listens on loopback only. */
  networkUrl(): string | null;
  store: BoardStore;
  rooms: RoomManager;
  history: BoardHistory;
  metrics: Metrics;
  /** Stops accepting, flushes every board, closes clients with 1012 (they reconnect), closes the store. */
  close(): Promise<void>;
}

const KEEPALIVE_MS = 30_000;
/** Board history requests a client address may make per minute (in a burst too). */
const HISTORY_REQUESTS_PER_MINUTE = 120;
/** How long shutdown waits for clients to complete the websocket close before cutting them off. */
const CLOSE_GRACE_MS = 2_000;

/** Resolves when every websocket of `wss` has closed, or after `ms`. */
function closedWithin(wss: WebSocketServer, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => (wss.clients.size === 0 || Date.now() - started >= ms ? resolve() : void setTimeout(check, 20));
    check();
  });
}

export interface ServerOptions {
  /** The clock of board history (automatic checkpoints, thinning); tests pass one they move by hand. */
  clock?: () => number;
}

export async function startServer(config: ServerConfig, baseLog: Logger = createLogger(config.logLevel), opts: ServerOptions = {}): Promise<RunningServer> {
  // With several instances every log line names the instance it comes from.
  const log = config.databaseUrl ? namedLogger(baseLog, config.instanceId) : baseLog;
  const metrics = new Metrics();
  const store = await openStore(config, log, metrics);
  const history = new BoardHistory(store, log, opts.clock, config.maxDocBytes);
  // Leases start once the port is known (the internal URL may be derived from it); until then no
  // board is opened, as nothing is accepted before the server listens.
  let ownership: PgOwnership | null = null;
  const rooms = new RoomManager(store, log, metrics, config, history);
  const conns = new Set<Connection>();
  /** Client sockets piped to the instance that owns their board (cluster/forward.ts). */
  const forwards = new Set<Forwarded>();
  const creations = new RateByKey(config.boardsPerMinute / 60, Math.max(1, config.boardsPerMinute));
  // Board history requests per client address: reading a checkpoint builds a whole backup.
  const historyRequests = new RateByKey(HISTORY_REQUESTS_PER_MINUTE / 60, HISTORY_REQUESTS_PER_MINUTE);
  let ready = false;
  let closing = false;
  let port = 0;
  // Asked at each request, not once: a laptop may join the room's Wi-Fi after the server started.
  const networkUrl = () => networkOrigin(config.host, port, os.networkInterfaces());

  const server = http.createServer((req, res) => {
    // Bodies nobody reads are not read to the end (http/unread-body.ts).
    boundUnreadBody(req, res);
    const url = requestUrl(req.url);
    if (!url) return sendError(res, 400, 'bad_request', 'The request target is not a valid path.');
    void (async () => {
      if (url.pathname === '/healthz') {
        if (!ready || closing) return sendJson(res, 503, { ok: false, reason: closing ? 'shutting down' : 'starting' });
        // A server whose database does not answer cannot open or save boards: out of the balancer.
        const problem = store.check ? await store.check() : null;
        return sendJson(res, problem ? 503 : 200, problem ? { ok: false, reason: problem } : { ok: true });
      }
      if (closing && url.pathname.startsWith('/api/')) return sendError(res, 503, 'shutting_down', 'The server is restarting; try again shortly.');
      if (url.pathname === '/metrics') {
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; version=0.0.4', 'Cache-Control': 'no-store' });
        return void res.end(metrics.render(rooms.size, rooms.owned));
      }
      if (await forwardedToOwner(req, res, url, { config, log, metrics, ownership })) return;
      if (await handleApi(req, res, url, { store, log, config, creations, networkUrl, rooms, history, historyRequests })) return;
      if (config.staticDir) return serveStatic(req, res, url, config.staticDir);
      sendError(res, 404, 'not_found', 'Not found.');
    })().catch((err) => {
      metrics.errors++;
      log.error('http error', { path: url.pathname, err: String(err) });
      if (!res.headersSent) sendError(res, 500, 'internal', 'Something went wrong on the server.');
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
  const admission = { store, rooms, config, log, metrics, conns, forwards, closing: () => closing };

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = requestUrl(req.url);
    const match = url && new RegExp(`^${WS_PATH}/([^/]+)$`).exec(url.pathname);
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (closing) {
      // Stock clients retry on their own; by then the next process is listening.
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!originAllowed(req.headers.origin, config.allowedOrigins)) {
      log.warn('websocket refused: origin not allowed', { origin: req.headers.origin });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    // A hop from another instance (cluster/hop.ts) carries the client's address; a forged one is refused.
    const target = url.pathname + url.search;
    const hop = checkedHop(req, target, { config, log, metrics }, 'websocket');
    if (hop.hop && 'forged' in hop) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const client: ClientOrigin = hop.hop ? { address: hop.client, hopFrom: hop.from, target } : { address: req.socket.remoteAddress ?? '', hopFrom: null, target };
    const who = { token: url.searchParams.get('token'), personId: personIdFor(url.searchParams.get('person')), client };
    wss.handleUpgrade(req, socket, head, (ws) => void admitClient(ws, match[1], who, admission));
  });

  const keepalive = setInterval(() => {
    for (const c of conns) c.checkAlive();
    for (const f of forwards) f.checkAlive();
  }, KEEPALIVE_MS);
  keepalive.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // No host: Node listens on every interface, IPv6 and IPv4 where the machine has both.
      server.listen(config.port, config.host || undefined, () => resolve());
    });
  } catch (err) {
    clearInterval(keepalive);
    await store.close(); // release the data directory's lock: the port was the problem, not the data
    throw err;
  }
  port = (server.address() as AddressInfo).port;
  if (store instanceof PgBoardStore) {
    try {
      ownership = await PgOwnership.start({ databaseUrl: config.databaseUrl!, pool: store.pool, instanceId: config.instanceId, internalUrl: internalUrlFor(config, port), leaseMs: config.leaseMs, log });
      rooms.useOwnership(ownership);
    } catch (err) {
      clearInterval(keepalive);
      server.close();
      await store.close();
      throw err;
    }
  }
  ready = true;
  const host = listensOnAllInterfaces(config.host) ? 'localhost' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const where = config.databaseUrl ? { database: redactUrl(config.databaseUrl), internalUrl: internalUrlFor(config, port) } : { dataDir: config.dataDir };
  log.info('listening', { url, port, networkUrl: networkUrl(), publicUrl: config.publicUrl, ...where });

  return {
    url,
    port,
    networkUrl,
    store,
    rooms,
    history,
    metrics,
    async close() {
      if (closing) return;
      // From here /healthz answers 503 and new websockets and API calls are refused, while the process
      // still listens, so a load balancer sees it leave before connections fail.
      closing = true;
      clearInterval(keepalive);
      // Clients first, so nothing new arrives while the boards flush; 1012 makes them reconnect.
      for (const c of conns) c.close(CLOSE.restart, 'server restarting');
      for (const f of forwards) f.close(CLOSE.restart, 'server restarting');
      // Each board is compacted and its lease released, so the next instance a client reaches claims it at once.
      await rooms.closeAll();
      await ownership?.close();
      await closedWithin(wss, CLOSE_GRACE_MS);
      for (const ws of wss.clients) ws.terminate(); // peers that never answered the close
      wss.close();
      const stopped = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await stopped;
      await store.close();
      log.info('stopped');
    },
  };
}
