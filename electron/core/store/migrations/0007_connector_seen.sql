-- 0007: the message ids a platform connector delivered last, kept across app restarts. TikTok resends the room's
-- recent messages on every new connection, and YouTube's first poll returns the recent chat: without these, the
-- first batch after a restart was stored a second time. One row per connector: its most recent ids, newest
-- last, as a JSON array (at most 5,000).
CREATE TABLE connector_seen (
  connector_id TEXT    PRIMARY KEY,
  ids          TEXT    NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;
