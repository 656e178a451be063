package kr.hamkke.proposals.rules;

import kr.hamkke.proposals.rules.ProposalRules.Facts;
import kr.hamkke.proposals.rules.ProposalRules.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProposalRulesTest {

    static final Instant PUBLISHED = Instant.parse("2026-03-01T01:00:00Z");
    static final Instant DEADLINE = Deadlines.endOfDayAfter(PUBLISHED, 30);
    static final long AUTHOR = 7;

    static Facts facts(ProposalStatus status, int supports) {
        return new Facts(status, AUTHOR, supports, status == ProposalStatus.DRAFT ? null : PUBLISHED,
                status == ProposalStatus.DRAFT ? null : DEADLINE, null, false);
    }

    @ParameterizedTest(name = "{0} with {1} supports, account {2} -> {3}")
    @CsvSource({
            "DRAFT,0,7,OK",
            "SUBMITTED,0,7,OK",
            "PUBLISHED,0,7,OK",
            "PUBLISHED,1,7,HAS_SUPPORTS",
            "PUBLISHED,0,8,NOT_AUTHOR",
            "UNDER_REVIEW,60,7,WRONG_STATUS",
            "WITHDRAWN,0,7,WRONG_STATUS",
            "HIDDEN,0,7,WRONG_STATUS"})
    void mayEdit(ProposalStatus status, int supports, long account, Verdict expected) {
        assertEquals(expected, ProposalRules.mayEdit(facts(status, supports), account));
    }

    @ParameterizedTest(name = "{0} at {1} by {2} -> {3}")
    @CsvSource({
            "PUBLISHED,2026-03-01T01:00:00Z,8,OK",
            "PUBLISHED,2026-03-31T14:59:59Z,8,OK",
            "PUBLISHED,2026-03-31T15:00:00Z,8,WINDOW_CLOSED",
            "PUBLISHED,2026-02-28T00:00:00Z,8,NOT_YET_OPEN",
            "PUBLISHED,2026-03-05T00:00:00Z,7,OWN_PROPOSAL",
            "UNDER_REVIEW,2026-03-05T00:00:00Z,8,OK",
            "ANSWERED,2026-03-05T00:00:00Z,8,OK",
            "SUBMITTED,2026-03-05T00:00:00Z,8,NOT_PUBLISHED",
            "WITHDRAWN,2026-03-05T00:00:00Z,8,NOT_PUBLISHED",
            "CLOSED,2026-03-05T00:00:00Z,8,NOT_PUBLISHED"})
    void maySupport(ProposalStatus status, Instant at, long account, Verdict expected) {
        assertEquals(expected, ProposalRules.maySupport(facts(status, 3), account, at));
    }

    @ParameterizedTest(name = "{0} supports, triggered before={1}, status {2} -> review {3}")
    @CsvSource({
            "49,false,PUBLISHED,false",
            "50,false,PUBLISHED,true",
            "51,false,PUBLISHED,true",
            "50,true,PUBLISHED,false",
            "50,false,UNDER_REVIEW,false"})
    void reviewTriggersOnce(int supports, boolean triggeredBefore, ProposalStatus status, boolean expected) {
        Facts f = new Facts(status, AUTHOR, supports, PUBLISHED, DEADLINE, triggeredBefore ? PUBLISHED : null, false);
        assertEquals(expected, ProposalRules.triggersReview(f, RuleSet.DEFAULTS));
    }

    @ParameterizedTest(name = "{0} supports, forum before={1} -> opens {2}")
    @CsvSource({"99,false,false", "100,false,true", "150,false,true", "100,true,false"})
    void forumOpensOnce(int supports, boolean forumBefore, boolean expected) {
        Facts f = new Facts(ProposalStatus.UNDER_REVIEW, AUTHOR, supports, PUBLISHED, DEADLINE, PUBLISHED, forumBefore);
        assertEquals(expected, ProposalRules.opensForum(f, RuleSet.DEFAULTS));
    }

    @Test
    void thresholdsComeFromTheBoundRuleSet() {
        RuleSet old = new RuleSet(30, 50, 30, 500, 30, 5000, 30);
        Facts f = new Facts(ProposalStatus.UNDER_REVIEW, AUTHOR, 100, PUBLISHED, DEADLINE, PUBLISHED, false);
        assertFalse(ProposalRules.opensForum(f, old), "the pre-2020 rule set needed 500");
        assertTrue(ProposalRules.opensForum(f, RuleSet.DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> new RuleSet(0, 50, 30, 100, 30, 1000, 30));
    }

    @ParameterizedTest(name = "trigger {0} + {1} days -> {2}")
    @CsvSource({
            "2026-03-01T01:00:00Z,30,2026-03-31T23:59:59.999999+09:00",
            "2026-03-01T16:00:00Z,30,2026-04-01T23:59:59.999999+09:00",
            "2026-12-15T00:00:00Z,30,2027-01-14T23:59:59.999999+09:00"})
    void deadlinesEndAtMidnightKst(Instant trigger, int days, ZonedDateTime expected) {
        assertEquals(expected.toInstant(), Deadlines.endOfDayAfter(trigger, days));
    }

    @ParameterizedTest(name = "due {0}, answered {1}, now {2} -> {3} days late")
    @CsvSource({
            "2026-03-31T14:59:59Z,,2026-03-31T10:00:00Z,0",
            "2026-03-31T14:59:59Z,,2026-03-31T15:00:00Z,1",
            "2026-03-31T14:59:59Z,,2026-04-03T15:00:00Z,4",
            "2026-03-31T14:59:59Z,2026-03-30T00:00:00Z,2026-05-01T00:00:00Z,0",
            "2026-03-31T14:59:59Z,2026-04-10T03:00:00Z,2026-05-01T00:00:00Z,10"})
    void overdueDays(Instant due, Instant answered, Instant now, long expected) {
        assertEquals(expected, Deadlines.overdueDays(due, answered, now));
    }

    @ParameterizedTest(name = "{0} closed {1} at {2} -> pickable {3}")
    @CsvSource({
            "PUBLISHED,,2026-03-05T00:00:00Z,true",
            "CLOSED,2026-03-01T00:00:00Z,2026-05-29T00:00:00Z,true",
            "CLOSED,2026-03-01T00:00:00Z,2026-06-01T00:00:00Z,false",
            "WITHDRAWN,,2026-03-05T00:00:00Z,false",
            "UNDER_REVIEW,,2026-03-05T00:00:00Z,false"})
    void agendaPickEligibility(ProposalStatus status, Instant closedAt, Instant now, boolean expected) {
        assertEquals(expected, ProposalRules.mayBePicked(status, closedAt, now));
    }

    @ParameterizedTest(name = "{0} participants vs {1} -> mayor {2}")
    @CsvSource({"999,1000,false", "1000,1000,true", "1184,1000,true", "1184,5000,false"})
    void mayorThreshold(int participants, int threshold, boolean expected) {
        assertEquals(expected, ProposalRules.needsMayor(participants, new RuleSet(30, 50, 30, 100, 30, threshold, 30)));
    }

    @ParameterizedTest(name = "reason {0}/{1} -> {2}")
    @CsvSource({"DUPLICATE,'같은 내용의 제안이 이미 있어 통합합니다. 확인 바랍니다.',true", "DUPLICATE,'짧음',false", "'','충분히 긴 공개 사유 텍스트가 여기 있습니다 정말로',false"})
    void publicReasons(String code, String text, boolean expected) {
        assertEquals(expected, ProposalRules.publicReasonOk(code, text));
    }

    @ParameterizedTest(name = "status {0} -> {1}: {2}")
    @CsvSource({"DRAFT,SUBMITTED,true", "DRAFT,PUBLISHED,false", "SUBMITTED,PUBLISHED,true", "PUBLISHED,UNDER_REVIEW,true",
            "UNDER_REVIEW,PUBLISHED,false", "UNDER_REVIEW,ANSWERED,true", "CLOSED,UNDER_REVIEW,true", "WITHDRAWN,PUBLISHED,false",
            "ANSWERED,UNDER_REVIEW,false"})
    void transitions(ProposalStatus from, ProposalStatus to, boolean expected) {
        assertEquals(expected, from.canTransitionTo(to));
    }

    @ParameterizedTest(name = "comment parent depth {0}, length {1} -> depth ok {2}, length ok {3}")
    @CsvSource({"0,1,true,true", "2,1000,true,true", "3,1001,false,false", "1,0,true,false"})
    void commentRules(int parentDepth, int length, boolean depthOk, boolean lengthOk) {
        assertEquals(depthOk, CommentRules.depthAllowed(parentDepth, 3));
        assertEquals(lengthOk, CommentRules.lengthAllowed("가".repeat(length), 1000));
    }

    @ParameterizedTest(name = "{0} reports -> hidden {1}")
    @CsvSource({"2,false", "3,true", "4,true"})
    void autoHide(int reports, boolean expected) {
        assertEquals(expected, CommentRules.autoHides(reports, 3));
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'' -> {2}")
    @CsvSource({"공유,공유 킥보드 주차구역,true", "공유킥보드,공유 킥보드 주차구역,true", "킥보드 주차,공유 킥보드 주차구역,true",
            "Seoul,SEOUL bike,true", "자전거,공유 킥보드,false"})
    void searchTextMatchesKoreanSubstrings(String keyword, String text, boolean expected) {
        String pattern = SearchText.likePattern(keyword);
        String needle = pattern.substring(1, pattern.length() - 1);
        assertEquals(expected, SearchText.normalize(text).contains(needle));
    }

    @Test
    void likePatternEscapesWildcards() {
        assertEquals("%100\\%\\_%", SearchText.likePattern("100% _"));
    }

    @ParameterizedTest(name = "{0}/{1} = {2}%")
    @CsvSource({"1,3,33.3", "2,3,66.7", "0,0,0.0", "1,8,12.5", "1063,1063,100.0"})
    void percentHalfUp(long part, long whole, String expected) {
        assertEquals(expected, Percent.of(part, whole).toPlainString());
    }
}
