-- 0004: audience (connectors, comments, orders). Filled in by the audience work.
SELECT 1;
