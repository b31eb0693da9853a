-- Which instance owns each open board (server/cluster/pg-ownership.ts, docs/scaling.md).
-- A row per board ever opened by a cluster; released rows keep their epoch, which only grows.
CREATE TABLE board_leases (
  board_id   text PRIMARY KEY,
  -- The owner: its name, where the others reach it, and the key of the advisory lock it holds for
  -- its whole life (PostgreSQL frees it the moment the owner's session ends). NULL when released.
  owner_id   text,
  owner_url  text,
  owner_key  integer,
  -- Raised by every claim; every write of the owner carries it and is refused when it is not this.
  epoch      bigint NOT NULL DEFAULT 0,
  -- Renewed by the owner's heartbeat; past it, another instance may take the board over.
  expires_at timestamptz NOT NULL DEFAULT '-infinity'
);
CREATE INDEX board_leases_owner_key ON board_leases (owner_key) WHERE owner_key IS NOT NULL;
