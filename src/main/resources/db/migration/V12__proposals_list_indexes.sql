-- Proposal list (/proposals, /api/proposals) at 100,000 rows: the first page of every filter reads an index in
-- the page's order and stops after 20 rows, and the total is counted from a covering index (docs/perf/proposals.md).
-- newest: ORDER BY published_at DESC, id DESC (id is the implicit suffix of every InnoDB secondary index)
CREATE INDEX ix_proposal_published ON proposal (published_at);
-- supported: ORDER BY support_count DESC, id DESC
CREATE INDEX ix_proposal_supported ON proposal (support_count);
-- category / 자치구 filters: equality, then the newest order; status in the index covers the COUNT(*) and the
-- status filter (index condition pushdown)
CREATE INDEX ix_proposal_category ON proposal (category, published_at, status);
CREATE INDEX ix_proposal_gu ON proposal (gu_code, published_at, status);
-- keyword search: search_text is already NFC + lower-cased + whitespace-free (rules.SearchText, both sides), so a
-- binary collation gives the same LIKE matches for Hangul and ASCII and skips the per-character UCA weights.
ALTER TABLE proposal MODIFY search_text TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
-- closing: open proposals by deadline, then closed ones (ProposalQueries.search walks this index in two parts)
CREATE INDEX ix_proposal_closing ON proposal (support_deadline);
