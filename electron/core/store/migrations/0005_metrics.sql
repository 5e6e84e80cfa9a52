-- 0005: orders (webhook sources, delivery de-duplication, orders and refunds by platform id) and metrics
-- (per-second buckets and per-minute rollups of the live metrics engine).

-- Where orders come from: a Shopify shop (HMAC secret, encrypted by the core's SecretBox) or a generic
-- webhook sender (bearer token, stored as its SHA-256 only).
CREATE TABLE order_sources (
  id          TEXT    PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('shopify', 'generic')),
  name        TEXT    NOT NULL,
  platform    TEXT    NOT NULL,
  secret_enc  TEXT,
  token_hash  TEXT,
  created_at  INTEGER NOT NULL,
  accepted    INTEGER NOT NULL DEFAULT 0,
  duplicates  INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  unauthorized INTEGER NOT NULL DEFAULT 0,
  last_at     INTEGER
) STRICT;

-- One row per webhook delivery id: a redelivery of the same id is acknowledged and not stored again.
CREATE TABLE order_deliveries (
  source_id   TEXT    NOT NULL REFERENCES order_sources (id),
  delivery_id TEXT    NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (source_id, delivery_id)
) STRICT, WITHOUT ROWID;

-- Orders and refunds recorded through the order webhooks, keyed by the platform's own ids: the same order
-- arriving by two paths is recorded once.
CREATE TABLE orders (
  platform    TEXT    NOT NULL,
  order_id    TEXT    NOT NULL,
  event_id    TEXT    NOT NULL,
  source_id   TEXT,
  amount      INTEGER NOT NULL,
  currency    TEXT    NOT NULL,
  placed_at   INTEGER NOT NULL,
  PRIMARY KEY (platform, order_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE order_refunds (
  platform    TEXT    NOT NULL,
  refund_id   TEXT    NOT NULL,
  order_id    TEXT    NOT NULL,
  event_id    TEXT    NOT NULL,
  amount      INTEGER NOT NULL,
  currency    TEXT    NOT NULL,
  refunded_at INTEGER NOT NULL,
  PRIMARY KEY (platform, refund_id)
) STRICT, WITHOUT ROWID;

-- Buckets of the live metrics engine. scope is the show session id (or 'room:<seq>' before any show);
-- resolution 1000 = per second, 60000 = per minute. data is the bucket's counters as JSON.
CREATE TABLE metric_buckets (
  scope       TEXT    NOT NULL,
  resolution  INTEGER NOT NULL CHECK (resolution IN (1000, 60000)),
  t           INTEGER NOT NULL,
  data        TEXT    NOT NULL,
  PRIMARY KEY (scope, resolution, t)
) STRICT, WITHOUT ROWID;
