-- B3: a committee member tied to a project's proposer (job or contract in the last 3 years, family)
-- recuses; the record is public (ground and note, not the name) and blocks their committee decision.
CREATE TABLE pb_recusal (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id  BIGINT       NOT NULL,
  account_id  BIGINT       NOT NULL,
  ground      VARCHAR(10)  NOT NULL,
  public_note VARCHAR(500) NOT NULL,
  declared_at DATETIME(6)  NOT NULL,
  CONSTRAINT fk_pb_recusal_project FOREIGN KEY (project_id) REFERENCES pb_project (id),
  CONSTRAINT fk_pb_recusal_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT uq_pb_recusal UNIQUE (project_id, account_id),
  CONSTRAINT chk_pb_recusal_ground CHECK (ground IN ('JOB', 'CONTRACT', 'FAMILY', 'OTHER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
