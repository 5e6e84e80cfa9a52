-- 0001: event log, catalog projection, settings, OBS connections.

-- The show is an append-only log of facts. seq is local order; id (UUIDv7) and hlc order facts across
-- machines; acked_at is set when the cloud has acknowledged the row (NULL = still in the outbox).
CREATE TABLE event_log (
  seq         INTEGER PRIMARY KEY,
  id          TEXT    NOT NULL UNIQUE,
  hlc         TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  session_id  TEXT,
  subject     TEXT,
  payload     TEXT    NOT NULL,
  recorded_at INTEGER NOT NULL,
  acked_at    INTEGER
) STRICT;
CREATE INDEX event_log_type ON event_log (type, seq);
CREATE INDEX event_log_session ON event_log (session_id, seq) WHERE session_id IS NOT NULL;
CREATE INDEX event_log_subject ON event_log (subject, seq) WHERE subject IS NOT NULL;
CREATE INDEX event_log_outbox ON event_log (seq) WHERE acked_at IS NULL;

-- Catalog projection of ProductCreated / ProductUpdated / ProductDeleted. Deletion is a tombstone so that
-- late edits from other machines cannot resurrect a product silently.
CREATE TABLE products (
  id                TEXT    PRIMARY KEY,
  sku               TEXT    NOT NULL,
  name              TEXT    NOT NULL,
  currency          TEXT    NOT NULL CHECK (length(currency) = 3),
  price_minor       INTEGER NOT NULL CHECK (price_minor >= 0),
  promo_price_minor INTEGER CHECK (promo_price_minor >= 0),
  stock             INTEGER NOT NULL CHECK (stock >= 0),
  image_url         TEXT,
  talking_points    TEXT    NOT NULL DEFAULT '[]',
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  updated_hlc       TEXT    NOT NULL,
  deleted_at        INTEGER
) STRICT;
CREATE UNIQUE INDEX products_live_sku ON products (sku) WHERE deleted_at IS NULL;
CREATE INDEX products_name ON products (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE settings (
  key        TEXT    PRIMARY KEY,
  value      TEXT    NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Passwords are stored encrypted by the host's secret box (Electron safeStorage, or a 0600 key file).
CREATE TABLE obs_connections (
  name         TEXT    PRIMARY KEY,
  url          TEXT    NOT NULL,
  password_enc TEXT,
  auto_connect INTEGER NOT NULL DEFAULT 1 CHECK (auto_connect IN (0, 1)),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;
