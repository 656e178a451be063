package kr.hamkke.proposals;

import io.micronaut.context.annotation.ConfigurationProperties;
import kr.hamkke.proposals.rules.RuleSet;

/**
 * {@code hamkke.proposals.*}: the values in force now, with DOMAIN §4.3/§8.4 defaults. A proposal copies
 * them at publication and keeps them for its whole life.
 */
@ConfigurationProperties("hamkke.proposals")
public class ProposalConfig {

    private int supportWindowDays = 30;
    private int reviewThreshold = 50;
    private int reviewSlaDays = 30;
    private int forumThreshold = 100;
    private int forumDays = 30;
    private int mayorThreshold = 1000;
    private int mayorSlaDays = 30;
    private int questionFollowUpDays = 60;
    private int autoHideReports = 3;
    private int commentMaxDepth = 3;
    private int commentMaxLength = 1000;

    public RuleSet ruleSet() {
        return new RuleSet(supportWindowDays, reviewThreshold, reviewSlaDays, forumThreshold, forumDays, mayorThreshold, mayorSlaDays);
    }

    public int getSupportWindowDays() { return supportWindowDays; }
    public void setSupportWindowDays(int v) { supportWindowDays = v; }
    public int getReviewThreshold() { return reviewThreshold; }
    public void setReviewThreshold(int v) { reviewThreshold = v; }
    public int getReviewSlaDays() { return reviewSlaDays; }
    public void setReviewSlaDays(int v) { reviewSlaDays = v; }
    public int getForumThreshold() { return forumThreshold; }
    public void setForumThreshold(int v) { forumThreshold = v; }
    public int getForumDays() { return forumDays; }
    public void setForumDays(int v) { forumDays = v; }
    public int getMayorThreshold() { return mayorThreshold; }
    public void setMayorThreshold(int v) { mayorThreshold = v; }
    public int getMayorSlaDays() { return mayorSlaDays; }
    public void setMayorSlaDays(int v) { mayorSlaDays = v; }
    public int getQuestionFollowUpDays() { return questionFollowUpDays; }
    public void setQuestionFollowUpDays(int v) { questionFollowUpDays = v; }
    public int getAutoHideReports() { return autoHideReports; }
    public void setAutoHideReports(int v) { autoHideReports = v; }
    public int getCommentMaxDepth() { return commentMaxDepth; }
    public void setCommentMaxDepth(int v) { commentMaxDepth = v; }
    public int getCommentMaxLength() { return commentMaxLength; }
    public void setCommentMaxLength(int v) { commentMaxLength = v; }
}
