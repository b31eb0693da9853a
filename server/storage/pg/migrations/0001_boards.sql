-- The base schema of the PostgreSQL store (pg-store.ts). Ids are compared and sorted byte by byte
-- (COLLATE "C"), whatever the database's locale: checkpoint ids sort by time only that way.

-- A board: its record (id, title, locale, createdAt, tokens: the BoardRecord as JSON, so fields added
-- later need no migration), its last snapshot, and the first update sequence the snapshot does not cover.
CREATE TABLE boards (
  id text COLLATE "C" PRIMARY KEY,
  record jsonb NOT NULL,
  snapshot bytea NOT NULL,
  first_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The update log after the snapshot, in order. Compaction deletes a prefix in the transaction that
-- writes the new snapshot; the next sequence is max(seq) + 1, or first_seq when the log is empty.
CREATE TABLE board_updates (
  board_id text COLLATE "C" NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  body bytea NOT NULL,
  PRIMARY KEY (board_id, seq)
);

-- Which person owns each Yjs client id of a board (server/rooms/client-ids.ts); never changed once stored.
CREATE TABLE board_client_owners (
  board_id text COLLATE "C" NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  client bigint NOT NULL,
  owner text NOT NULL,
  PRIMARY KEY (board_id, client)
);

-- Checkpoints (board history): the list entry (JSON) and the board's full state, written together.
-- Version ids sort by time.
CREATE TABLE board_versions (
  board_id text COLLATE "C" NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  version_id text COLLATE "C" NOT NULL,
  entry jsonb NOT NULL,
  state bytea NOT NULL,
  PRIMARY KEY (board_id, version_id)
);
