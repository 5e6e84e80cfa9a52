-- 0004: audience — comments projection, label corrections, generic-ingest sources.

-- Projection of CommentReceived (and of CommentPinned / CommentUnpinned / CommentAnswered / LabelCorrected /
-- CommentsPurged). seq is the event_log seq of the CommentReceived event, so newest-first pages walk the
-- primary key; the comment's id (the event id) is found through event_log's unique id index instead of a second
-- index here: every index costs on a table written at thousands of rows a second.
CREATE TABLE comments (
  seq          INTEGER PRIMARY KEY,
  id           TEXT    NOT NULL,
  at           INTEGER NOT NULL,
  received_at  INTEGER NOT NULL,
  platform     TEXT    NOT NULL,
  connector_id TEXT    NOT NULL,
  user_hash    TEXT,
  display_name TEXT,
  -- Redacted before it was stored; NULL once the retention setting purged it.
  text         TEXT,
  sentiment    TEXT    CHECK (sentiment IN ('negative', 'neutral', 'positive')),
  -- Bit set: 1 purchase, 2 price_objection, 4 question, 8 complaint, 16 praise.
  intents      INTEGER NOT NULL DEFAULT 0 CHECK (intents BETWEEN 0 AND 31),
  confidence   REAL,
  simulated    INTEGER NOT NULL DEFAULT 0 CHECK (simulated IN (0, 1)),
  pinned       INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  answered     INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1)),
  blocked      INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
  corrected    INTEGER NOT NULL DEFAULT 0 CHECK (corrected IN (0, 1)),
  purged_at    INTEGER
) STRICT;
-- One small partial index per chat-panel filter: each costs only for the rows it holds. The query must repeat
-- the exact WHERE term for SQLite to use it.
CREATE INDEX comments_purchase ON comments (seq) WHERE (intents & 1) != 0;
CREATE INDEX comments_price_objection ON comments (seq) WHERE (intents & 2) != 0;
CREATE INDEX comments_question ON comments (seq) WHERE (intents & 4) != 0;
CREATE INDEX comments_complaint ON comments (seq) WHERE (intents & 8) != 0;
CREATE INDEX comments_praise ON comments (seq) WHERE (intents & 16) != 0;
CREATE INDEX comments_pinned ON comments (seq) WHERE pinned = 1;

-- Labels people gave comments (LabelCorrected events): the studio's training data. The text is the redacted
-- comment text at the time of the correction.
CREATE TABLE label_corrections (
  id                 TEXT    PRIMARY KEY,
  comment_id         TEXT    NOT NULL,
  text               TEXT    NOT NULL,
  sentiment          TEXT    NOT NULL CHECK (sentiment IN ('negative', 'neutral', 'positive')),
  intents            INTEGER NOT NULL CHECK (intents BETWEEN 0 AND 31),
  previous_sentiment TEXT,
  previous_intents   INTEGER,
  corrected_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX label_corrections_comment ON label_corrections (comment_id);

-- Generic webhook / WebSocket ingest sources. Only a SHA-256 of the token is kept (tokens are 256-bit random, so a
-- fast hash is enough); revoking keeps the row as a tombstone.
CREATE TABLE ingest_sources (
  id         TEXT    PRIMARY KEY,
  name       TEXT    NOT NULL,
  platform   TEXT    NOT NULL,
  token_hash TEXT    NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;
CREATE UNIQUE INDEX ingest_sources_live_name ON ingest_sources (name) WHERE revoked_at IS NULL;
