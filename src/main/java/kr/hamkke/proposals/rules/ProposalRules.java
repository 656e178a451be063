package kr.hamkke.proposals.rules;

import java.time.Instant;

/** Pure decisions about one proposal (rules P1–P7). No framework, no database. */
public final class ProposalRules {

    /** Why an action on a proposal is or is not possible; the UI explains each. */
    public enum Verdict {
        OK, NOT_PUBLISHED, WINDOW_CLOSED, NOT_YET_OPEN, OWN_PROPOSAL, NOT_AUTHOR, HAS_SUPPORTS, WRONG_STATUS,
        ALREADY_SUPPORTED, NOT_SUPPORTED;

        public String messageKey() {
            return "proposals.verdict." + name();
        }
    }

    /** The facts the rules look at. */
    public record Facts(ProposalStatus status, long authorId, int supportCount, Instant publishedAt,
                        Instant supportDeadline, Instant reviewTriggeredAt, boolean forumOpened) {
    }

    private ProposalRules() {
    }

    /** The author may edit a draft, or a submitted/published proposal nobody has supported yet. */
    public static Verdict mayEdit(Facts p, long accountId) {
        if (p.authorId() != accountId) {
            return Verdict.NOT_AUTHOR;
        }
        if (p.status() != ProposalStatus.DRAFT && p.status() != ProposalStatus.SUBMITTED && p.status() != ProposalStatus.PUBLISHED) {
            return Verdict.WRONG_STATUS;
        }
        return p.supportCount() > 0 ? Verdict.HAS_SUPPORTS : Verdict.OK;
    }

    public static Verdict mayWithdraw(Facts p, long accountId) {
        if (p.authorId() != accountId) {
            return Verdict.NOT_AUTHOR;
        }
        return p.status() == ProposalStatus.SUBMITTED || p.status() == ProposalStatus.PUBLISHED ? Verdict.OK : Verdict.WRONG_STATUS;
    }

    /** P1: supports count only inside [published_at, support_deadline], whatever the review status. */
    public static boolean windowOpen(Facts p, Instant now) {
        return p.publishedAt() != null && p.supportDeadline() != null
                && !now.isBefore(p.publishedAt()) && !now.isAfter(p.supportDeadline());
    }

    public static Verdict maySupport(Facts p, long accountId, Instant now) {
        if (p.status() != ProposalStatus.PUBLISHED && p.status() != ProposalStatus.UNDER_REVIEW
                && p.status() != ProposalStatus.ANSWERED) {
            return Verdict.NOT_PUBLISHED;
        }
        if (p.publishedAt() != null && now.isBefore(p.publishedAt())) {
            return Verdict.NOT_YET_OPEN;
        }
        if (!windowOpen(p, now)) {
            return Verdict.WINDOW_CLOSED;
        }
        return p.authorId() == accountId ? Verdict.OWN_PROPOSAL : Verdict.OK;
    }

    /** P1: withdrawing a support is allowed while the window is open. */
    public static Verdict mayWithdrawSupport(Facts p, Instant now) {
        return windowOpen(p, now) ? Verdict.OK : Verdict.WINDOW_CLOSED;
    }

    /** P2: the count reached the review threshold, and review was never triggered before. */
    public static boolean triggersReview(Facts p, RuleSet rules) {
        return p.reviewTriggeredAt() == null && p.status() == ProposalStatus.PUBLISHED
                && p.supportCount() >= rules.reviewThreshold();
    }

    /** P4: the count reached the forum threshold and no forum has been opened for it. */
    public static boolean opensForum(Facts p, RuleSet rules) {
        return !p.forumOpened() && p.supportCount() >= rules.forumThreshold();
    }

    /** Window over below the threshold and not picked: the proposal closes. */
    public static boolean closesUnanswered(Facts p, Instant now) {
        return p.status() == ProposalStatus.PUBLISHED && p.supportDeadline() != null && now.isAfter(p.supportDeadline());
    }

    /** P7: 우수제안 may be picked while published, or within 90 days after closing. */
    public static boolean mayBePicked(ProposalStatus status, Instant closedAt, Instant now) {
        if (status == ProposalStatus.PUBLISHED) {
            return true;
        }
        return status == ProposalStatus.CLOSED && closedAt != null && !now.isAfter(closedAt.plus(java.time.Duration.ofDays(90)));
    }

    /** P6: a forum closing with at least the mayor threshold of participants needs the mayor's answer. */
    public static boolean needsMayor(int participants, RuleSet rules) {
        return participants >= rules.mayorThreshold();
    }

    /** P9: negative decisions need a reason code and at least 20 characters of public text. */
    public static boolean publicReasonOk(String reasonCode, String text) {
        return reasonCode != null && !reasonCode.isBlank() && text != null && text.strip().length() >= 20;
    }

    /** A successful appeal against HIDDEN returns the proposal to the status the hide interrupted. */
    public static boolean restorableAfterAppeal(ProposalStatus before) {
        return before == ProposalStatus.SUBMITTED || before == ProposalStatus.PUBLISHED || before == ProposalStatus.UNDER_REVIEW
                || before == ProposalStatus.ANSWERED || before == ProposalStatus.CLOSED;
    }
}
