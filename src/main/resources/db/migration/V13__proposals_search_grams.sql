-- Keyword search without scanning every proposal (docs/PERFORMANCE.md): the distinct bigrams of search_text
-- (already NFC, lower-cased, whitespace-free). Maintained by kr.hamkke.proposals.SearchGrams where search_text is
-- written; the LIKE on search_text still decides every match. Plain SQL for MariaDB 11.4 and MySQL 8.4.
-- No foreign key: proposals are never deleted by the application (bench seeds delete their grams first), and
-- the index on proposal_id serves re-indexing an edited draft.
CREATE TABLE proposal_gram (
  gram        VARCHAR(2) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  proposal_id BIGINT NOT NULL,
  PRIMARY KEY (gram, proposal_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Backfill existing proposals: positions 1..11999 (body ≤ 10,000 + title), from an indexed helper table.
CREATE TABLE proposal_gram_seq (n INT NOT NULL PRIMARY KEY) ENGINE=InnoDB;
INSERT INTO proposal_gram_seq (n)
  SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 1
  FROM (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
        UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) a
  CROSS JOIN (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
        UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) b
  CROSS JOIN (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
        UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) c
  CROSS JOIN (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
        UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9 UNION ALL SELECT 10 UNION ALL SELECT 11) e;
-- In primary-key order (appends instead of random page splits); the secondary index is built afterwards in one pass.
INSERT IGNORE INTO proposal_gram (gram, proposal_id)
  SELECT DISTINCT SUBSTRING(p.search_text, s.n, 2), p.id FROM proposal p JOIN proposal_gram_seq s ON s.n < CHAR_LENGTH(p.search_text)
  ORDER BY 1, 2;
DROP TABLE proposal_gram_seq;
ALTER TABLE proposal_gram ADD INDEX ix_proposal_gram_proposal (proposal_id);
