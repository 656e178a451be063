-- Survey panel (issue 5): staff ask a cycle's members a short 엠보팅-style question; each invited member answers once.
CREATE TABLE assembly_survey (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id     BIGINT       NOT NULL,
  question     VARCHAR(300) NOT NULL,
  multi_select BOOLEAN      NOT NULL,
  opens_at     DATETIME(6)  NOT NULL,
  closes_at    DATETIME(6)  NOT NULL,
  created_by   BIGINT       NULL,
  created_at   DATETIME(6)  NOT NULL,
  CONSTRAINT fk_assembly_survey_cycle FOREIGN KEY (cycle_id) REFERENCES assembly_cycle (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_survey_option (
  id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  survey_id BIGINT       NOT NULL,
  seq       INT          NOT NULL,
  label     VARCHAR(100) NOT NULL,
  CONSTRAINT fk_assembly_sopt_survey FOREIGN KEY (survey_id) REFERENCES assembly_survey (id),
  CONSTRAINT uq_assembly_sopt UNIQUE (survey_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One answer per member and survey: the primary key is the rule, so concurrent second answers fail.
CREATE TABLE assembly_survey_answer (
  survey_id     BIGINT      NOT NULL,
  membership_id BIGINT      NOT NULL,
  answered_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (survey_id, membership_id),
  CONSTRAINT fk_assembly_sans_survey FOREIGN KEY (survey_id) REFERENCES assembly_survey (id),
  CONSTRAINT fk_assembly_sans_member FOREIGN KEY (membership_id) REFERENCES assembly_membership (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_survey_choice (
  survey_id     BIGINT NOT NULL,
  membership_id BIGINT NOT NULL,
  option_id     BIGINT NOT NULL,
  PRIMARY KEY (survey_id, membership_id, option_id),
  KEY ix_assembly_schoice_option (option_id),
  CONSTRAINT fk_assembly_schoice_answer FOREIGN KEY (survey_id, membership_id) REFERENCES assembly_survey_answer (survey_id, membership_id),
  CONSTRAINT fk_assembly_schoice_option FOREIGN KEY (option_id) REFERENCES assembly_survey_option (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
