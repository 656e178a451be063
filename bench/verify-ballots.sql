-- After a ballot run on track BENCH10: one ballot per identity, every current ballot has exactly 10 selections and
-- exactly one current receipt, and every acknowledged submit left one receipt (receipts = SUM(version) = the
-- driver's "acknowledged ballots" count). The first three must print 0.
SELECT COUNT(*) AS duplicate_ballots FROM (SELECT identity_hash FROM pb_ballot b JOIN pb_track t ON t.id = b.track_id
  WHERE t.code = 'BENCH10' GROUP BY b.track_id, identity_hash HAVING COUNT(*) > 1) d;
SELECT COUNT(*) AS ballots_without_10_picks FROM pb_ballot b JOIN pb_track t ON t.id = b.track_id WHERE t.code = 'BENCH10'
  AND (SELECT COUNT(*) FROM pb_ballot_selection s WHERE s.ballot_id = b.id) <> 10;
SELECT COUNT(*) AS ballots_without_one_current_receipt FROM pb_ballot b JOIN pb_track t ON t.id = b.track_id WHERE t.code = 'BENCH10'
  AND (SELECT COUNT(*) FROM pb_receipt r WHERE r.ballot_id = b.id AND r.superseded_at IS NULL) <> 1;
SELECT COUNT(*) AS ballots, COALESCE(SUM(b.version), 0) AS submits_stored,
  (SELECT COUNT(*) FROM pb_receipt r JOIN pb_track t2 ON t2.id = r.track_id WHERE t2.code = 'BENCH10') AS receipts
  FROM pb_ballot b JOIN pb_track t ON t.id = b.track_id WHERE t.code = 'BENCH10';
