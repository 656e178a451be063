-- Comment edit history: earlier versions are kept (comment_revision) and the comment shows "수정됨".
ALTER TABLE comment ADD COLUMN edited_at DATETIME(6) NULL;
-- When a moderator last masked personal data in the comment (its text and every earlier version).
ALTER TABLE comment ADD COLUMN masked_at DATETIME(6) NULL;

CREATE TABLE comment_revision (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  comment_id  BIGINT        NOT NULL,
  body        VARCHAR(1000) NOT NULL,
  written_at  DATETIME(6)   NOT NULL,
  replaced_at DATETIME(6)   NOT NULL,
  CONSTRAINT fk_revision_comment FOREIGN KEY (comment_id) REFERENCES comment (id),
  INDEX ix_revision_comment (comment_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- P10 "personal data is hidden at once": a moderator masks it; the masked text itself is recorded nowhere.
CREATE TABLE comment_redaction (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  comment_id   BIGINT        NOT NULL,
  moderator_id BIGINT        NOT NULL,
  reason       VARCHAR(1000) NOT NULL,
  masked_count INT           NOT NULL,
  created_at   DATETIME(6)   NOT NULL,
  CONSTRAINT fk_redaction_comment FOREIGN KEY (comment_id) REFERENCES comment (id),
  CONSTRAINT fk_redaction_moderator FOREIGN KEY (moderator_id) REFERENCES account (id),
  INDEX ix_redaction_comment (comment_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- DOMAIN §4.2: a HIDDEN proposal has one appeal, decided by a moderator other than the one who hid it.
CREATE TABLE proposal_appeal (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id     BIGINT        NOT NULL,
  author_id       BIGINT        NOT NULL,
  statement       VARCHAR(2000) NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  decided_by      BIGINT        NULL,
  decision        VARCHAR(10)   NULL,
  decision_reason VARCHAR(1000) NULL,
  restored_status VARCHAR(16)   NULL,
  decided_at      DATETIME(6)   NULL,
  CONSTRAINT uq_proposal_appeal UNIQUE (proposal_id),
  CONSTRAINT fk_pappeal_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
  CONSTRAINT fk_pappeal_author FOREIGN KEY (author_id) REFERENCES account (id),
  CONSTRAINT fk_pappeal_moderator FOREIGN KEY (decided_by) REFERENCES account (id),
  CONSTRAINT chk_pappeal_decision CHECK (decision IS NULL OR decision IN ('UPHOLD','RESTORE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
