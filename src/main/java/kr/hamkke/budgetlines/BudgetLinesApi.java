package kr.hamkke.budgetlines;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import kr.hamkke.budgetlines.csv.TableFormat;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.ErrorResponses;
import kr.hamkke.shared.web.Locales;
import kr.hamkke.shared.web.Problem;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** JSON API and CSV exports. Reads: published lines for everyone, all lines for budget staff and auditors. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class BudgetLinesApi {

    static final MediaType CSV = MediaType.of("text/csv;charset=utf-8");

    private final BudgetLineService service;
    private final BudgetReports reports;
    private final BudgetImportService imports;
    private final Accountability accountability;
    private final OpenData openData;
    private final ErrorResponses errors;
    private final MessageSource messages;

    BudgetLinesApi(BudgetLineService service, BudgetReports reports, BudgetImportService imports,
                   Accountability accountability, OpenData openData, ErrorResponses errors, MessageSource messages) {
        this.service = service;
        this.reports = reports;
        this.imports = imports;
        this.accountability = accountability;
        this.openData = openData;
        this.errors = errors;
        this.messages = messages;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/api/budget-lines{?fiscalYear,department}")
    @Produces(MediaType.APPLICATION_JSON)
    List<ApiJson.LineJson> list(@Nullable Authentication auth, @Nullable @QueryValue Integer fiscalYear,
                                @Nullable @QueryValue String department) {
        return reports.lineViews(fiscalYear, department, !Access.readsAll(auth)).stream()
                .map(v -> ApiJson.line(v, false)).toList();
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/api/budget-lines/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    ApiJson.LineJson one(@Nullable Authentication auth, @PathVariable long id) {
        return ApiJson.line(reports.lineView(id, !Access.readsAll(auth)), true);
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/api/budget-lines")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<ApiJson.LineJson> create(Authentication auth, @Body LineInput body) {
        BudgetLine line = service.create(staff(auth), body);
        return HttpResponse.created(ApiJson.line(reports.lineView(line.id(), false), true),
                URI.create("/api/budget-lines/" + line.id()));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/api/budget-lines/for-winner")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<ApiJson.LineJson> createForWinner(Authentication auth, @Body ApiJson.WinnerLineInput body) {
        if (body.line() == null) {
            throw new InvalidInput("line", "budget.program-name");
        }
        BudgetLine line = service.createForWinner(staff(auth), body.line(), body.link());
        return HttpResponse.created(ApiJson.line(reports.lineView(line.id(), false), true),
                URI.create("/api/budget-lines/" + line.id()));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Put("/api/budget-lines/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ApiJson.LineJson update(Authentication auth, @PathVariable long id, @Body LineInput body) {
        service.update(staff(auth), id, body);
        return ApiJson.line(reports.lineView(id, false), true);
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/api/budget-lines/{id}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<ApiJson.LinkJson> link(Authentication auth, @PathVariable long id, @Body LinkInput body) {
        return HttpResponse.created(ApiJson.link(service.link(staff(auth), id, body)));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/api/funding/not-funded")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<ApiJson.LinkJson> notFunded(Authentication auth, @Body LinkInput body) {
        return HttpResponse.created(ApiJson.link(service.decideNotFunded(staff(auth), body)));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/api/budget-lines/{id}/executions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<ApiJson.SnapshotJson> execution(Authentication auth, @PathVariable long id, @Body SnapshotInput body) {
        Snapshot s = service.recordSnapshot(staff(auth), id, body);
        return HttpResponse.created(ApiJson.snapshot(s, service.line(id).budgetCurrentWon()));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/api/accountability/{kind}/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    ApiJson.TimelineJson timeline(@Nullable Authentication auth, @PathVariable String kind, @PathVariable long id) {
        SubjectKind k = SubjectKind.parse(kind).orElseThrow(() -> DomainException.notFound("budget.subject-not-found"));
        Accountability.Timeline t = accountability.timeline(k, id, !Access.readsAll(auth));
        return new ApiJson.TimelineJson(t.subject(), t.summary(), t.entries(),
                t.funding().stream().map(ApiJson::link).toList(),
                t.lines().stream().map(v -> ApiJson.line(v, false)).toList(), t.completed());
    }

    // ---- imports

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/api/budget-lines/imports{?fiscalYear,bureau,asOf,source}")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<ApiJson.ImportJson> upload(Authentication auth, @Body byte[] body, @Nullable @QueryValue Integer fiscalYear,
                                            @Nullable @QueryValue String bureau, @Nullable @QueryValue String asOf,
                                            @Nullable @QueryValue String source) {
        var v = imports.upload(staff(auth), source, body, fiscalYear, bureau, date("asOf", asOf));
        return HttpResponse.created(ApiJson.importJson(v), URI.create("/api/budget-lines/imports/" + v.record().id()));
    }

    /** The same upload as JSON: {@code {"csv": "...", "source", "fiscalYear", "bureau", "asOf"}} (CSV as text). */
    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/api/budget-lines/imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<ApiJson.ImportJson> uploadJson(Authentication auth, @Body ApiJson.ImportBody body) {
        byte[] bytes = body.csv() == null ? new byte[0] : body.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var v = imports.upload(staff(auth), body.source(), bytes, body.fiscalYear(), body.bureau(), date("asOf", body.asOf()));
        return HttpResponse.created(ApiJson.importJson(v), URI.create("/api/budget-lines/imports/" + v.record().id()));
    }

    @Secured({Role.Names.BUDGET_STAFF, Role.Names.AUDITOR})
    @Get("/api/budget-lines/imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    ApiJson.ImportJson importView(@PathVariable long id) {
        return ApiJson.importJson(imports.view(id));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/api/budget-lines/imports/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ApiJson.ImportJson correct(Authentication auth, @PathVariable long id, @Body ApiJson.CorrectionInput body) {
        return ApiJson.importJson(imports.correct(staff(auth), id, body.row(), body.column(), body.value(), body.note()));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/api/budget-lines/imports/{id}/apply")
    @Produces(MediaType.APPLICATION_JSON)
    ApiJson.ImportJson apply(Authentication auth, @PathVariable long id) {
        return ApiJson.importJson(imports.apply(staff(auth), id));
    }

    // ---- exports

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/api/budget-lines/export/table.csv{?fiscalYear,department,format,asOf}")
    HttpResponse<byte[]> table(@Nullable Authentication auth, @Nullable @QueryValue Integer fiscalYear,
                               @Nullable @QueryValue String department, @Nullable @QueryValue String format,
                               @Nullable @QueryValue String asOf) {
        if (fiscalYear == null) {
            throw new InvalidInput("fiscalYear", "budget.fiscal-year");
        }
        TableFormat f;
        try {
            f = format == null || format.isBlank() ? TableFormat.EXEC : TableFormat.valueOf(format.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("format", "budget.format");
        }
        LocalDate date = date("asOf", asOf);
        if (date == null && f != TableFormat.PLAN) {
            date = LocalDate.of(fiscalYear, 12, 31);
        }
        byte[] bytes = openData.reportTable(fiscalYear, department, f, date, !Access.readsAll(auth));
        return csv(bytes, "budget-" + fiscalYear + "-" + f.name().toLowerCase() + ".csv");
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/api/budget-lines/export/{dataset}.csv{?fiscalYear,department}")
    HttpResponse<byte[]> dataset(@Nullable Authentication auth, @PathVariable String dataset,
                                 @Nullable @QueryValue Integer fiscalYear, @Nullable @QueryValue String department) {
        boolean published = !Access.readsAll(auth);
        byte[] bytes = switch (dataset) {
            case "lines" -> openData.linesCsv(fiscalYear, department, published);
            case "links" -> openData.linksCsv(fiscalYear, department, published);
            case "snapshots" -> openData.snapshotsCsv(fiscalYear, department, published);
            default -> throw DomainException.notFound("budget.no-dataset");
        };
        return csv(bytes, "budget-" + dataset + (fiscalYear == null ? "" : "-" + fiscalYear) + ".csv");
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/api/budget-lines/export/open-data.json{?fiscalYear,department}")
    @Produces(MediaType.APPLICATION_JSON)
    List<ApiJson.LineJson> openDataJson(@Nullable Authentication auth, @Nullable @QueryValue Integer fiscalYear,
                                        @Nullable @QueryValue String department) {
        return openData.linesJson(fiscalYear, department, !Access.readsAll(auth));
    }

    static HttpResponse<byte[]> csv(byte[] bytes, String filename) {
        return HttpResponse.ok(bytes).contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "budget.date");
        }
    }

    private static kr.hamkke.shared.Actor staff(Authentication auth) {
        return CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF);
    }

    @Error(exception = io.micronaut.json.JsonSyntaxException.class)
    HttpResponse<?> malformed(HttpRequest<?> request) {
        return errors.error(request, HttpStatus.BAD_REQUEST, "malformed", null);
    }

    @Error(exception = InvalidInput.class)
    HttpResponse<?> invalid(HttpRequest<?> request, InvalidInput e) {
        String text = messages.getMessage("error." + e.code(), Locales.of(request)).orElse(e.code());
        return errors.error(request, HttpStatus.UNPROCESSABLE_ENTITY, e.code(),
                List.of(new Problem.FieldProblem(e.field(), text)));
    }
}
