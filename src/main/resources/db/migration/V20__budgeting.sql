-- 시민참여예산: cycles, phases, tracks (tracks are data), projects and their public timeline,
-- ballots (one per identity per track), receipts, tallies and the 한마당 총회 decision.
CREATE TABLE pb_cycle (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name             VARCHAR(100) NOT NULL,
  fiscal_year      SMALLINT     NOT NULL,
  template         VARCHAR(10)  NOT NULL DEFAULT 'GONGGAM',
  weight_citizen   INT          NOT NULL DEFAULT 50,
  weight_committee INT          NOT NULL DEFAULT 40,
  weight_school    INT          NOT NULL DEFAULT 10,
  min_age          INT          NOT NULL DEFAULT 14,
  relations        VARCHAR(40)  NOT NULL DEFAULT 'RESIDENT,WORKER,STUDENT',
  created_at       DATETIME(6)  NOT NULL,
  CONSTRAINT chk_pb_cycle_template CHECK (template IN ('GONGGAM', 'LEGACY', 'RECOUNT')),
  CONSTRAINT chk_pb_cycle_weights CHECK (weight_citizen + weight_committee + weight_school = 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pb_phase (
  id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id  BIGINT      NOT NULL,
  kind      VARCHAR(12) NOT NULL,
  ordinal   INT         NOT NULL,
  starts_on DATE        NOT NULL,
  ends_on   DATE        NOT NULL,
  CONSTRAINT fk_pb_phase_cycle FOREIGN KEY (cycle_id) REFERENCES pb_cycle (id),
  CONSTRAINT uq_pb_phase UNIQUE (cycle_id, kind),
  CONSTRAINT chk_pb_phase_dates CHECK (ends_on >= starts_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pb_track (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id         BIGINT       NOT NULL,
  code             VARCHAR(20)  NOT NULL,
  name_ko          VARCHAR(100) NOT NULL,
  name_en          VARCHAR(100) NOT NULL,
  scope            VARCHAR(4)   NOT NULL,
  scope_unit       VARCHAR(10)  NULL,
  envelope_won     BIGINT       NOT NULL,
  running_org_unit VARCHAR(20)  NULL,
  funding_org_unit VARCHAR(20)  NULL,
  ballot_rule      VARCHAR(10)  NOT NULL DEFAULT 'APPROVAL',
  max_picks        INT          NOT NULL DEFAULT 3,
  rule_param       INT          NOT NULL DEFAULT 0,
  allocation       VARCHAR(6)   NOT NULL DEFAULT 'GREEDY',
  source           VARCHAR(10)  NOT NULL DEFAULT 'OPEN_CALL',
  read_only        BOOLEAN      NOT NULL DEFAULT FALSE,
  CONSTRAINT fk_pb_track_cycle FOREIGN KEY (cycle_id) REFERENCES pb_cycle (id),
  CONSTRAINT uq_pb_track_code UNIQUE (cycle_id, code),
  CONSTRAINT chk_pb_track_scope CHECK (scope IN ('CITY', 'GU', 'DONG')),
  CONSTRAINT chk_pb_track_rule CHECK (ballot_rule IN ('APPROVAL', 'KNAPSACK', 'CUMULATIVE')),
  CONSTRAINT chk_pb_track_alloc CHECK (allocation IN ('GREEDY', 'MES')),
  CONSTRAINT chk_pb_track_envelope CHECK (envelope_won > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pb_project (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code               VARCHAR(30)  NOT NULL,
  cycle_id           BIGINT       NOT NULL,
  track_id           BIGINT       NOT NULL,
  title              VARCHAR(200) NOT NULL,
  description        TEXT         NOT NULL,
  gu_code            CHAR(5)      NULL,
  dong_code          VARCHAR(10)  NULL,
  category           VARCHAR(30)  NOT NULL,
  proposer_id        BIGINT       NULL,
  requested_cost_won BIGINT       NOT NULL,
  adjusted_cost_won  BIGINT       NULL,
  status             VARCHAR(16)  NOT NULL,
  created_at         DATETIME(6)  NOT NULL,
  updated_at         DATETIME(6)  NOT NULL,
  CONSTRAINT fk_pb_project_track FOREIGN KEY (track_id) REFERENCES pb_track (id),
  CONSTRAINT uq_pb_project_code UNIQUE (code),
  CONSTRAINT chk_pb_project_cost CHECK (requested_cost_won > 0),
  INDEX ix_pb_project_track (track_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The public timeline: every transition with actor role, old/new state and the public reason.
CREATE TABLE pb_project_event (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id  BIGINT       NOT NULL,
  occurred_at DATETIME(6)  NOT NULL,
  actor_role  VARCHAR(20)  NOT NULL,
  action      VARCHAR(30)  NOT NULL,
  from_status VARCHAR(16)  NULL,
  to_status   VARCHAR(16)  NULL,
  reason_code VARCHAR(30)  NULL,
  public_text VARCHAR(1000) NULL,
  CONSTRAINT fk_pb_event_project FOREIGN KEY (project_id) REFERENCES pb_project (id),
  INDEX ix_pb_event_project (project_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pb_screening (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id         BIGINT       NOT NULL,
  law_ok             BOOLEAN      NOT NULL,
  duplicate_ok       BOOLEAN      NOT NULL,
  cost_ok            BOOLEAN      NOT NULL,
  scope_ok           BOOLEAN      NOT NULL,
  running_cost_ok    BOOLEAN      NOT NULL,
  decision           VARCHAR(12)  NOT NULL,
  reason_code        VARCHAR(30)  NULL,
  public_reason      VARCHAR(1000) NULL,
  reviewer_id        BIGINT       NOT NULL,
  decided_at         DATETIME(6)  NOT NULL,
  CONSTRAINT fk_pb_screening_project FOREIGN KEY (project_id) REFERENCES pb_project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every feasibility version is kept.
CREATE TABLE pb_feasibility (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id        BIGINT       NOT NULL,
  version           INT          NOT NULL,
  reviewer_id       BIGINT       NOT NULL,
  verdict           VARCHAR(22)  NOT NULL,
  adjusted_cost_won BIGINT       NULL,
  adjustment_reason VARCHAR(1000) NULL,
  reviewed_at       DATETIME(6)  NOT NULL,
  CONSTRAINT fk_pb_feas_project FOREIGN KEY (project_id) REFERENCES pb_project (id),
  CONSTRAINT uq_pb_feas_version UNIQUE (project_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pb_budget_school (
  account_id   BIGINT      NOT NULL PRIMARY KEY,
  course_code  VARCHAR(20) NOT NULL,
  mode         VARCHAR(8)  NOT NULL,
  completed_at DATETIME(6) NOT NULL,
  CONSTRAINT fk_pb_school_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One ballot per person per track, whatever the channel: the UNIQUE key is the guarantee.
CREATE TABLE pb_ballot (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  track_id      BIGINT      NOT NULL,
  identity_hash CHAR(64)    NOT NULL,
  voter_group   VARCHAR(14) NOT NULL,
  source        VARCHAR(6)  NOT NULL,
  status        VARCHAR(10) NOT NULL DEFAULT 'SUBMITTED',
  receipt_hash  CHAR(64)    NULL,
  gu_code       CHAR(5)     NULL,
  age_band      VARCHAR(6)  NULL,
  submitted_at  DATETIME(6) NOT NULL,
  version       INT         NOT NULL DEFAULT 1,
  CONSTRAINT fk_pb_ballot_track FOREIGN KEY (track_id) REFERENCES pb_track (id),
  CONSTRAINT uq_pb_ballot UNIQUE (track_id, identity_hash),
  CONSTRAINT chk_pb_ballot_group CHECK (voter_group IN ('CITIZEN', 'COMMITTEE', 'BUDGET_SCHOOL')),
  CONSTRAINT chk_pb_ballot_source CHECK (source IN ('ONLINE', 'BOOTH', 'PAPER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pb_ballot_selection (
  ballot_id  BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  points     INT    NOT NULL DEFAULT 1,
  PRIMARY KEY (ballot_id, project_id),
  CONSTRAINT fk_pb_sel_ballot FOREIGN KEY (ballot_id) REFERENCES pb_ballot (id),
  CONSTRAINT fk_pb_sel_project FOREIGN KEY (project_id) REFERENCES pb_project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Receipt codes: only SHA-256 of the code is stored; superseded when the voter changes the ballot.
CREATE TABLE pb_receipt (
  receipt_hash  CHAR(64)    NOT NULL PRIMARY KEY,
  ballot_id     BIGINT      NOT NULL,
  track_id      BIGINT      NOT NULL,
  issued_at     DATETIME(6) NOT NULL,
  superseded_at DATETIME(6) NULL,
  CONSTRAINT fk_pb_receipt_ballot FOREIGN KEY (ballot_id) REFERENCES pb_ballot (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pb_idempotency (
  account_id   BIGINT       NOT NULL,
  idem_key     VARCHAR(100) NOT NULL,
  track_id     BIGINT       NOT NULL,
  response     TEXT         NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (account_id, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Paper sheets issued at a booth: an issued sheet locks the identity for the track.
CREATE TABLE pb_paper_issuance (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  track_id      BIGINT      NOT NULL,
  identity_hash CHAR(64)    NOT NULL,
  officer_id    BIGINT      NOT NULL,
  sheet_serial  VARCHAR(30) NOT NULL,
  booth         VARCHAR(60) NOT NULL,
  issued_at     DATETIME(6) NOT NULL,
  entered_at    DATETIME(6) NULL,
  CONSTRAINT uq_pb_paper_identity UNIQUE (track_id, identity_hash),
  CONSTRAINT uq_pb_paper_serial UNIQUE (track_id, sheet_serial)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pb_tally (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  track_id      BIGINT       NOT NULL,
  run_no        INT          NOT NULL,
  method        VARCHAR(20)  NOT NULL,
  weights       VARCHAR(60)  NOT NULL,
  counts        VARCHAR(60)  NOT NULL,
  inputs_hash   CHAR(64)     NOT NULL,
  envelope_won  BIGINT       NOT NULL,
  spent_won     BIGINT       NOT NULL,
  computed_at   DATETIME(6)  NOT NULL,
  published_at  DATETIME(6)  NULL,
  CONSTRAINT fk_pb_tally_track FOREIGN KEY (track_id) REFERENCES pb_track (id),
  CONSTRAINT uq_pb_tally_run UNIQUE (track_id, run_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pb_tally_line (
  tally_id      BIGINT        NOT NULL,
  project_id    BIGINT        NOT NULL,
  votes_citizen BIGINT        NOT NULL,
  votes_committee BIGINT      NOT NULL,
  votes_school  BIGINT        NOT NULL,
  score_exact   VARCHAR(400)  NOT NULL,
  score_percent VARCHAR(20)   NOT NULL,
  rank_no       INT           NOT NULL,
  funded        BOOLEAN       NOT NULL,
  excluded      BOOLEAN       NOT NULL DEFAULT FALSE,
  explanation   VARCHAR(400)  NOT NULL,
  PRIMARY KEY (tally_id, project_id),
  CONSTRAINT fk_pb_line_tally FOREIGN KEY (tally_id) REFERENCES pb_tally (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- B14: exclusions (overrides) before publication, each with a public reason.
CREATE TABLE pb_tally_exclusion (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  track_id      BIGINT        NOT NULL,
  project_id    BIGINT        NOT NULL,
  public_reason VARCHAR(1000) NOT NULL,
  excluded_by   BIGINT        NULL,
  excluded_at   DATETIME(6)   NOT NULL,
  CONSTRAINT uq_pb_exclusion UNIQUE (track_id, project_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pb_assembly_decision (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id    BIGINT      NOT NULL,
  held_on     DATE        NOT NULL,
  attendees   INT         NOT NULL,
  yes_votes   INT         NOT NULL,
  no_votes    INT         NOT NULL,
  abstentions INT         NOT NULL,
  decision    VARCHAR(24) NOT NULL,
  recorded_by BIGINT      NULL,
  recorded_at DATETIME(6) NOT NULL,
  CONSTRAINT uq_pb_assembly UNIQUE (cycle_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
