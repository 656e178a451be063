-- An adopted 정책제안 sent on as a 민주주의 서울 proposal or a 시민참여예산 candidate: a recorded link shown publicly.
CREATE TABLE assembly_proposal_link (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id BIGINT       NOT NULL,
  target      VARCHAR(10)  NOT NULL,
  target_id   BIGINT       NOT NULL,
  note        VARCHAR(500) NULL,
  linked_by   BIGINT       NULL,
  linked_at   DATETIME(6)  NOT NULL,
  CONSTRAINT fk_assembly_link_proposal FOREIGN KEY (proposal_id) REFERENCES assembly_policy_proposal (id),
  CONSTRAINT uq_assembly_link UNIQUE (proposal_id, target),
  CONSTRAINT chk_assembly_link_target CHECK (target IN ('PROPOSALS','BUDGETING'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
