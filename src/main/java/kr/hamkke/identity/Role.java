package kr.hamkke.identity;

/** Roles granted to accounts. CITIZEN is implicit for every signed-in account. */
public enum Role {
    CITIZEN, VERIFIED, PANEL_MEMBER, FACILITATOR, MODERATOR, AGENDA_GROUP, DEPT_REVIEWER,
    BUDGET_STAFF, DISTRICT_OFFICER, ADMIN, AUDITOR;

    /** Roles an admin may grant; CITIZEN and VERIFIED come from sign-up and verification. */
    public boolean grantable() {
        return this != CITIZEN && this != VERIFIED;
    }

    /** Role names for {@code @Secured}: annotation values must be constants. */
    public static final class Names {
        public static final String CITIZEN = "CITIZEN";
        public static final String VERIFIED = "VERIFIED";
        public static final String PANEL_MEMBER = "PANEL_MEMBER";
        public static final String FACILITATOR = "FACILITATOR";
        public static final String MODERATOR = "MODERATOR";
        public static final String AGENDA_GROUP = "AGENDA_GROUP";
        public static final String DEPT_REVIEWER = "DEPT_REVIEWER";
        public static final String BUDGET_STAFF = "BUDGET_STAFF";
        public static final String DISTRICT_OFFICER = "DISTRICT_OFFICER";
        public static final String ADMIN = "ADMIN";
        public static final String AUDITOR = "AUDITOR";

        private Names() {
        }
    }
}
