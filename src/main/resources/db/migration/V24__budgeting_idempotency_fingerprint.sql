-- A retried ballot must be the same ballot: the key remembers what it was used for, so reusing it for
-- different picks is refused (422) instead of silently replaying the first answer.
ALTER TABLE pb_idempotency ADD COLUMN request_hash CHAR(64) NULL;
