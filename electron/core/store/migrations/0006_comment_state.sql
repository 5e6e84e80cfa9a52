-- 0006: the chat panel reads comments from the event log itself (its CommentReceived rows, newest first through
-- event_log_type); beside them is kept only what changes after a comment arrived: pins, answers, blocks and
-- corrected labels. A full projection row per comment doubled the rows written at thousands of comments a
-- second, for data the log row already holds.
CREATE TABLE comment_state (
  -- The event_log seq of the comment's CommentReceived event.
  seq       INTEGER PRIMARY KEY,
  pinned    INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  answered  INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1)),
  -- Contains a blocked word (the current list; written at ingest and again when the list changes).
  blocked   INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
  -- The label a person gave it (LabelCorrected); NULL while the event's own label stands.
  corrected INTEGER NOT NULL DEFAULT 0 CHECK (corrected IN (0, 1)),
  sentiment TEXT    CHECK (sentiment IN ('negative', 'neutral', 'positive')),
  -- Bit set: 1 purchase, 2 price_objection, 4 question, 8 complaint, 16 praise.
  intents   INTEGER CHECK (intents BETWEEN 0 AND 31)
) STRICT;
CREATE INDEX comment_state_pinned ON comment_state (seq) WHERE pinned = 1;

INSERT INTO comment_state (seq, pinned, answered, blocked, corrected, sentiment, intents)
  SELECT seq, pinned, answered, blocked, corrected,
         CASE WHEN corrected = 1 THEN sentiment END,
         CASE WHEN corrected = 1 THEN intents END
    FROM comments
   WHERE pinned = 1 OR answered = 1 OR blocked = 1 OR corrected = 1;

-- Tables only grow (STYLE §4), so `comments` stays, empty and no longer written; its rows are copies of log rows
-- (the state kept above), and emptied it cannot hold text past the retention purge, which now works on the log.
DELETE FROM comments;
DROP INDEX comments_purchase;
DROP INDEX comments_price_objection;
DROP INDEX comments_question;
DROP INDEX comments_complaint;
DROP INDEX comments_praise;
DROP INDEX comments_pinned;
