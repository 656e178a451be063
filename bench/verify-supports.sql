-- After a 공감 run: every counter equals its rows, and nobody supports twice. All three must print 0.
-- (The 100k list-benchmark rows, code 'B-%', carry seeded counters without support rows and are left out.)
SELECT COUNT(*) AS counter_drift FROM proposal p
  WHERE p.code NOT LIKE 'B-%' AND p.support_count <> (SELECT COUNT(*) FROM proposal_support s WHERE s.proposal_id = p.id);
SELECT COUNT(*) AS duplicate_pairs FROM (SELECT proposal_id, identity_hash FROM proposal_support
  GROUP BY proposal_id, identity_hash HAVING COUNT(*) > 1) d;
SELECT COUNT(*) AS audit_missing FROM proposal p WHERE p.code LIKE 'S-%' AND p.support_count > 0
  AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.subject_type = 'proposal' AND a.subject_id = CAST(p.id AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_unicode_ci
                  AND a.action = 'proposal.support');
SELECT COUNT(*) AS bench_supports FROM proposal_support s JOIN proposal p ON p.id = s.proposal_id WHERE p.code LIKE 'S-%';
