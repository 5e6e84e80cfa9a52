-- 0002: alerts projection (AlertRaised / AlertCleared / AlertAcknowledged events).
CREATE TABLE alerts (
  id              TEXT    PRIMARY KEY,
  rule            TEXT    NOT NULL,
  severity        TEXT    NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  message         TEXT    NOT NULL,
  subject         TEXT,
  raised_at       INTEGER NOT NULL,
  cleared_at      INTEGER,
  acknowledged_at INTEGER
) STRICT;
CREATE INDEX alerts_recent ON alerts (raised_at DESC);
-- At most one active alert per rule and subject.
CREATE UNIQUE INDEX alerts_active ON alerts (rule, coalesce(subject, '')) WHERE cleared_at IS NULL;
