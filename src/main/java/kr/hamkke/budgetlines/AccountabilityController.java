package kr.hamkke.budgetlines;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import kr.hamkke.budgetlines.figures.Rate;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.Pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Public accountability pages: overview per year, line detail with chart and table, timeline per funded subject. */
@Controller("/accountability")
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountabilityController {

    private final BudgetReports reports;
    private final Accountability accountability;
    private final BudgetLineService service;
    private final BudgetLineStore store;
    private final Pages pages;
    private final Clock clock;

    AccountabilityController(BudgetReports reports, Accountability accountability, BudgetLineService service,
                             BudgetLineStore store, Pages pages, Clock clock) {
        this.reports = reports;
        this.accountability = accountability;
        this.service = service;
        this.store = store;
        this.pages = pages;
        this.clock = clock;
    }

    private Map<String, String> guNames() {
        Map<String, String> names = new LinkedHashMap<>();
        store.list("SELECT gu_code, name_ko FROM district ORDER BY gu_code", rs -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    private static BudgetReports.GroupBy groupBy(String by) {
        return switch (by == null ? "" : by) {
            case "bureau" -> BudgetReports.GroupBy.BUREAU;
            case "district" -> BudgetReports.GroupBy.DISTRICT;
            default -> BudgetReports.GroupBy.DEPARTMENT;
        };
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("{?fiscalYear,by,sort}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> overview(HttpRequest<?> request, @Nullable @QueryValue Integer fiscalYear, @Nullable @QueryValue String by,
                             @Nullable @QueryValue String sort) {
        List<Integer> years = reports.fiscalYears(true);
        Integer year = fiscalYear != null ? fiscalYear : years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(0);
        BudgetReports.GroupBy g = groupBy(by);
        List<BudgetReports.OverviewRow> rows = reports.overview(year, g, sort, guNames());
        Map<String, Object> m = new HashMap<>();
        m.put("fmt", Fmt.INSTANCE);
        m.put("years", years);
        m.put("year", year);
        m.put("by", g.name().toLowerCase());
        m.put("sort", sort == null ? "" : sort);
        m.put("rows", rows);
        m.put("total", new BudgetReports.OverviewRow("", "합계", rows.stream().mapToInt(BudgetReports.OverviewRow::lines).sum(),
                rows.stream().mapToLong(BudgetReports.OverviewRow::decidedWon).sum(),
                rows.stream().mapToLong(BudgetReports.OverviewRow::compiledWon).sum(),
                rows.stream().mapToLong(BudgetReports.OverviewRow::committedWon).sum(),
                rows.stream().mapToLong(BudgetReports.OverviewRow::spentWon).sum(),
                rows.stream().map(BudgetReports.OverviewRow::asOf).filter(java.util.Objects::nonNull)
                        .max(java.util.Comparator.naturalOrder()).orElse(null)));
        List<BudgetReports.LineView> lines = reports.lineViews(year, null, true);
        m.put("funded", lines.stream().flatMap(v -> v.funding().stream()).toList());
        m.put("lines", lines);
        return pages.ok(request, "budgetlines/overview", m);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/overview.csv{?fiscalYear,by,sort}")
    HttpResponse<byte[]> overviewCsv(@Nullable @QueryValue Integer fiscalYear, @Nullable @QueryValue String by,
                                     @Nullable @QueryValue String sort) {
        int year = fiscalYear != null ? fiscalYear : LocalDate.now(clock).getYear();
        StringBuilder out = new StringBuilder("\uFEFF");
        OpenData.row(out, "group", "lines", "decided_won", "compiled_won", "committed_won", "spent_won",
                "commitment_rate", "execution_rate");
        for (BudgetReports.OverviewRow r : reports.overview(year, groupBy(by), sort, guNames())) {
            OpenData.row(out, r.label(), r.lines(), r.decidedWon(), r.compiledWon(), r.committedWon(), r.spentWon(),
                    pct(r.commitmentRate()), pct(r.executionRate()));
        }
        return BudgetLinesApi.csv(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "accountability-" + year + ".csv");
    }

    private static Object pct(Rate r) {
        return r == null ? null : r.percent();
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/lines/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> line(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id) {
        BudgetReports.LineView v = reports.lineView(id, !Access.readsAll(auth));
        Map<String, Object> m = new HashMap<>();
        m.put("fmt", Fmt.INSTANCE);
        m.put("v", v);
        m.put("chart", SpendingChart.svg(v.line(), v.snapshots()));
        return pages.ok(request, "budgetlines/line", m);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{kind}/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> timeline(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable String kind,
                             @PathVariable long id) {
        SubjectKind k = SubjectKind.parse(kind).orElseThrow(() -> DomainException.notFound("budget.subject-not-found"));
        Accountability.Timeline t = accountability.timeline(k, id, !Access.readsAll(auth));
        Map<String, Object> m = new HashMap<>();
        m.put("fmt", Fmt.INSTANCE);
        m.put("t", t);
        m.put("charts", t.lines().stream().map(v -> SpendingChart.svg(v.line(), v.snapshots())).toList());
        m.put("following", auth != null && store.followers(k, id).contains(CurrentUser.from(auth).accountId()));
        return pages.ok(request, "budgetlines/timeline", m);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/{kind}/{id}/follow")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> follow(Authentication auth, @PathVariable String kind, @PathVariable long id) {
        SubjectKind k = SubjectKind.parse(kind).orElseThrow(() -> DomainException.notFound("budget.subject-not-found"));
        service.follow(CurrentUser.from(auth).asCitizen(), k, id);
        return Flash.redirect("/accountability/" + k.slug() + "/" + id, "budget.notice.following");
    }
}
