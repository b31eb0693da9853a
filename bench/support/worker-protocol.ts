/** Messages between the orchestrator and a client-worker process. */
export type WorkerRequest =
  | {
      type: 'connect';
      kind: 'ours' | 'reference';
      wsBase: string;
      boards: Array<{ room: string; token: string }>;
      perBoard: number;
      seed: number;
      connectWave?: number;
      /** Clients 0..n-1 of each board are fully stock; the others use the light presence handler. */
      fullStockPerBoard?: number;
      /** false: connect only (the board is seeded elsewhere). */
      seedCards?: boolean;
      /** Per client index, the server it connects to (several instances); missing entries use wsBase. */
      wsBaseOf?: string[];
    }
  | {
      type: 'latency';
      writesPerBoard: number;
      intervalMs: number;
      drainMs: number;
      seed: number;
      /** Client indexes that write, in turn (default: every client). */
      writers?: number[];
    }
  | { type: 'burst'; writesPerClient: number; drainMs: number }
  | { type: 'converge'; timeoutMs: number }
  | {
      type: 'load-start';
      hz: number;
      /** Mean time between one client's card edits; 0 for presence only. */
      editEveryMs: number;
      seed: number;
      /** Board area the cursors wander in. */
      area?: { x: number; y: number; w: number; h: number };
    }
  | { type: 'load-measure' }
  | { type: 'load-stop'; drainMs: number }
  | { type: 'close' };

export type WorkerReply =
  | { type: 'ok' }
  | { type: 'connected'; connectMs: number; clients: number }
  | { type: 'latencies'; latencies: Float64Array; expected: number; received: number; spanMs: number; sentMs?: number }
  | { type: 'converged'; boards: number; converged: number; ms: number; fingerprints: Record<string, string> }
  | {
      type: 'load';
      latencies: Float64Array;
      /** Presence latency seen by the fully stock clients. */
      presence: Float64Array;
      writes: number;
      expected: number;
      received: number;
      clientCpuCores: number;
      eventLoopP99Ms: number;
      drainMs: number;
      /** Presence updates set, and presence messages echoed by light clients, per second. */
      presencePerSec: number;
      echoesPerSec: number;
    };
