import type { DropReason } from './rooms/write-rules';
import { STORED_DROP_REASONS, type StoredDropReason } from './storage/board-store';
import type { PresenceDropReason } from './rooms/presence-limits';

/** Counters for GET /metrics (Prometheus text format). */
export class Metrics {
  connections = 0;
  boardsLoaded = 0;
  messagesIn = 0;
  messagesOut = 0;
  bytesIn = 0;
  bytesOut = 0;
  errors = 0;
  closedBadMessage = 0;
  closedRateLimit = 0;
  closedSlowReader = 0;
  refusedConnections = 0;
  dropped = new Map<DropReason | PresenceDropReason, number>();
  /** Stored records left out when boards were loaded, by reason. */
  storedDropped = new Map<StoredDropReason, number>(STORED_DROP_REASONS.map((r) => [r, 0]));
  /** Bytes of torn last writes LevelDB dropped when this process opened the store (a crash mid-write). */
  tornWriteBytes = 0;
  /** Several instances (server/cluster/): boards this instance owns, hops, claims and the fence. */
  forwardedConnections = 0;
  forwardedTotal = 0;
  forgedHops = 0;
  claims = 0;
  takeovers = 0;
  boardsLost = 0;
  fenceRefusals = 0;
  private storeWrites = 0;
  private storeWriteMsTotal = 0;
  private storeWriteMsMax = 0;

  drop(reason: DropReason | PresenceDropReason): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
  }

  storedRecordsDropped(reason: StoredDropReason, count: number): void {
    this.storedDropped.set(reason, (this.storedDropped.get(reason) ?? 0) + count);
  }

  observeStoreWrite(ms: number): void {
    this.storeWrites++;
    this.storeWriteMsTotal += ms;
    if (ms > this.storeWriteMsMax) this.storeWriteMsMax = ms;
  }

  /** `boardsOwned` is null on a single instance (no leases): the cluster metrics are left out. */
  render(boardsInMemory: number, boardsOwned: number | null = null): string {
    const lines: string[] = [];
    const metric = (name: string, type: 'gauge' | 'counter', help: string, value: number, labels = '') => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name}${labels} ${value}`);
    };
    metric('journey_connections', 'gauge', 'Open websocket connections.', this.connections);
    metric('journey_boards_in_memory', 'gauge', 'Boards loaded in memory.', boardsInMemory);
    metric('journey_boards_loaded_total', 'counter', 'Boards loaded from the store.', this.boardsLoaded);
    metric('journey_messages_in_total', 'counter', 'Websocket messages received.', this.messagesIn);
    metric('journey_messages_out_total', 'counter', 'Websocket messages sent.', this.messagesOut);
    metric('journey_bytes_in_total', 'counter', 'Websocket bytes received.', this.bytesIn);
    metric('journey_bytes_out_total', 'counter', 'Websocket bytes sent.', this.bytesOut);
    metric('journey_errors_total', 'counter', 'Internal errors.', this.errors);
    metric('journey_bad_messages_total', 'counter', 'Connections closed for a malformed message.', this.closedBadMessage);
    metric('journey_rate_limited_total', 'counter', 'Connections closed for exceeding the rate limit.', this.closedRateLimit);
    metric('journey_slow_readers_closed_total', 'counter', 'Connections closed because their send buffer passed its ceiling.', this.closedSlowReader);
    metric('journey_refused_connections_total', 'counter', 'Connections refused at a capacity limit.', this.refusedConnections);
    lines.push('# HELP journey_dropped_writes_total Writes refused by role rules.', '# TYPE journey_dropped_writes_total counter');
    for (const [reason, n] of this.dropped) lines.push(`journey_dropped_writes_total{reason="${reason}"} ${n}`);
    lines.push('# HELP journey_store_records_dropped_total Stored records left out when loading a board.', '# TYPE journey_store_records_dropped_total counter');
    for (const [reason, n] of this.storedDropped) lines.push(`journey_store_records_dropped_total{reason="${reason}"} ${n}`);
    metric('journey_store_torn_write_bytes', 'gauge', 'Bytes of a torn last write dropped when the store was opened.', this.tornWriteBytes);
    metric('journey_store_writes_total', 'counter', 'Updates written to the store.', this.storeWrites);
    metric('journey_store_write_ms_sum', 'counter', 'Total store write latency in ms.', Math.round(this.storeWriteMsTotal));
    metric('journey_store_write_ms_max', 'gauge', 'Slowest store write in ms.', Math.round(this.storeWriteMsMax));
    if (boardsOwned !== null) {
      metric('journey_cluster_boards_owned', 'gauge', 'Boards this instance holds the lease of.', boardsOwned);
      metric('journey_cluster_forwarded_connections', 'gauge', 'Client websockets piped to another instance that owns their board.', this.forwardedConnections);
      metric('journey_cluster_forwarded_total', 'counter', 'Client websockets forwarded to another instance.', this.forwardedTotal);
      metric('journey_cluster_forged_hops_total', 'counter', 'Hops refused because their CLUSTER_SECRET signature did not hold.', this.forgedHops);
      metric('journey_cluster_claims_total', 'counter', 'Boards this instance claimed (became the owner of).', this.claims);
      metric('journey_cluster_takeovers_total', 'counter', 'Claims that took a board from another instance whose lease had expired or whose session ended.', this.takeovers);
      metric('journey_cluster_boards_lost_total', 'counter', 'Boards dropped because another instance took them over or the lease could not be renewed.', this.boardsLost);
      metric('journey_cluster_fence_refusals_total', 'counter', 'Writes the store refused because the board had been taken over (epoch fence).', this.fenceRefusals);
    }
    return lines.join('\n') + '\n';
  }
}
