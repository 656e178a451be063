CREATE TABLE account (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email           VARCHAR(254) NOT NULL,
  password_hash   VARCHAR(100) NOT NULL,
  nickname        VARCHAR(30)  NOT NULL,
  locale          CHAR(2)      NOT NULL DEFAULT 'ko',
  status          VARCHAR(10)  NOT NULL DEFAULT 'ACTIVE',
  org_unit_code   VARCHAR(20)  NULL,
  failed_logins   INT          NOT NULL DEFAULT 0,
  locked_until    DATETIME(6)  NULL,
  created_at      DATETIME(6)  NOT NULL,
  version         BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_account_email UNIQUE (email),
  CONSTRAINT uq_account_nickname UNIQUE (nickname),
  CONSTRAINT fk_account_org FOREIGN KEY (org_unit_code) REFERENCES org_unit (code),
  CONSTRAINT chk_account_status CHECK (status IN ('ACTIVE', 'LOCKED', 'DELETED')),
  CONSTRAINT chk_account_locale CHECK (locale IN ('ko', 'en'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- (role, scope) grants; CITIZEN is implicit for every account and never stored.
CREATE TABLE role_grant (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id  BIGINT      NOT NULL,
  role        VARCHAR(20) NOT NULL,
  scope_type  VARCHAR(10) NOT NULL DEFAULT 'GLOBAL',
  scope_id    VARCHAR(20) NOT NULL DEFAULT '',
  valid_from  DATETIME(6) NOT NULL,
  valid_to    DATETIME(6) NULL,
  granted_by  BIGINT      NULL,
  CONSTRAINT fk_grant_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT uq_grant UNIQUE (account_id, role, scope_type, scope_id),
  CONSTRAINT chk_grant_scope CHECK (scope_type IN ('GLOBAL', 'ORG_UNIT', 'GU', 'CYCLE', 'PROCESS'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A verified identity. identity_hash = HMAC-SHA256(server key, identity number); the number itself
-- is never stored. UNIQUE(identity_hash): one person cannot verify two accounts.
CREATE TABLE verification (
  account_id    BIGINT      NOT NULL PRIMARY KEY,
  identity_hash CHAR(64)    NOT NULL,
  birth_date    DATE        NOT NULL,
  gender        CHAR(1)     NOT NULL,
  provider      VARCHAR(12) NOT NULL,
  verified_at   DATETIME(6) NOT NULL,
  CONSTRAINT uq_verification_identity UNIQUE (identity_hash),
  CONSTRAINT fk_verification_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT chk_verification_gender CHECK (gender IN ('M', 'F'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where a person lives, works or studies (거주/직장/학교); eligibility for district tracks.
CREATE TABLE relation (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id  BIGINT      NOT NULL,
  kind        VARCHAR(10) NOT NULL,
  gu_code     CHAR(5)     NOT NULL,
  dong_code   VARCHAR(10) NULL,
  declared_at DATETIME(6) NOT NULL,
  CONSTRAINT fk_relation_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT fk_relation_gu FOREIGN KEY (gu_code) REFERENCES district (gu_code),
  CONSTRAINT uq_relation UNIQUE (account_id, kind),
  CONSTRAINT chk_relation_kind CHECK (kind IN ('RESIDENT', 'WORKER', 'STUDENT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Census of eligible people (CSV import), matched on name + birth date + identity hash.
CREATE TABLE census_person (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  identity_hash CHAR(64)    NOT NULL,
  name_hash     CHAR(64)    NOT NULL,
  birth_date    DATE        NOT NULL,
  gender        CHAR(1)     NOT NULL,
  gu_code       CHAR(5)     NOT NULL,
  dong_code     VARCHAR(10) NULL,
  relation      VARCHAR(10) NOT NULL,
  imported_at   DATETIME(6) NOT NULL,
  CONSTRAINT uq_census_identity UNIQUE (identity_hash),
  CONSTRAINT fk_census_gu FOREIGN KEY (gu_code) REFERENCES district (gu_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Phone-code challenges (휴대폰 본인인증 stand-in): only the code's hash is stored.
CREATE TABLE phone_challenge (
  id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id   BIGINT      NOT NULL,
  phone        VARCHAR(20) NOT NULL,
  code_hash    CHAR(64)    NOT NULL,
  identity_hash CHAR(64)   NOT NULL,
  birth_date   DATE        NOT NULL,
  gender       CHAR(1)     NOT NULL,
  gu_code      CHAR(5)     NOT NULL,
  relation     VARCHAR(10) NOT NULL,
  attempts     INT         NOT NULL DEFAULT 0,
  expires_at   DATETIME(6) NOT NULL,
  consumed_at  DATETIME(6) NULL,
  created_at   DATETIME(6) NOT NULL,
  CONSTRAINT fk_challenge_account FOREIGN KEY (account_id) REFERENCES account (id),
  INDEX ix_challenge_account (account_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Messages the SMS gateway would send; in development the outbox is the gateway.
CREATE TABLE sms_outbox (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  phone      VARCHAR(20)  NOT NULL,
  body       VARCHAR(200) NOT NULL,
  created_at DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE mail_outbox (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  recipient   VARCHAR(254) NOT NULL,
  subject     VARCHAR(200) NOT NULL,
  body        TEXT         NOT NULL,
  created_at  DATETIME(6)  NOT NULL,
  sent_at     DATETIME(6)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE notification (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id  BIGINT       NOT NULL,
  message     VARCHAR(500) NOT NULL,
  link        VARCHAR(200) NULL,
  created_at  DATETIME(6)  NOT NULL,
  read_at     DATETIME(6)  NULL,
  CONSTRAINT fk_notification_account FOREIGN KEY (account_id) REFERENCES account (id),
  INDEX ix_notification_account (account_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
