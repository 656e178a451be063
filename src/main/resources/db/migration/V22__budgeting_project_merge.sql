-- Duplicate merge (B1/B2): a merged project keeps its own row and timeline and points at the project
-- that absorbed it; the surviving project lists the ones merged into it.
ALTER TABLE pb_project ADD COLUMN merged_into BIGINT NULL;
ALTER TABLE pb_project ADD CONSTRAINT fk_pb_project_merged FOREIGN KEY (merged_into) REFERENCES pb_project (id);
