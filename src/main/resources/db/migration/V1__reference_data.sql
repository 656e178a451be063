-- Reference data every feature uses: the 25 자치구, their 동, and the city's org units.
CREATE TABLE district (
  gu_code   CHAR(5)     NOT NULL PRIMARY KEY,
  name_ko   VARCHAR(20) NOT NULL,
  name_en   VARCHAR(40) NOT NULL,
  region_ko VARCHAR(10) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dong (
  dong_code VARCHAR(10) NOT NULL PRIMARY KEY,
  gu_code   CHAR(5)     NOT NULL,
  name_ko   VARCHAR(30) NOT NULL,
  CONSTRAINT fk_dong_gu FOREIGN KEY (gu_code) REFERENCES district (gu_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE org_unit (
  code        VARCHAR(20) NOT NULL PRIMARY KEY,
  name_ko     VARCHAR(60) NOT NULL,
  name_en     VARCHAR(80) NOT NULL,
  kind        VARCHAR(12) NOT NULL,
  parent_code VARCHAR(20) NULL,
  valid_from  DATE        NOT NULL,
  valid_to    DATE        NULL,
  CONSTRAINT fk_org_parent FOREIGN KEY (parent_code) REFERENCES org_unit (code),
  CONSTRAINT chk_org_kind CHECK (kind IN ('BUREAU', 'DIVISION', 'DISTRICT', 'MAYOR_OFFICE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO district (gu_code, name_ko, name_en, region_ko) VALUES
 ('11110','종로구','Jongno-gu','도심권'),('11140','중구','Jung-gu','도심권'),('11170','용산구','Yongsan-gu','도심권'),
 ('11200','성동구','Seongdong-gu','동북권'),('11215','광진구','Gwangjin-gu','동북권'),('11230','동대문구','Dongdaemun-gu','동북권'),
 ('11260','중랑구','Jungnang-gu','동북권'),('11290','성북구','Seongbuk-gu','동북권'),('11305','강북구','Gangbuk-gu','동북권'),
 ('11320','도봉구','Dobong-gu','동북권'),('11350','노원구','Nowon-gu','동북권'),('11380','은평구','Eunpyeong-gu','서북권'),
 ('11410','서대문구','Seodaemun-gu','서북권'),('11440','마포구','Mapo-gu','서북권'),('11470','양천구','Yangcheon-gu','서남권'),
 ('11500','강서구','Gangseo-gu','서남권'),('11530','구로구','Guro-gu','서남권'),('11545','금천구','Geumcheon-gu','서남권'),
 ('11560','영등포구','Yeongdeungpo-gu','서남권'),('11590','동작구','Dongjak-gu','서남권'),('11620','관악구','Gwanak-gu','서남권'),
 ('11650','서초구','Seocho-gu','동남권'),('11680','강남구','Gangnam-gu','동남권'),('11710','송파구','Songpa-gu','동남권'),
 ('11740','강동구','Gangdong-gu','동남권');

-- 동 named in the reports (DOMAIN §10.1) plus one representative 동 for every other 자치구,
-- so that every district has at least one address. Codes are the 행정동 codes (10 digits).
INSERT INTO dong (dong_code, gu_code, name_ko) VALUES
 ('1130560600','11305','번동'),('1121580000','11215','중곡4동'),('1159051000','11590','대방동'),
 ('1144068000','11440','합정동'),('1144069000','11440','망원1동'),('1132066000','11320','창1동'),
 ('1147051000','11470','목1동'),('1129066000','11290','동선동'),('1168066000','11680','개포2동'),
 ('1111051500','11110','청운효자동'),('1114052000','11140','소공동'),('1117051000','11170','후암동'),
 ('1120052000','11200','왕십리도선동'),('1123053000','11230','회기동'),('1126056500','11260','면목본동'),
 ('1135059500','11350','상계1동'),('1138055100','11380','녹번동'),('1141058500','11410','신촌동'),
 ('1150051000','11500','염창동'),('1153051000','11530','신도림동'),('1154551000','11545','가산동'),
 ('1156051500','11560','여의동'),('1162052500','11620','신림동'),('1165051000','11650','서초1동'),
 ('1171051000','11710','풍납1동'),('1174051500','11740','천호1동');

INSERT INTO org_unit (code, name_ko, name_en, kind, parent_code, valid_from, valid_to) VALUES
 ('MAYOR','시장실','Office of the Mayor','MAYOR_OFFICE',NULL,'2000-01-01',NULL),
 ('INNOV','서울혁신기획관','Seoul Innovation Bureau','BUREAU',NULL,'2012-01-01','2021-07-24'),
 ('CIVIC','시민협력국','Citizen Cooperation Bureau','BUREAU',NULL,'2021-07-25',NULL),
 ('CIVIC-PART','시민참여과','Citizen Participation Division','DIVISION','CIVIC','2021-07-25',NULL),
 ('CIVIC-PB','시민숙의예산과','Deliberative Budget Division','DIVISION','CIVIC','2021-07-25',NULL),
 ('CIVIC-COMM','지역공동체과','Community Division','DIVISION','CIVIC','2021-07-25',NULL),
 ('CIVIC-SOC','사회협력과','Social Cooperation Division','DIVISION','CIVIC','2021-07-25',NULL),
 ('CIVIC-CONF','갈등관리협치과','Conflict Management and Governance Division','DIVISION','CIVIC','2021-07-25',NULL),
 ('RECYCLE','자원순환과','Resource Circulation Division','DIVISION',NULL,'2000-01-01',NULL),
 ('SMART','스마트도시정책관','Smart City Policy Bureau','BUREAU',NULL,'2000-01-01',NULL);
