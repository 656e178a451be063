package kr.hamkke.budgetlines.csv;

/** The three table layouts of the reports (DOMAIN §7.2). */
public enum TableFormat {
    /** 세부사업별 예산현황: 구분, 2022년(A), 2021년 본예산, 2021년 최종예산(B), 증감(A-B), 증감률. */
    PLAN,
    /** 예산현황 (집행): 구분, 예산, 예산현액(A), 원인행위액, 지출액(B), 집행률(B/A). */
    EXEC,
    /** 예산집행 현황 with the year-end forecast: 사업명, 예산현액, 원인행위, 지출액, 집행률 ×2, 연말 예상액, 연말 집행률. */
    EXEC_FORECAST
}
