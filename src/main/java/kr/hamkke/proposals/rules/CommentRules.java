package kr.hamkke.proposals.rules;

/** P10: comment depth and length, and automatic hiding after reports from distinct people. */
public final class CommentRules {

    private CommentRules() {
    }

    public static boolean depthAllowed(int parentDepth, int maxDepth) {
        return parentDepth + 1 <= maxDepth;
    }

    public static boolean lengthAllowed(String body, int maxLength) {
        return body != null && !body.isBlank() && body.strip().codePointCount(0, body.strip().length()) <= maxLength;
    }

    public static boolean autoHides(int distinctReports, int autoHideReports) {
        return distinctReports >= autoHideReports;
    }
}
