-- Meeting format (online / offline / hybrid) with a venue and an online link or note.
-- Existing meetings were all held online in the tool, so they default to ONLINE.
ALTER TABLE assembly_meeting
  ADD COLUMN format      VARCHAR(8)   NOT NULL DEFAULT 'ONLINE',
  ADD COLUMN venue       VARCHAR(200) NULL,
  ADD COLUMN online_note VARCHAR(500) NULL;
ALTER TABLE assembly_meeting
  ADD CONSTRAINT chk_assembly_meeting_format CHECK (format IN ('ONLINE','OFFLINE','HYBRID'));
