-- Collaborative drafts (issue 5): members propose amendments to a table's draft, the group votes, the facilitator
-- closes the vote; an accepted amendment replaces the draft text and every revision is kept.
ALTER TABLE assembly_draft ADD COLUMN revision INT NOT NULL DEFAULT 1;

CREATE TABLE assembly_draft_revision (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  draft_id     BIGINT        NOT NULL,
  revision     INT           NOT NULL,
  body         VARCHAR(4000) NOT NULL,
  amendment_id BIGINT        NULL,
  created_at   DATETIME(6)   NOT NULL,
  CONSTRAINT fk_assembly_rev_draft FOREIGN KEY (draft_id) REFERENCES assembly_draft (id),
  CONSTRAINT uq_assembly_rev UNIQUE (draft_id, revision)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_amendment (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  draft_id      BIGINT        NOT NULL,
  membership_id BIGINT        NOT NULL,
  base_revision INT           NOT NULL,
  new_body      VARCHAR(4000) NOT NULL,
  reason        VARCHAR(1000) NOT NULL,
  status        VARCHAR(8)    NOT NULL,
  yes_votes     INT           NULL,
  no_votes      INT           NULL,
  created_at    DATETIME(6)   NOT NULL,
  decided_at    DATETIME(6)   NULL,
  decided_by    BIGINT        NULL,
  CONSTRAINT fk_assembly_amd_draft FOREIGN KEY (draft_id) REFERENCES assembly_draft (id),
  CONSTRAINT fk_assembly_amd_member FOREIGN KEY (membership_id) REFERENCES assembly_membership (id),
  CONSTRAINT chk_assembly_amd_status CHECK (status IN ('OPEN','ACCEPTED','REJECTED','STALE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_amendment_vote (
  amendment_id  BIGINT      NOT NULL,
  membership_id BIGINT      NOT NULL,
  choice        VARCHAR(3)  NOT NULL,
  cast_at       DATETIME(6) NOT NULL,
  PRIMARY KEY (amendment_id, membership_id),
  CONSTRAINT fk_assembly_amv_amd FOREIGN KEY (amendment_id) REFERENCES assembly_amendment (id),
  CONSTRAINT fk_assembly_amv_member FOREIGN KEY (membership_id) REFERENCES assembly_membership (id),
  CONSTRAINT chk_assembly_amv_choice CHECK (choice IN ('YES','NO'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
