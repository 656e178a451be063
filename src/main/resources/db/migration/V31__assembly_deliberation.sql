-- Topic meetings, table threads, drafts, the plenary (시민총회) and policy proposals (정책제안).
CREATE TABLE assembly_meeting (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id      BIGINT       NOT NULL,
  seq           INT          NOT NULL,
  title         VARCHAR(200) NOT NULL,
  held_on       DATE         NOT NULL,
  window_opens  DATE         NOT NULL,
  window_closes DATE         NOT NULL,
  summary       VARCHAR(4000) NULL,
  CONSTRAINT fk_assembly_meeting_cycle FOREIGN KEY (cycle_id) REFERENCES assembly_cycle (id),
  CONSTRAINT uq_assembly_meeting UNIQUE (cycle_id, seq),
  CONSTRAINT chk_assembly_meeting_seq CHECK (seq BETWEEN 1 AND 3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_table (
  id                     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  meeting_id             BIGINT       NOT NULL,
  name                   VARCHAR(100) NOT NULL,
  facilitator_account_id BIGINT       NOT NULL,
  CONSTRAINT fk_assembly_table_meeting FOREIGN KEY (meeting_id) REFERENCES assembly_meeting (id),
  CONSTRAINT fk_assembly_table_facilitator FOREIGN KEY (facilitator_account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_post (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  table_id          BIGINT        NOT NULL,
  author_account_id BIGINT        NOT NULL,
  author_label      VARCHAR(40)   NOT NULL,
  stance            VARCHAR(5)    NOT NULL,
  body              VARCHAR(2000) NOT NULL,
  created_at        DATETIME(6)   NOT NULL,
  CONSTRAINT fk_assembly_post_table FOREIGN KEY (table_id) REFERENCES assembly_table (id),
  CONSTRAINT chk_assembly_post_stance CHECK (stance IN ('POINT','PRO','CON'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_draft (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  table_id      BIGINT        NOT NULL,
  title         VARCHAR(200)  NOT NULL,
  body          VARCHAR(4000) NOT NULL,
  org_unit_code VARCHAR(20)   NOT NULL,
  forwarded_by  BIGINT        NOT NULL,
  forwarded_at  DATETIME(6)   NOT NULL,
  CONSTRAINT fk_assembly_draft_table FOREIGN KEY (table_id) REFERENCES assembly_table (id),
  CONSTRAINT fk_assembly_draft_org FOREIGN KEY (org_unit_code) REFERENCES org_unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_plenary_vote (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  draft_id      BIGINT      NOT NULL,
  membership_id BIGINT      NOT NULL,
  choice        VARCHAR(7)  NOT NULL,
  cast_at       DATETIME(6) NOT NULL,
  CONSTRAINT fk_assembly_vote_draft FOREIGN KEY (draft_id) REFERENCES assembly_draft (id),
  CONSTRAINT fk_assembly_vote_member FOREIGN KEY (membership_id) REFERENCES assembly_membership (id),
  CONSTRAINT uq_assembly_vote UNIQUE (draft_id, membership_id),
  CONSTRAINT chk_assembly_vote_choice CHECK (choice IN ('YES','NO','ABSTAIN'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_policy_proposal (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id        BIGINT        NOT NULL,
  draft_id        BIGINT        NULL,
  title           VARCHAR(200)  NOT NULL,
  body            VARCHAR(4000) NOT NULL,
  yes_votes       INT           NOT NULL,
  no_votes        INT           NOT NULL,
  abstain_votes   INT           NOT NULL,
  yes_share       DECIMAL(7,4)  NOT NULL,
  rank_no         INT           NOT NULL,
  org_unit_code   VARCHAR(20)   NOT NULL,
  handed_off_at   DATETIME(6)   NOT NULL,
  response_due    DATE          NOT NULL,
  response        VARCHAR(12)   NULL,
  response_text   VARCHAR(4000) NULL,
  responded_at    DATETIME(6)   NULL,
  responded_by    BIGINT        NULL,
  CONSTRAINT fk_assembly_pp_cycle FOREIGN KEY (cycle_id) REFERENCES assembly_cycle (id),
  CONSTRAINT fk_assembly_pp_org FOREIGN KEY (org_unit_code) REFERENCES org_unit (code),
  CONSTRAINT uq_assembly_pp_draft UNIQUE (draft_id),
  CONSTRAINT chk_assembly_pp_response CHECK (response IS NULL OR response IN ('ACCEPTED','PARTIAL','NOT_ACCEPTED','LONG_TERM'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
