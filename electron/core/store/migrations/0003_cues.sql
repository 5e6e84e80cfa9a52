-- 0003: product cues (sessions, queue, run-of-show). Filled in by the cues work.
SELECT 1;
