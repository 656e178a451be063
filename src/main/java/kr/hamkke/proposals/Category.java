package kr.hamkke.proposals;

/** 분야 of a proposal. */
public enum Category {
    WELFARE, ENVIRONMENT, TRANSPORT, SAFETY, HOUSING, ECONOMY, CULTURE, EDUCATION, HEALTH, ADMINISTRATION;

    static boolean valid(String code) {
        if (code == null) {
            return false;
        }
        for (Category c : values()) {
            if (c.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
