-- One row per funded subject (kind, id) with the amount linked to budget lines so far. BudgetLineService.link
-- locks it (after the line, always in that order) and reads the total from the locked row — a locking read sees
-- the latest commit, where a plain SUM over funding could read an older snapshot — so links on different lines
-- cannot together give a subject more than citizens decided.
CREATE TABLE funding_subject_total (
  subject_kind VARCHAR(20) NOT NULL,
  subject_id   BIGINT      NOT NULL,
  linked_won   BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (subject_kind, subject_id),
  CONSTRAINT ck_subject_total_amount CHECK (linked_won >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO funding_subject_total (subject_kind, subject_id, linked_won)
SELECT subject_kind, subject_id, SUM(amount_won) FROM funding WHERE budget_line_id IS NOT NULL
GROUP BY subject_kind, subject_id;
