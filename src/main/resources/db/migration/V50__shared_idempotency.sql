-- Idempotency-Key records of the shared mechanism (kr.hamkke.shared.idempotency): one row per
-- account and key, written in the same transaction as the action it protects, so a retried request
-- either finds the committed first answer or runs as if it were the first.
CREATE TABLE idempotency_record (
  account_id   BIGINT       NOT NULL,
  idem_key     VARCHAR(100) NOT NULL,
  request_hash CHAR(64)     NOT NULL,
  status_code  INT          NULL,
  response     TEXT         NULL,
  created_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (account_id, idem_key),
  INDEX ix_idempotency_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
