-- Budget lines (세부사업), execution snapshots, funding links, milestones, followers (DOMAIN §7).
-- Money is integer 원 (BIGINT); 예산현액, 증감, 집행률 are computed, never stored.

CREATE TABLE budget_line (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  fiscal_year       SMALLINT     NOT NULL,
  bureau            VARCHAR(100) NOT NULL,
  division          VARCHAR(100) NOT NULL DEFAULT '',
  program_name      VARCHAR(200) NOT NULL,
  program_code      VARCHAR(40)  NULL,
  kind              VARCHAR(10)  NOT NULL DEFAULT 'PROGRAM',
  original_won      BIGINT       NOT NULL,
  final_won         BIGINT       NOT NULL,
  carried_over_won  BIGINT       NOT NULL DEFAULT 0,
  prev_original_won BIGINT       NULL,
  prev_final_won    BIGINT       NULL,
  pb_tag            BOOLEAN      NOT NULL DEFAULT FALSE,
  gu_code           CHAR(5)      NULL,
  status            VARCHAR(12)  NOT NULL DEFAULT 'REQUESTED',
  status_reason_code VARCHAR(30) NULL,
  status_reason     VARCHAR(1000) NULL,
  published         BOOLEAN      NOT NULL DEFAULT FALSE,
  source            VARCHAR(300) NULL,
  created_by        BIGINT       NULL,
  created_at        DATETIME(6)  NOT NULL,
  updated_at        DATETIME(6)  NOT NULL,
  CONSTRAINT uq_budget_line UNIQUE (fiscal_year, bureau, division, program_name),
  CONSTRAINT fk_budget_line_gu FOREIGN KEY (gu_code) REFERENCES district (gu_code),
  CONSTRAINT ck_budget_line_year CHECK (fiscal_year BETWEEN 2000 AND 2100),
  CONSTRAINT ck_budget_line_kind CHECK (kind IN ('PROGRAM', 'BASIC')),
  CONSTRAINT ck_budget_line_status CHECK (status IN ('REQUESTED', 'COMPILED', 'CONFIRMED', 'CUT', 'UNUSED')),
  CONSTRAINT ck_budget_line_amounts CHECK (original_won >= 0 AND final_won >= 0 AND carried_over_won >= 0
      AND (prev_original_won IS NULL OR prev_original_won >= 0) AND (prev_final_won IS NULL OR prev_final_won >= 0)),
  CONSTRAINT ck_budget_line_reason CHECK (status NOT IN ('CUT', 'UNUSED')
      OR (status_reason_code IS NOT NULL AND CHAR_LENGTH(status_reason) >= 20)),
  INDEX ix_budget_line_year (fiscal_year, bureau, division)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE execution_snapshot (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  budget_line_id      BIGINT       NOT NULL,
  as_of               DATE         NOT NULL,
  committed_won       BIGINT       NOT NULL,
  spent_won           BIGINT       NOT NULL,
  stated_forecast_won BIGINT       NULL,
  source              VARCHAR(300) NULL,
  source_row          INT          NULL,
  entered_by          BIGINT       NULL,
  created_at          DATETIME(6)  NOT NULL,
  CONSTRAINT uq_snapshot_line_date UNIQUE (budget_line_id, as_of),
  CONSTRAINT fk_snapshot_line FOREIGN KEY (budget_line_id) REFERENCES budget_line (id),
  CONSTRAINT ck_snapshot_amounts CHECK (committed_won >= 0 AND spent_won >= 0
      AND (stated_forecast_won IS NULL OR stated_forecast_won >= 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A decision to fund (or not) a citizen-decided subject, with the line and amount when funded.
CREATE TABLE funding (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  budget_line_id   BIGINT        NULL,
  subject_kind     VARCHAR(20)   NOT NULL,
  subject_id       BIGINT        NOT NULL,
  subject_title    VARCHAR(300)  NOT NULL,
  outcome          VARCHAR(12)   NOT NULL,
  amount_won       BIGINT        NOT NULL DEFAULT 0,
  reason_code      VARCHAR(30)   NULL,
  public_reason    VARCHAR(1000) NULL,
  note             VARCHAR(1000) NOT NULL,
  created_by       BIGINT        NULL,
  created_at       DATETIME(6)   NOT NULL,
  CONSTRAINT fk_funding_line FOREIGN KEY (budget_line_id) REFERENCES budget_line (id),
  CONSTRAINT ck_funding_kind CHECK (subject_kind IN ('PB_PROJECT', 'PROPOSAL', 'POLICY_PROPOSAL')),
  CONSTRAINT ck_funding_outcome CHECK (outcome IN ('FUNDED', 'REDUCED', 'NOT_FUNDED')),
  CONSTRAINT ck_funding_amount CHECK (amount_won >= 0),
  CONSTRAINT ck_funding_line CHECK ((outcome = 'NOT_FUNDED' AND budget_line_id IS NULL AND amount_won = 0)
      OR (outcome <> 'NOT_FUNDED' AND budget_line_id IS NOT NULL AND amount_won > 0)),
  CONSTRAINT ck_funding_reason CHECK (outcome = 'FUNDED'
      OR (reason_code IS NOT NULL AND CHAR_LENGTH(public_reason) >= 20)),
  INDEX ix_funding_subject (subject_kind, subject_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE funding_milestone (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subject_kind VARCHAR(20)  NOT NULL,
  subject_id   BIGINT       NOT NULL,
  occurred_on  DATE         NOT NULL,
  text         VARCHAR(500) NOT NULL,
  completed    BOOLEAN      NOT NULL DEFAULT FALSE,
  created_by   BIGINT       NULL,
  created_at   DATETIME(6)  NOT NULL,
  CONSTRAINT ck_milestone_kind CHECK (subject_kind IN ('PB_PROJECT', 'PROPOSAL', 'POLICY_PROPOSAL')),
  CONSTRAINT ck_milestone_text CHECK (CHAR_LENGTH(text) >= 2),
  INDEX ix_milestone_subject (subject_kind, subject_id, occurred_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Citizens who asked to hear about a funded subject (notified when it is cut or not funded).
CREATE TABLE funding_follower (
  subject_kind VARCHAR(20) NOT NULL,
  subject_id   BIGINT      NOT NULL,
  account_id   BIGINT      NOT NULL,
  created_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (subject_kind, subject_id, account_id),
  CONSTRAINT fk_follower_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT ck_follower_kind CHECK (subject_kind IN ('PB_PROJECT', 'PROPOSAL', 'POLICY_PROPOSAL'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CSV imports: the uploaded file, every finding (typed vs computed) and the staff corrections with notes.
CREATE TABLE budget_import (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  source         VARCHAR(300) NOT NULL,
  fiscal_year    SMALLINT     NOT NULL,
  bureau         VARCHAR(100) NULL,
  format         VARCHAR(20)  NULL,
  as_of          DATE         NULL,
  encoding       VARCHAR(20)  NULL,
  rows_read      INT          NOT NULL DEFAULT 0,
  lines_accepted INT          NOT NULL DEFAULT 0,
  status         VARCHAR(10)  NOT NULL DEFAULT 'PREVIEW',
  content        MEDIUMBLOB   NOT NULL,
  imported_by    BIGINT       NULL,
  created_at     DATETIME(6)  NOT NULL,
  applied_at     DATETIME(6)  NULL,
  CONSTRAINT ck_import_status CHECK (status IN ('PREVIEW', 'APPLIED', 'REJECTED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE budget_import_finding (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  import_id   BIGINT        NOT NULL,
  level       VARCHAR(10)   NOT NULL,
  row_no      INT           NOT NULL,
  column_name VARCHAR(30)   NULL,
  typed       VARCHAR(300)  NULL,
  computed    VARCHAR(300)  NULL,
  message     VARCHAR(1000) NOT NULL,
  resolved_value VARCHAR(100) NULL,
  resolved_note  VARCHAR(1000) NULL,
  CONSTRAINT fk_finding_import FOREIGN KEY (import_id) REFERENCES budget_import (id),
  CONSTRAINT ck_finding_level CHECK (level IN ('ERROR', 'WARNING', 'INFO')),
  INDEX ix_finding_import (import_id, row_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE budget_import_correction (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  import_id   BIGINT        NOT NULL,
  row_no      INT           NOT NULL,
  column_name VARCHAR(30)   NOT NULL,
  value       VARCHAR(100)  NOT NULL,
  note        VARCHAR(1000) NOT NULL,
  created_by  BIGINT        NULL,
  created_at  DATETIME(6)   NOT NULL,
  CONSTRAINT uq_correction UNIQUE (import_id, row_no, column_name),
  CONSTRAINT fk_correction_import FOREIGN KEY (import_id) REFERENCES budget_import (id),
  CONSTRAINT ck_correction_note CHECK (CHAR_LENGTH(note) >= 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
