-- 민주주의 서울: proposals, supports (공감), department answers, forums (공론장), mayor answers,
-- 우수제안 picks, 서울시가 묻습니다, comments with reports, moderation and the public timeline.
-- Thresholds and windows are copied onto each proposal at publication (configuration bound then).
CREATE TABLE proposal (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code                VARCHAR(20)   NULL,
  title               VARCHAR(100)  NOT NULL,
  body                TEXT          NOT NULL,
  category            VARCHAR(20)   NOT NULL,
  gu_code             CHAR(5)       NULL,
  author_id           BIGINT        NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  search_text         TEXT          NOT NULL,
  support_window_days INT           NULL,
  review_threshold    INT           NULL,
  review_sla_days     INT           NULL,
  forum_threshold     INT           NULL,
  forum_days          INT           NULL,
  mayor_threshold     INT           NULL,
  mayor_sla_days      INT           NULL,
  submitted_at        DATETIME(6)   NULL,
  published_at        DATETIME(6)   NULL,
  support_deadline    DATETIME(6)   NULL,
  support_count       INT           NOT NULL DEFAULT 0,
  review_triggered_at DATETIME(6)   NULL,
  review_due_at       DATETIME(6)   NULL,
  assigned_org_unit   VARCHAR(20)   NULL,
  pb_candidate        BOOLEAN       NOT NULL DEFAULT FALSE,
  agenda_pick         BOOLEAN       NOT NULL DEFAULT FALSE,
  merged_into         BIGINT        NULL,
  public_reason_code  VARCHAR(30)   NULL,
  public_reason       VARCHAR(1000) NULL,
  closed_at           DATETIME(6)   NULL,
  created_at          DATETIME(6)   NOT NULL,
  updated_at          DATETIME(6)   NOT NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT uq_proposal_code UNIQUE (code),
  CONSTRAINT fk_proposal_author FOREIGN KEY (author_id) REFERENCES account (id),
  CONSTRAINT fk_proposal_gu FOREIGN KEY (gu_code) REFERENCES district (gu_code),
  CONSTRAINT fk_proposal_org FOREIGN KEY (assigned_org_unit) REFERENCES org_unit (code),
  CONSTRAINT fk_proposal_merged FOREIGN KEY (merged_into) REFERENCES proposal (id),
  CONSTRAINT chk_proposal_status CHECK (status IN ('DRAFT','SUBMITTED','PUBLISHED','UNDER_REVIEW','ANSWERED',
      'CLOSED','WITHDRAWN','HIDDEN','MERGED')),
  CONSTRAINT chk_proposal_support_count CHECK (support_count >= 0),
  INDEX ix_proposal_status (status, published_at),
  INDEX ix_proposal_author (author_id),
  INDEX ix_proposal_deadline (status, support_deadline)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 공감: one per verified person per proposal, whichever account they use.
CREATE TABLE proposal_support (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id   BIGINT      NOT NULL,
  identity_hash CHAR(64)    NOT NULL,
  account_id    BIGINT      NOT NULL,
  created_at    DATETIME(6) NOT NULL,
  CONSTRAINT uq_support_person UNIQUE (proposal_id, identity_hash),
  CONSTRAINT fk_support_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
  CONSTRAINT fk_support_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE department_answer (
  id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id  BIGINT      NOT NULL,
  org_unit     VARCHAR(20) NOT NULL,
  responder_id BIGINT      NULL,
  outcome      VARCHAR(20) NULL,
  body         TEXT        NULL,
  due_at       DATETIME(6) NOT NULL,
  status       VARCHAR(10) NOT NULL DEFAULT 'DRAFT',
  saved_at     DATETIME(6) NULL,
  published_at DATETIME(6) NULL,
  CONSTRAINT uq_answer_proposal UNIQUE (proposal_id),
  CONSTRAINT fk_answer_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
  CONSTRAINT fk_answer_org FOREIGN KEY (org_unit) REFERENCES org_unit (code),
  CONSTRAINT fk_answer_responder FOREIGN KEY (responder_id) REFERENCES account (id),
  CONSTRAINT chk_answer_status CHECK (status IN ('DRAFT','PUBLISHED')),
  CONSTRAINT chk_answer_outcome CHECK (outcome IS NULL OR outcome IN ('ACCEPTED','PARTIALLY_ACCEPTED','NOT_ACCEPTED',
      'ALREADY_IN_PLACE','LONG_TERM_REVIEW'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 공론장. proposal_id is UNIQUE: a proposal opens at most one forum, however often its threshold is hit.
CREATE TABLE forum (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id       BIGINT       NULL,
  title             VARCHAR(100) NOT NULL,
  background        TEXT         NOT NULL,
  pro_brief         TEXT         NULL,
  con_brief         TEXT         NULL,
  opens_at          DATETIME(6)  NOT NULL,
  closes_at         DATETIME(6)  NOT NULL,
  status            VARCHAR(16)  NOT NULL,
  mayor_threshold   INT          NOT NULL,
  mayor_sla_days    INT          NOT NULL,
  participant_count INT          NOT NULL DEFAULT 0,
  pro_count         INT          NOT NULL DEFAULT 0,
  con_count         INT          NOT NULL DEFAULT 0,
  neutral_count     INT          NOT NULL DEFAULT 0,
  opened_by         BIGINT       NULL,
  closed_at         DATETIME(6)  NULL,
  mayor_due_at      DATETIME(6)  NULL,
  summary           TEXT         NULL,
  created_at        DATETIME(6)  NOT NULL,
  CONSTRAINT uq_forum_proposal UNIQUE (proposal_id),
  CONSTRAINT fk_forum_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
  CONSTRAINT fk_forum_opener FOREIGN KEY (opened_by) REFERENCES account (id),
  CONSTRAINT chk_forum_status CHECK (status IN ('OPEN','CLOSED','AWAITING_MAYOR','MAYOR_ANSWERED')),
  INDEX ix_forum_status (status, closes_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE forum_position (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  forum_id      BIGINT      NOT NULL,
  identity_hash CHAR(64)    NOT NULL,
  account_id    BIGINT      NOT NULL,
  position      VARCHAR(8)  NOT NULL,
  updated_at    DATETIME(6) NOT NULL,
  CONSTRAINT uq_position_person UNIQUE (forum_id, identity_hash),
  CONSTRAINT fk_position_forum FOREIGN KEY (forum_id) REFERENCES forum (id),
  CONSTRAINT fk_position_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT chk_position CHECK (position IN ('PRO','CON','NEUTRAL'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE mayor_answer (
  forum_id     BIGINT      NOT NULL PRIMARY KEY,
  body         TEXT        NOT NULL,
  responder_id BIGINT      NOT NULL,
  published_at DATETIME(6) NOT NULL,
  CONSTRAINT fk_mayor_forum FOREIGN KEY (forum_id) REFERENCES forum (id),
  CONSTRAINT fk_mayor_responder FOREIGN KEY (responder_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 우수제안 선정 by the 의제선정단.
CREATE TABLE agenda_pick (
  id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id     BIGINT      NOT NULL,
  meeting_date    DATE        NOT NULL,
  members_present INT         NOT NULL,
  reason          TEXT        NOT NULL,
  decided_by      BIGINT      NOT NULL,
  decided_at      DATETIME(6) NOT NULL,
  CONSTRAINT uq_pick_proposal UNIQUE (proposal_id),
  CONSTRAINT fk_pick_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
  CONSTRAINT fk_pick_account FOREIGN KEY (decided_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 서울시가 묻습니다.
CREATE TABLE city_question (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  org_unit          VARCHAR(20)  NOT NULL,
  kind              VARCHAR(8)   NOT NULL,
  cadence           VARCHAR(8)   NOT NULL,
  title             VARCHAR(150) NOT NULL,
  background        TEXT         NOT NULL,
  multi_select      BOOLEAN      NOT NULL DEFAULT FALSE,
  opens_at          DATETIME(6)  NOT NULL,
  closes_at         DATETIME(6)  NOT NULL,
  participant_count INT          NOT NULL DEFAULT 0,
  follow_up         TEXT         NULL,
  follow_up_due_at  DATETIME(6)  NOT NULL,
  follow_up_at      DATETIME(6)  NULL,
  created_by        BIGINT       NULL,
  created_at        DATETIME(6)  NOT NULL,
  CONSTRAINT fk_question_org FOREIGN KEY (org_unit) REFERENCES org_unit (code),
  CONSTRAINT fk_question_creator FOREIGN KEY (created_by) REFERENCES account (id),
  CONSTRAINT chk_question_kind CHECK (kind IN ('POLL','DEBATE')),
  CONSTRAINT chk_question_cadence CHECK (cadence IN ('REGULAR','AD_HOC')),
  INDEX ix_question_close (closes_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE city_question_option (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  question_id BIGINT       NOT NULL,
  ordinal     INT          NOT NULL,
  label       VARCHAR(100) NOT NULL,
  vote_count  INT          NOT NULL DEFAULT 0,
  CONSTRAINT uq_option_ordinal UNIQUE (question_id, ordinal),
  CONSTRAINT fk_option_question FOREIGN KEY (question_id) REFERENCES city_question (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE city_question_answer (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  question_id   BIGINT      NOT NULL,
  identity_hash CHAR(64)    NOT NULL,
  account_id    BIGINT      NOT NULL,
  created_at    DATETIME(6) NOT NULL,
  CONSTRAINT uq_answer_person UNIQUE (question_id, identity_hash),
  CONSTRAINT fk_qanswer_question FOREIGN KEY (question_id) REFERENCES city_question (id),
  CONSTRAINT fk_qanswer_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE city_question_choice (
  answer_id BIGINT NOT NULL,
  option_id BIGINT NOT NULL,
  PRIMARY KEY (answer_id, option_id),
  CONSTRAINT fk_choice_answer FOREIGN KEY (answer_id) REFERENCES city_question_answer (id),
  CONSTRAINT fk_choice_option FOREIGN KEY (option_id) REFERENCES city_question_option (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Threaded comments on proposals, forums and questions (depth 1..3).
CREATE TABLE comment (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  target_type  VARCHAR(10)   NOT NULL,
  target_id    BIGINT        NOT NULL,
  parent_id    BIGINT        NULL,
  depth        INT           NOT NULL,
  author_id    BIGINT        NOT NULL,
  body         VARCHAR(1000) NOT NULL,
  status       VARCHAR(20)   NOT NULL DEFAULT 'VISIBLE',
  report_count INT           NOT NULL DEFAULT 0,
  created_at   DATETIME(6)   NOT NULL,
  CONSTRAINT fk_comment_parent FOREIGN KEY (parent_id) REFERENCES comment (id),
  CONSTRAINT fk_comment_author FOREIGN KEY (author_id) REFERENCES account (id),
  CONSTRAINT chk_comment_target CHECK (target_type IN ('PROPOSAL','FORUM','QUESTION')),
  CONSTRAINT chk_comment_depth CHECK (depth BETWEEN 1 AND 3),
  CONSTRAINT chk_comment_status CHECK (status IN ('VISIBLE','AUTO_HIDDEN','HIDDEN','DELETED_BY_AUTHOR')),
  INDEX ix_comment_target (target_type, target_id, created_at),
  INDEX ix_comment_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 신고: one per person per comment.
CREATE TABLE comment_report (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  comment_id    BIGINT       NOT NULL,
  reporter_hash CHAR(64)     NOT NULL,
  reporter_id   BIGINT       NOT NULL,
  reason        VARCHAR(12)  NOT NULL,
  note          VARCHAR(500) NULL,
  created_at    DATETIME(6)  NOT NULL,
  CONSTRAINT uq_report_person UNIQUE (comment_id, reporter_hash),
  CONSTRAINT fk_report_comment FOREIGN KEY (comment_id) REFERENCES comment (id),
  CONSTRAINT fk_report_account FOREIGN KEY (reporter_id) REFERENCES account (id),
  CONSTRAINT chk_report_reason CHECK (reason IN ('ABUSE','PRIVACY','SPAM','FALSE_INFO','OTHER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE moderation_action (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  target_type  VARCHAR(10)   NOT NULL,
  target_id    BIGINT        NOT NULL,
  moderator_id BIGINT        NOT NULL,
  action       VARCHAR(10)   NOT NULL,
  reason_code  VARCHAR(30)   NULL,
  note         VARCHAR(1000) NULL,
  created_at   DATETIME(6)   NOT NULL,
  CONSTRAINT fk_moderation_account FOREIGN KEY (moderator_id) REFERENCES account (id),
  CONSTRAINT chk_moderation_action CHECK (action IN ('PUBLISH','HIDE','RESTORE','MERGE')),
  INDEX ix_moderation_target (target_type, target_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Public timeline: every transition with its date, the actor's role and the public reason.
CREATE TABLE proposal_event (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id BIGINT        NOT NULL,
  occurred_at DATETIME(6)   NOT NULL,
  kind        VARCHAR(30)   NOT NULL,
  from_status VARCHAR(16)   NULL,
  to_status   VARCHAR(16)   NULL,
  actor_role  VARCHAR(20)   NOT NULL,
  reason      VARCHAR(1000) NULL,
  CONSTRAINT fk_event_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
  INDEX ix_event_proposal (proposal_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
