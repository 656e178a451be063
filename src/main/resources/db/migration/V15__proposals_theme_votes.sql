-- 테마토론: staff post candidate topics with a voting window; verified citizens vote once per person
-- (UNIQUE(theme_vote_id, identity_hash)); at close the winning topic becomes a forum, once:
-- forum.theme_vote_id is UNIQUE, and the closing transaction holds the theme_vote row lock.
CREATE TABLE theme_vote (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title             VARCHAR(100) NOT NULL,
  description       TEXT         NOT NULL,
  opens_at          DATETIME(6)  NOT NULL,
  closes_at         DATETIME(6)  NOT NULL,
  status            VARCHAR(12)  NOT NULL,
  participant_count INT          NOT NULL DEFAULT 0,
  winner_topic_id   BIGINT       NULL,
  created_by        BIGINT       NOT NULL,
  created_at        DATETIME(6)  NOT NULL,
  closed_at         DATETIME(6)  NULL,
  CONSTRAINT fk_theme_creator FOREIGN KEY (created_by) REFERENCES account (id),
  CONSTRAINT chk_theme_status CHECK (status IN ('OPEN','DECIDED','NO_WINNER')),
  CONSTRAINT chk_theme_window CHECK (closes_at > opens_at),
  INDEX ix_theme_status (status, closes_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE theme_topic (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  theme_vote_id BIGINT       NOT NULL,
  ordinal       INT          NOT NULL,
  title         VARCHAR(100) NOT NULL,
  background    TEXT         NOT NULL,
  vote_count    INT          NOT NULL DEFAULT 0,
  CONSTRAINT uq_topic_ordinal UNIQUE (theme_vote_id, ordinal),
  CONSTRAINT fk_topic_theme FOREIGN KEY (theme_vote_id) REFERENCES theme_vote (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE theme_vote ADD CONSTRAINT fk_theme_winner FOREIGN KEY (winner_topic_id) REFERENCES theme_topic (id);

CREATE TABLE theme_ballot (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  theme_vote_id BIGINT      NOT NULL,
  topic_id      BIGINT      NOT NULL,
  identity_hash CHAR(64)    NOT NULL,
  account_id    BIGINT      NOT NULL,
  created_at    DATETIME(6) NOT NULL,
  CONSTRAINT uq_theme_ballot_person UNIQUE (theme_vote_id, identity_hash),
  CONSTRAINT fk_theme_ballot_vote FOREIGN KEY (theme_vote_id) REFERENCES theme_vote (id),
  CONSTRAINT fk_theme_ballot_topic FOREIGN KEY (topic_id) REFERENCES theme_topic (id),
  CONSTRAINT fk_theme_ballot_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE forum ADD COLUMN theme_vote_id BIGINT NULL;
ALTER TABLE forum ADD CONSTRAINT uq_forum_theme UNIQUE (theme_vote_id);
ALTER TABLE forum ADD CONSTRAINT fk_forum_theme FOREIGN KEY (theme_vote_id) REFERENCES theme_vote (id);
