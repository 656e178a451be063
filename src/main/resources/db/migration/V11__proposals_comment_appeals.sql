-- P10: the author of a hidden comment has one appeal, decided by a moderator other than the one who hid it.
CREATE TABLE comment_appeal (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  comment_id  BIGINT        NOT NULL,
  author_id   BIGINT        NOT NULL,
  statement   VARCHAR(1000) NOT NULL,
  created_at  DATETIME(6)   NOT NULL,
  decided_by  BIGINT        NULL,
  decision    VARCHAR(10)   NULL,
  decided_at  DATETIME(6)   NULL,
  CONSTRAINT uq_appeal_comment UNIQUE (comment_id),
  CONSTRAINT fk_appeal_comment FOREIGN KEY (comment_id) REFERENCES comment (id),
  CONSTRAINT fk_appeal_author FOREIGN KEY (author_id) REFERENCES account (id),
  CONSTRAINT fk_appeal_moderator FOREIGN KEY (decided_by) REFERENCES account (id),
  CONSTRAINT chk_appeal_decision CHECK (decision IS NULL OR decision IN ('UPHOLD','RESTORE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
