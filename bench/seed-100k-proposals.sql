-- 100,000 public proposals for the list-page benchmark (docs/perf/proposals.md).
-- Plain SQL (MariaDB 10.x / MySQL 8): run with bench/sql.sh JDBC_URL bench/seed-100k-proposals.sql
-- Titles are built from realistic 민주주의 서울 fragments (place × topic × ask), 10 categories, all 25 자치구 + 시 전체,
-- statuses weighted like a long-running site (mostly CLOSED/ANSWERED, some PUBLISHED/UNDER_REVIEW/WITHDRAWN/MERGED).
-- Authors are the 300 demo citizens. Idempotent: rows are marked with code 'B-%' and replaced on a re-run.
DELETE g FROM proposal_gram g JOIN proposal p ON p.id = g.proposal_id WHERE p.code LIKE 'B-%';
DELETE FROM proposal WHERE code LIKE 'B-%';
DROP TEMPORARY TABLE IF EXISTS seed_digit;
CREATE TEMPORARY TABLE seed_digit (d INT NOT NULL PRIMARY KEY);
INSERT INTO seed_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9);
DROP TEMPORARY TABLE IF EXISTS seed_author;
CREATE TEMPORARY TABLE seed_author (k INT NOT NULL PRIMARY KEY, id BIGINT NOT NULL);
INSERT INTO seed_author (k, id)
  SELECT CAST(SUBSTRING(email, 8, 3) AS UNSIGNED) - 1, id FROM account WHERE email LIKE 'citizen___@demo.hamkke.kr';
DROP TEMPORARY TABLE IF EXISTS seed_gu;
CREATE TEMPORARY TABLE seed_gu (k INT NOT NULL PRIMARY KEY, gu_code CHAR(5) NULL);
INSERT INTO seed_gu (k, gu_code) SELECT (@r := @r + 1), gu_code FROM district, (SELECT @r := 0) r ORDER BY gu_code;
INSERT INTO seed_gu (k, gu_code) VALUES (0, NULL);
DROP TEMPORARY TABLE IF EXISTS seed_n;
CREATE TEMPORARY TABLE seed_n (n INT NOT NULL PRIMARY KEY);
INSERT INTO seed_n (n)
  SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d
  FROM seed_digit a, seed_digit b, seed_digit c, seed_digit e, seed_digit f;

INSERT INTO proposal (code, title, body, category, gu_code, author_id, status, search_text, support_window_days,
  review_threshold, review_sla_days, forum_threshold, forum_days, mayor_threshold, mayor_sla_days, submitted_at,
  published_at, support_deadline, support_count, closed_at, created_at, updated_at)
SELECT CONCAT('B-', LPAD(x.n, 6, '0')), x.title, x.body, x.category, g.gu_code, au.id, x.status,
  LOWER(REPLACE(CONCAT(x.title, x.body), ' ', '')), 30, 50, 30, 100, 30, 1000, 30,
  x.published_at - INTERVAL 1 DAY, x.published_at, x.published_at + INTERVAL 30 DAY,
  x.support_count, IF(x.status IN ('CLOSED','WITHDRAWN','MERGED'), x.published_at + INTERVAL 30 DAY, NULL),
  x.published_at - INTERVAL 2 DAY, x.published_at
FROM (
  SELECT n,
    CONCAT(ELT(1 + n % 20, '우리 동네', '한강공원', '지하철역 앞', '초등학교 주변', '전통시장', '버스정류장', '어린이공원',
                '아파트 단지', '골목길', '대학가', '주민센터', '도서관', '하천 산책로', '재래시장 입구', '횡단보도',
                '공영주차장', '복지관', '경로당', '청소년센터', '둘레길'), ' ',
           ELT(1 + (n DIV 20) % 25, '공유 킥보드 주차구역', '무단투기 쓰레기', '보행자 안전시설', '가로등 조도', '분리수거함',
                '공공 와이파이', '그늘막', '자전거 도로', '반려견 놀이터', '미세먼지 쉼터', '야간 순찰', '노인 일자리',
                '청년 창업 공간', '공공 화장실', '어린이 보호구역', '저상버스 노선', '공영 주차장 공유', '길고양이 급식소',
                '난임부부 지원', '소음 민원', '빗물 배수', '무더위 쉼터', '마을 도서관', '공동육아 나눔터', '재활용 정거장'), ' ',
           ELT(1 + (n DIV 500) % 8, '설치해 주세요', '개선을 제안합니다', '확대가 필요합니다', '정비 요청',
                '운영 시간을 늘려 주세요', '안전 대책 마련', '예산 지원 요청', '시범 운영 제안')) AS title,
    CONCAT('서울시민 제안 ', n, '번: 주민들이 매일 불편을 겪고 있습니다. 현장을 확인하시고 개선 방안을 마련해 주시기 바랍니다. ',
           '관련 부서와 자치구가 협력하여 검토해 주세요.') AS body,
    ELT(1 + (n DIV 7) % 10, 'WELFARE', 'ENVIRONMENT', 'TRANSPORT', 'SAFETY', 'HOUSING', 'ECONOMY', 'CULTURE',
        'EDUCATION', 'HEALTH', 'ADMINISTRATION') AS category,
    ELT(1 + (n * 7) % 20, 'CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'ANSWERED', 'ANSWERED',
        'ANSWERED', 'ANSWERED', 'PUBLISHED', 'PUBLISHED', 'UNDER_REVIEW', 'WITHDRAWN', 'MERGED', 'CLOSED', 'CLOSED',
        'ANSWERED', 'CLOSED') AS status,
    (n * 37) % 49 + IF(n % 11 = 0, 50 + (n % 400), 0) AS support_count,
    IF(ELT(1 + (n * 7) % 20, 'x','x','x','x','x','x','x','x','x','x','x','P','P','x','x','x','x','x','x','x') = 'P',
       UTC_TIMESTAMP(6) - INTERVAL (n % 28) DAY - INTERVAL (n % 1440) MINUTE,
       UTC_TIMESTAMP(6) - INTERVAL (40 + n % 2500) DAY - INTERVAL (n % 1440) MINUTE) AS published_at
  FROM seed_n
) x
JOIN seed_author au ON au.k = x.n % 300
JOIN seed_gu g ON g.k = (x.n DIV 3) % 26;

-- Keyword index (V13, kr.hamkke.proposals.SearchGrams): the distinct bigrams of each new row's search_text, about
-- 10 M rows; inserted in primary-key order with the secondary index dropped and rebuilt (minutes, not half an hour).
ALTER TABLE proposal_gram DROP INDEX ix_proposal_gram_proposal;
INSERT IGNORE INTO proposal_gram (gram, proposal_id)
  SELECT DISTINCT SUBSTRING(p.search_text, s.n + 1, 2), p.id FROM proposal p JOIN seed_n s ON s.n < CHAR_LENGTH(p.search_text) - 1
  WHERE p.code LIKE 'B-%' ORDER BY 1, 2;
ALTER TABLE proposal_gram ADD INDEX ix_proposal_gram_proposal (proposal_id);

DROP TEMPORARY TABLE seed_n;
DROP TEMPORARY TABLE seed_gu;
DROP TEMPORARY TABLE seed_author;
DROP TEMPORARY TABLE seed_digit;
ANALYZE TABLE proposal;
ANALYZE TABLE proposal_gram;
