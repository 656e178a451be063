-- B9: officer A keys a paper sheet, officer B re-keys it; a mismatch is queued for review.
ALTER TABLE pb_paper_issuance
  ADD COLUMN first_keying  VARCHAR(800) NULL,
  ADD COLUMN first_officer BIGINT       NULL,
  ADD COLUMN mismatch_at   DATETIME(6)  NULL;
