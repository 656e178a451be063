-- Membership extras (issue 5): positions (위원장/부위원장), attendance per topic meeting, 사전학습 materials with
-- per-member completion.
ALTER TABLE assembly_membership ADD COLUMN position_code VARCHAR(10) NOT NULL DEFAULT 'MEMBER';
ALTER TABLE assembly_membership ADD CONSTRAINT chk_assembly_mem_position CHECK (position_code IN ('MEMBER','CHAIR','VICE_CHAIR'));

CREATE TABLE assembly_attendance (
  meeting_id    BIGINT      NOT NULL,
  membership_id BIGINT      NOT NULL,
  status        VARCHAR(8)  NOT NULL,
  recorded_by   BIGINT      NOT NULL,
  recorded_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (meeting_id, membership_id),
  CONSTRAINT fk_assembly_att_meeting FOREIGN KEY (meeting_id) REFERENCES assembly_meeting (id),
  CONSTRAINT fk_assembly_att_membership FOREIGN KEY (membership_id) REFERENCES assembly_membership (id),
  CONSTRAINT fk_assembly_att_by FOREIGN KEY (recorded_by) REFERENCES account (id),
  CONSTRAINT chk_assembly_att_status CHECK (status IN ('PRESENT','ABSENT','EXCUSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_material (
  id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  cycle_id   BIGINT        NOT NULL,
  title      VARCHAR(200)  NOT NULL,
  url        VARCHAR(500)  NULL,
  body       VARCHAR(4000) NOT NULL,
  created_at DATETIME(6)   NOT NULL,
  CONSTRAINT fk_assembly_material_cycle FOREIGN KEY (cycle_id) REFERENCES assembly_cycle (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assembly_material_done (
  material_id   BIGINT      NOT NULL,
  membership_id BIGINT      NOT NULL,
  done_at       DATETIME(6) NOT NULL,
  PRIMARY KEY (material_id, membership_id),
  CONSTRAINT fk_assembly_done_material FOREIGN KEY (material_id) REFERENCES assembly_material (id),
  CONSTRAINT fk_assembly_done_membership FOREIGN KEY (membership_id) REFERENCES assembly_membership (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
