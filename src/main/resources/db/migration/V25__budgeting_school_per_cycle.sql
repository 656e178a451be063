-- 예산학교 completion per cycle: the precondition of 참여예산위원회 membership (B3/B4). Staff record it;
-- a committee member without a row for the cycle takes no committee decision on its projects.
-- (pb_budget_school of V20 stays: it decides the BUDGET_SCHOOL ballot group, independent of cycles.)
CREATE TABLE pb_school_completion (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id     BIGINT       NOT NULL,
  account_id   BIGINT       NOT NULL,
  completed_on DATE         NOT NULL,
  course_note  VARCHAR(200) NOT NULL,
  recorded_by  BIGINT       NULL,
  recorded_at  DATETIME(6)  NOT NULL,
  CONSTRAINT uq_pb_school_completion UNIQUE (cycle_id, account_id),
  CONSTRAINT fk_pb_school_completion_cycle FOREIGN KEY (cycle_id) REFERENCES pb_cycle (id),
  CONSTRAINT fk_pb_school_completion_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
