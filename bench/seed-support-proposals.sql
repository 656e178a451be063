-- Proposals for the 공감 benchmark: 4,000 PUBLISHED proposals in their support window, authored by a demo crowd
-- account (never by citizen001..300, so nobody supports their own). Review threshold 50 and forum threshold 100 as
-- configured: with 64 users a proposal reaches 50 (review trigger, row-locked, once) but never 100.
-- Run: bench/sql.sh JDBC_URL bench/seed-support-proposals.sql; the ids are printed by the last SELECT (contiguous).
DELETE s FROM proposal_support s JOIN proposal p ON p.id = s.proposal_id WHERE p.code LIKE 'S-%';
DELETE e FROM proposal_event e JOIN proposal p ON p.id = e.proposal_id WHERE p.code LIKE 'S-%';
DELETE g FROM proposal_gram g JOIN proposal p ON p.id = g.proposal_id WHERE p.code LIKE 'S-%';
DELETE FROM proposal WHERE code LIKE 'S-%';
DROP TEMPORARY TABLE IF EXISTS seed_digit;
CREATE TEMPORARY TABLE seed_digit (d INT NOT NULL PRIMARY KEY);
INSERT INTO seed_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9);
INSERT INTO proposal (code, title, body, category, gu_code, author_id, status, search_text, support_window_days,
  review_threshold, review_sla_days, forum_threshold, forum_days, mayor_threshold, mayor_sla_days, submitted_at,
  published_at, support_deadline, support_count, created_at, updated_at)
SELECT CONCAT('S-', LPAD(n, 6, '0')), CONCAT('공감 벤치마크 제안 ', n), '벤치마크용 제안 본문입니다.', 'TRANSPORT', NULL,
  (SELECT MIN(id) FROM account WHERE email LIKE 'crowd%@demo.hamkke.kr'), 'PUBLISHED',
  CONCAT('공감벤치마크제안', n, '벤치마크용제안본문입니다.'), 30, 50, 30, 100, 30, 1000, 30,
  UTC_TIMESTAMP(6) - INTERVAL 1 DAY, UTC_TIMESTAMP(6) - INTERVAL 1 HOUR, UTC_TIMESTAMP(6) + INTERVAL 29 DAY, 0,
  UTC_TIMESTAMP(6) - INTERVAL 1 DAY, UTC_TIMESTAMP(6)
FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS n FROM seed_digit a, seed_digit b, seed_digit c, seed_digit e
      WHERE a.d + 10 * b.d + 100 * c.d + 1000 * e.d < 4000) t ORDER BY n;
DROP TEMPORARY TABLE seed_digit;
SELECT MIN(id), MAX(id), COUNT(*) FROM proposal WHERE code LIKE 'S-%';
