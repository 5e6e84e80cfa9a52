-- 0003: product cues. Every table here is a projection of events in event_log (SessionCreated, QueueItemAdded,
-- QueueItemMoved, QueueItemUpdated, SegmentAdded, SegmentStarted, …), written in the same transaction as them.
-- Order keys (`position`) are base-62 fractional index keys compared byte-wise; lists sort by (position, id).
-- `fields` columns hold field-level last-writer-wins registers: {"field": {"set": bool, "value": …, "hlc": "…"}}.

CREATE TABLE show_sessions (
  id                 TEXT    PRIMARY KEY,
  title              TEXT    NOT NULL,
  planned_start      INTEGER,
  status             TEXT    NOT NULL CHECK (status IN ('planned', 'live', 'ended')),
  created_at         INTEGER NOT NULL,
  started_at         INTEGER,
  ended_at           INTEGER,
  -- Live position: the segment on air and when it started (NULL before the show).
  current_segment_id TEXT,
  segment_started_at INTEGER,
  last_via           TEXT CHECK (last_via IN ('start', 'next', 'previous', 'goto', 'end')),
  updated_hlc        TEXT    NOT NULL
) STRICT;
CREATE INDEX show_sessions_recent ON show_sessions (created_at DESC);
-- One live show per studio at a time.
CREATE UNIQUE INDEX show_sessions_one_live ON show_sessions (status) WHERE status = 'live';

-- The session's product queue. Money inside `fields` and `product_snapshot` is {amount (minor units), currency}.
CREATE TABLE queue_items (
  id               TEXT    PRIMARY KEY,
  session_id       TEXT    NOT NULL REFERENCES show_sessions (id),
  product_id       TEXT    NOT NULL,
  position         TEXT    NOT NULL,
  position_hlc     TEXT    NOT NULL,
  -- The catalog product as it was when queued: what the show sold if the product is deleted later.
  product_snapshot TEXT    NOT NULL CHECK (json_valid(product_snapshot)),
  fields           TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(fields)),
  added_at         INTEGER NOT NULL,
  added_hlc        TEXT    NOT NULL,
  removed_at       INTEGER,
  removed_hlc      TEXT
) STRICT;
CREATE INDEX queue_items_order ON queue_items (session_id, position, id) WHERE removed_at IS NULL;
-- A product is queued at most once per session.
CREATE UNIQUE INDEX queue_items_product ON queue_items (session_id, product_id) WHERE removed_at IS NULL;

-- The run-of-show. Removal is a tombstone: the log and the presentations keep referring to the segment.
CREATE TABLE script_segments (
  id           TEXT    PRIMARY KEY,
  session_id   TEXT    NOT NULL REFERENCES show_sessions (id),
  position     TEXT    NOT NULL,
  position_hlc TEXT    NOT NULL,
  fields       TEXT    NOT NULL CHECK (json_valid(fields)),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  removed_at   INTEGER,
  removed_hlc  TEXT
) STRICT;
CREATE INDEX script_segments_order ON script_segments (session_id, position, id) WHERE removed_at IS NULL;

-- Projection of SegmentStarted / ProductPresented: what was on air when, for the review and per-product
-- attribution (讲解转化). ended_at is set when the next segment starts or the show ends.
CREATE TABLE cue_presentations (
  id            TEXT    PRIMARY KEY,
  session_id    TEXT    NOT NULL REFERENCES show_sessions (id),
  segment_id    TEXT    NOT NULL REFERENCES script_segments (id),
  product_id    TEXT,
  queue_item_id TEXT,
  via           TEXT    NOT NULL CHECK (via IN ('start', 'next', 'previous', 'goto')),
  started_at    INTEGER NOT NULL,
  ended_at      INTEGER
) STRICT;
CREATE INDEX cue_presentations_session ON cue_presentations (session_id, started_at);
CREATE INDEX cue_presentations_product ON cue_presentations (product_id, started_at) WHERE product_id IS NOT NULL;

CREATE TABLE host_messages (
  id         TEXT    PRIMARY KEY,
  session_id TEXT    REFERENCES show_sessions (id),
  text       TEXT    NOT NULL,
  sender     TEXT,
  posted_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX host_messages_recent ON host_messages (session_id, posted_at);

-- Audience questions pinned for the host; unpinning records HostQuestionUnpinned and sets unpinned_at.
CREATE TABLE host_pins (
  id          TEXT    PRIMARY KEY,
  text        TEXT    NOT NULL,
  author      TEXT,
  pinned_at   INTEGER NOT NULL,
  unpinned_at INTEGER
) STRICT;
CREATE INDEX host_pins_active ON host_pins (pinned_at) WHERE unpinned_at IS NULL;
