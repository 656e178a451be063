-- 참여예산위원회 draw (DOMAIN §5.5 B4) with the assembly's sortition engine: verified citizens apply for a
-- cycle; staff publish a commitment, then reveal the secret with a public beacon and draw with quotas.
-- The pool code is public ("C" + applicant id), the strata are copied at application time.
CREATE TABLE pb_committee_applicant (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id    BIGINT      NOT NULL,
  account_id  BIGINT      NOT NULL,
  gu_code     CHAR(5)     NOT NULL,
  gender      CHAR(1)     NOT NULL,
  age_band    VARCHAR(8)  NOT NULL,
  applied_at  DATETIME(6) NOT NULL,
  selected    BOOLEAN     NOT NULL DEFAULT FALSE,
  CONSTRAINT uq_pb_committee_applicant UNIQUE (cycle_id, account_id),
  CONSTRAINT fk_pb_committee_applicant_cycle FOREIGN KEY (cycle_id) REFERENCES pb_cycle (id),
  CONSTRAINT fk_pb_committee_applicant_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One draw per cycle: the commitment first (before applications close), then the reveal and the result.
CREATE TABLE pb_committee_draw (
  cycle_id          BIGINT       NOT NULL PRIMARY KEY,
  commitment        CHAR(64)     NOT NULL,
  committed_at      DATETIME(6)  NOT NULL,
  secret            VARCHAR(200) NULL,
  beacon            VARCHAR(200) NULL,
  seed_hex          CHAR(64)     NULL,
  pool_hash         CHAR(64)     NULL,
  quota_hash        CHAR(64)     NULL,
  quota_csv         TEXT         NULL,
  algorithm_version VARCHAR(40)  NULL,
  panel_method      VARCHAR(20)  NULL,
  selected_codes    TEXT         NULL,
  drawn_at          DATETIME(6)  NULL,
  CONSTRAINT fk_pb_committee_draw_cycle FOREIGN KEY (cycle_id) REFERENCES pb_cycle (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
