-- A city-wide APPROVAL track with 15 ON_BALLOT projects and max 10 picks for the HTTP ballot benchmark
-- (issue 4: "64 concurrent verified voters, 10 picks each"), added to the live cycle that is in VOTING
-- (demo data: "{Y} 시민공감예산"; the GONGGAM cycle whose VOTING phase contains today in Seoul, as the app's clock, else the newest one). Idempotent: earlier bench ballots and the track 'BENCH10' are removed first.
-- Run: bench/sql.sh JDBC_URL bench/seed-ballot-track.sql; the last SELECT prints the track id and its project ids.
DELETE s FROM pb_ballot_selection s JOIN pb_ballot b ON b.id = s.ballot_id JOIN pb_track t ON t.id = b.track_id WHERE t.code = 'BENCH10';
DELETE r FROM pb_receipt r JOIN pb_track t ON t.id = r.track_id WHERE t.code = 'BENCH10';
DELETE i FROM pb_idempotency i JOIN pb_track t ON t.id = i.track_id WHERE t.code = 'BENCH10';
DELETE b FROM pb_ballot b JOIN pb_track t ON t.id = b.track_id WHERE t.code = 'BENCH10';
DELETE e FROM pb_project_event e JOIN pb_project p ON p.id = e.project_id JOIN pb_track t ON t.id = p.track_id WHERE t.code = 'BENCH10';
DELETE p FROM pb_project p JOIN pb_track t ON t.id = p.track_id WHERE t.code = 'BENCH10';
DELETE FROM pb_track WHERE code = 'BENCH10';
INSERT INTO pb_track (cycle_id, code, name_ko, name_en, scope, envelope_won, running_org_unit, funding_org_unit, ballot_rule,
  max_picks, rule_param, allocation, source)
SELECT COALESCE(MAX(CASE WHEN ph.id IS NOT NULL THEN c.id END), MAX(c.id)), 'BENCH10', '투표 벤치마크 (10개 선택)',
  'Ballot benchmark (10 picks)', 'CITY', 3000000000, 'BUDGET', 'BUDGET', 'APPROVAL', 10, 0, 'GREEDY', 'OPEN_CALL'
FROM pb_cycle c LEFT JOIN pb_phase ph ON ph.cycle_id = c.id AND ph.kind = 'VOTING' AND DATE(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '+09:00')) BETWEEN ph.starts_on AND ph.ends_on
WHERE c.template = 'GONGGAM';
DROP TEMPORARY TABLE IF EXISTS seed_digit;
CREATE TEMPORARY TABLE seed_digit (d INT NOT NULL PRIMARY KEY);
INSERT INTO seed_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13),(14);
INSERT INTO pb_project (code, cycle_id, track_id, title, description, category, requested_cost_won, status, created_at, updated_at)
SELECT CONCAT('BENCH10-', LPAD(d + 1, 3, '0')), t.cycle_id, t.id, CONCAT('벤치마크 사업 ', d + 1), '투표 벤치마크용 사업입니다.',
  '기타', 100000000 + d * 10000000, 'ON_BALLOT', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM seed_digit, pb_track t WHERE t.code = 'BENCH10';
DROP TEMPORARY TABLE seed_digit;
SELECT t.id AS track_id, GROUP_CONCAT(p.id ORDER BY p.id) AS project_ids FROM pb_track t JOIN pb_project p ON p.track_id = t.id
  WHERE t.code = 'BENCH10' GROUP BY t.id;
