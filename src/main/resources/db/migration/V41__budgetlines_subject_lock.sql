-- One row per funded subject (kind, id): BudgetLineService.link locks it (after the line) so that links on
-- different lines for the same subject cannot together exceed the amount citizens decided.
CREATE TABLE funding_subject_lock (
  subject_kind VARCHAR(20) NOT NULL,
  subject_id   BIGINT      NOT NULL,
  PRIMARY KEY (subject_kind, subject_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
