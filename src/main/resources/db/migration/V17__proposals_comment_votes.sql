-- Comment up/down votes (추천/비추천), one per verified person per comment, and an optional stated position
-- (찬성/반대/기타) on a comment. Counts are kept on the comment row, recomputed under its row lock.
ALTER TABLE comment
  ADD COLUMN position   VARCHAR(10) NULL,
  ADD COLUMN up_count   INT NOT NULL DEFAULT 0,
  ADD COLUMN down_count INT NOT NULL DEFAULT 0,
  ADD CONSTRAINT chk_comment_position CHECK (position IS NULL OR position IN ('PRO','CON','OTHER'));

CREATE TABLE comment_vote (
  comment_id  BIGINT      NOT NULL,
  voter_hash  CHAR(64)    NOT NULL,
  voter_id    BIGINT      NOT NULL,
  value       SMALLINT    NOT NULL,
  created_at  DATETIME(6) NOT NULL,
  PRIMARY KEY (comment_id, voter_hash),
  CONSTRAINT fk_comment_vote_comment FOREIGN KEY (comment_id) REFERENCES comment (id),
  CONSTRAINT fk_comment_vote_voter FOREIGN KEY (voter_id) REFERENCES account (id),
  CONSTRAINT chk_comment_vote_value CHECK (value IN (-1, 1)),
  INDEX ix_comment_vote_voter (voter_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
