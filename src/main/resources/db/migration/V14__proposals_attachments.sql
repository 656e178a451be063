-- Attachments on proposals (images and PDF). The bytes live on disk under the data directory with a generated
-- name (stored_name, 32 hex characters): no part of the uploaded file name ever reaches a path. content_type is
-- the type found in the file's first bytes, not the one the browser declared.
CREATE TABLE proposal_attachment (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id  BIGINT       NOT NULL,
  stored_name  CHAR(32)     NOT NULL,
  filename     VARCHAR(120) NOT NULL,
  description  VARCHAR(200) NOT NULL,
  content_type VARCHAR(40)  NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  uploaded_by  BIGINT       NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  CONSTRAINT uq_attachment_stored UNIQUE (stored_name),
  CONSTRAINT fk_attachment_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
  CONSTRAINT fk_attachment_account FOREIGN KEY (uploaded_by) REFERENCES account (id),
  CONSTRAINT chk_attachment_type CHECK (content_type IN ('image/png','image/jpeg','image/webp','application/pdf')),
  CONSTRAINT chk_attachment_size CHECK (size_bytes > 0),
  INDEX ix_attachment_proposal (proposal_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
