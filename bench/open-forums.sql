-- Open forums (comma-separated ids) for the positions of the vote-day mix.
SELECT COALESCE(GROUP_CONCAT(id ORDER BY id), '') AS forums FROM forum WHERE status = 'OPEN' AND closes_at > UTC_TIMESTAMP(6);
