-- Append-only, hash-chained audit log. Several independent chains (chain_no) let concurrent
-- transactions append without queueing on one row; each chain's head is locked while appending.
-- hash = SHA-256(prev_hash || canonical row). In production the application's DB user gets only
-- SELECT and INSERT on audit_event (docs/OPERATIONS.md).
CREATE TABLE audit_event (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  chain_no     TINYINT      NOT NULL,
  seq          BIGINT       NOT NULL,
  occurred_at  DATETIME(6)  NOT NULL,
  actor_id     BIGINT       NULL,
  actor_role   VARCHAR(20)  NULL,
  action       VARCHAR(60)  NOT NULL,
  subject_type VARCHAR(40)  NOT NULL,
  subject_id   VARCHAR(64)  NOT NULL,
  summary      TEXT         NOT NULL,
  reason       VARCHAR(1000) NULL,
  prev_hash    CHAR(64)     NOT NULL,
  hash         CHAR(64)     NOT NULL,
  CONSTRAINT uq_audit_chain_seq UNIQUE (chain_no, seq),
  INDEX ix_audit_subject (subject_type, subject_id),
  INDEX ix_audit_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_chain_head (
  chain_no  TINYINT  NOT NULL PRIMARY KEY,
  seq       BIGINT   NOT NULL,
  hash      CHAR(64) NOT NULL
) ENGINE=InnoDB;

INSERT INTO audit_chain_head (chain_no, seq, hash) VALUES
 (0,0,'0000000000000000000000000000000000000000000000000000000000000000'),
 (1,0,'0000000000000000000000000000000000000000000000000000000000000000'),
 (2,0,'0000000000000000000000000000000000000000000000000000000000000000'),
 (3,0,'0000000000000000000000000000000000000000000000000000000000000000'),
 (4,0,'0000000000000000000000000000000000000000000000000000000000000000'),
 (5,0,'0000000000000000000000000000000000000000000000000000000000000000'),
 (6,0,'0000000000000000000000000000000000000000000000000000000000000000'),
 (7,0,'0000000000000000000000000000000000000000000000000000000000000000');

-- Login throttling by client address as well as by account (enumeration-safe).
CREATE TABLE login_attempt (
  id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_key VARCHAR(80) NOT NULL,
  success    BOOLEAN     NOT NULL,
  at         DATETIME(6) NOT NULL,
  INDEX ix_login_attempt (client_key, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
