-- 서울시민회의 (DOMAIN §6): cycles, agendas, applications, the published draw and memberships.
CREATE TABLE assembly_cycle (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name              VARCHAR(100) NOT NULL,
  year              INT          NOT NULL,
  seats             INT          NOT NULL,
  reserve_seats     INT          NOT NULL,
  status            VARCHAR(12)  NOT NULL,
  recruit_opens     DATE         NULL,
  recruit_closes    DATE         NULL,
  draw_date         DATE         NULL,
  meeting1_at       DATE         NULL,
  meeting2_at       DATE         NULL,
  meeting3_at       DATE         NULL,
  plenary_at        DATE         NULL,
  quota_csv         TEXT         NOT NULL,
  seed_commitment   CHAR(64)     NULL,
  committed_at      DATETIME(6)  NULL,
  pool_file         MEDIUMTEXT   NULL,
  pool_hash         CHAR(64)     NULL,
  frozen_at         DATETIME(6)  NULL,
  beacon            VARCHAR(200) NULL,
  seed_secret       VARCHAR(200) NULL,
  historic_members  INT          NULL,
  historic_note     VARCHAR(300) NULL,
  created_at        DATETIME(6)  NOT NULL,
  version           BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_assembly_cycle_name UNIQUE (name),
  CONSTRAINT chk_assembly_cycle_status CHECK (status IN ('PLANNING','RECRUITING','DRAWN','APPOINTING',
      'MEETING_1','MEETING_2','MEETING_3','PLENARY','HANDED_OFF','RESPONDED','CLOSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_agenda (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id    BIGINT       NOT NULL,
  seq         INT          NOT NULL,
  title       VARCHAR(200) NOT NULL,
  description VARCHAR(1000) NULL,
  CONSTRAINT fk_assembly_agenda_cycle FOREIGN KEY (cycle_id) REFERENCES assembly_cycle (id),
  CONSTRAINT uq_assembly_agenda UNIQUE (cycle_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Demographics come from the verified identity, never typed. One application per person per cycle.
CREATE TABLE assembly_application (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id       BIGINT       NOT NULL,
  code           CHAR(8)      NOT NULL,
  account_id     BIGINT       NOT NULL,
  identity_hash  CHAR(64)     NOT NULL,
  age_band       VARCHAR(8)   NOT NULL,
  gender         CHAR(1)      NOT NULL,
  gu_code        CHAR(5)      NOT NULL,
  motivation     VARCHAR(2000) NOT NULL,
  availability   VARCHAR(500) NOT NULL,
  consent_privacy BOOLEAN     NOT NULL,
  consent_name   BOOLEAN      NOT NULL,
  status         VARCHAR(12)  NOT NULL DEFAULT 'APPLIED',
  created_at     DATETIME(6)  NOT NULL,
  CONSTRAINT fk_assembly_app_cycle FOREIGN KEY (cycle_id) REFERENCES assembly_cycle (id),
  CONSTRAINT fk_assembly_app_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT uq_assembly_app_identity UNIQUE (cycle_id, identity_hash),
  CONSTRAINT uq_assembly_app_code UNIQUE (cycle_id, code),
  CONSTRAINT chk_assembly_app_status CHECK (status IN ('APPLIED','SELECTED','RESERVE','NOT_SELECTED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_draw (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id          BIGINT       NOT NULL,
  algorithm_version VARCHAR(40)  NOT NULL,
  pool_hash         CHAR(64)     NOT NULL,
  quota_hash        CHAR(64)     NOT NULL,
  seed              CHAR(64)     NOT NULL,
  panel_method      VARCHAR(20)  NOT NULL,
  reserve_method    VARCHAR(20)  NOT NULL,
  selected_codes    TEXT         NOT NULL,
  reserve_codes     TEXT         NOT NULL,
  shortfalls        TEXT         NOT NULL,
  executed_by       BIGINT       NULL,
  executed_at       DATETIME(6)  NOT NULL,
  CONSTRAINT fk_assembly_draw_cycle FOREIGN KEY (cycle_id) REFERENCES assembly_cycle (id),
  CONSTRAINT uq_assembly_draw_cycle UNIQUE (cycle_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_membership (
  id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id             BIGINT       NOT NULL,
  application_id       BIGINT       NOT NULL,
  account_id           BIGINT       NOT NULL,
  code                 CHAR(8)      NOT NULL,
  reserve_rank         INT          NULL,
  status               VARCHAR(10)  NOT NULL,
  replaces_id          BIGINT       NULL,
  replaced_by_id       BIGINT       NULL,
  selected_at          DATETIME(6)  NULL,
  appointed_at         DATETIME(6)  NULL,
  pre_learning_done_at DATETIME(6)  NULL,
  ended_at             DATETIME(6)  NULL,
  end_reason           VARCHAR(500) NULL,
  CONSTRAINT fk_assembly_mem_cycle FOREIGN KEY (cycle_id) REFERENCES assembly_cycle (id),
  CONSTRAINT fk_assembly_mem_app FOREIGN KEY (application_id) REFERENCES assembly_application (id),
  CONSTRAINT fk_assembly_mem_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT uq_assembly_mem UNIQUE (cycle_id, account_id),
  CONSTRAINT chk_assembly_mem_status CHECK (status IN ('RESERVE','SELECTED','APPOINTED','DECLINED','ACTIVE',
      'WITHDRAWN','DISMISSED','COMPLETED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
