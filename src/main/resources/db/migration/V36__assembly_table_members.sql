-- Table membership (issue 5): staff or the table's facilitator assign a cycle's members to tables. A table with
-- assignments is restricted to its members (plus facilitators); a table without any stays open to every member.
CREATE TABLE assembly_table_member (
  table_id      BIGINT      NOT NULL,
  meeting_id    BIGINT      NOT NULL,
  membership_id BIGINT      NOT NULL,
  assigned_by   BIGINT      NULL,
  assigned_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (table_id, membership_id),
  -- one table per member and meeting
  CONSTRAINT uq_assembly_tmember_meeting UNIQUE (meeting_id, membership_id),
  CONSTRAINT fk_assembly_tmember_table FOREIGN KEY (table_id) REFERENCES assembly_table (id),
  CONSTRAINT fk_assembly_tmember_meeting FOREIGN KEY (meeting_id) REFERENCES assembly_meeting (id),
  CONSTRAINT fk_assembly_tmember_member FOREIGN KEY (membership_id) REFERENCES assembly_membership (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
