-- Public demo proposals whose detail pages the vote-day mix views (the list rows B-% and 공감 rows S-% left out).
SELECT GROUP_CONCAT(id ORDER BY id) FROM proposal WHERE code NOT LIKE 'B-%' AND code NOT LIKE 'S-%'
  AND status IN ('PUBLISHED','UNDER_REVIEW','ANSWERED','CLOSED');
