-- 회의록 (minutes) per topic meeting, separate from the short public summary (assembly_meeting.summary).
-- Every save is a new row (version 1, 2, …), so earlier drafts and published versions are kept;
-- the public sees the latest PUBLISHED row.
CREATE TABLE assembly_minutes (
  id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  meeting_id        BIGINT      NOT NULL,
  version           INT         NOT NULL,
  status            VARCHAR(9)  NOT NULL,
  body              TEXT        NOT NULL,
  author_account_id BIGINT      NOT NULL,
  saved_at          DATETIME(6) NOT NULL,
  CONSTRAINT fk_assembly_minutes_meeting FOREIGN KEY (meeting_id) REFERENCES assembly_meeting (id),
  CONSTRAINT fk_assembly_minutes_author FOREIGN KEY (author_account_id) REFERENCES account (id),
  CONSTRAINT uq_assembly_minutes UNIQUE (meeting_id, version),
  CONSTRAINT chk_assembly_minutes_status CHECK (status IN ('DRAFT','PUBLISHED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
