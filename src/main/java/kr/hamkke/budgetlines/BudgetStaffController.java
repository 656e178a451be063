package kr.hamkke.budgetlines;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import kr.hamkke.budgetlines.csv.Column;
import kr.hamkke.budgetlines.csv.TableFormat;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.FormErrors;
import kr.hamkke.shared.web.Pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Staff pages: lines, links, snapshots, milestones, CSV import with findings and corrections, export. */
@Controller("/staff/budget-lines")
@ExecuteOn(TaskExecutors.BLOCKING)
class BudgetStaffController {

    private static final String READERS_0 = Role.Names.BUDGET_STAFF;
    private static final String READERS_1 = Role.Names.AUDITOR;

    private final BudgetLineService service;
    private final BudgetReports reports;
    private final BudgetImportService imports;
    private final Pages pages;
    private final Clock clock;

    BudgetStaffController(BudgetLineService service, BudgetReports reports, BudgetImportService imports, Pages pages,
                          Clock clock) {
        this.service = service;
        this.reports = reports;
        this.imports = imports;
        this.pages = pages;
        this.clock = clock;
    }

    private static Actor staff(Authentication auth) {
        return CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF);
    }

    private Map<String, Object> common(Authentication auth) {
        Map<String, Object> m = new HashMap<>();
        m.put("candidates", Access.edits(auth) ? service.candidates() : List.of());
        m.put("linkedTotals", Access.edits(auth) ? service.linkedTotals() : Map.of());
        m.put("fmt", Fmt.INSTANCE);
        m.put("canEdit", Access.edits(auth));
        m.put("statuses", LineStatus.values());
        m.put("reasons", PublicReason.values());
        m.put("kinds", SubjectKind.values());
        m.put("outcomes", FundingOutcome.values());
        m.put("formats", TableFormat.values());
        return m;
    }

    // ---- lines

    @Secured({READERS_0, READERS_1})
    @Get("{?fiscalYear,department}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue Integer fiscalYear,
                         @Nullable @QueryValue String department) {
        Map<String, Object> m = common(auth);
        List<Integer> years = reports.fiscalYears(false);
        Integer year = fiscalYear != null ? fiscalYear : years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(0);
        m.put("years", years);
        m.put("year", year);
        m.put("department", department == null ? "" : department);
        m.put("lines", reports.lineViews(year, department, false));
        return pages.ok(request, "budgetlines/staff-list", m);
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Get("/new")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> newLine(HttpRequest<?> request, Authentication auth) {
        Map<String, Object> m = common(auth);
        m.put("form", StaffForms.LineForm.blank(LocalDate.now(clock).getYear()));
        return pages.ok(request, "budgetlines/staff-new", m);
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> create(HttpRequest<?> request, Authentication auth, @Body StaffForms.LineForm form) {
        try {
            LinkInput winner = form.winner();
            LineInput input = form.toInput();
            BudgetLine line = winner == null ? service.create(staff(auth), input)
                    : service.createForWinner(staff(auth), input, winner);
            return Flash.redirect("/staff/budget-lines/" + line.id(), "budget.notice.created");
        } catch (DomainException e) {
            Map<String, Object> m = common(auth);
            m.put("form", form);
            m.put("errors", errors(e, "programName"));
            return pages.invalid(request, "budgetlines/staff-new", m);
        }
    }

    @Secured({READERS_0, READERS_1})
    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> show(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return pages.ok(request, "budgetlines/staff-line", lineModel(auth, id, null, null, null, null));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> update(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                           @Body StaffForms.LineForm form) {
        try {
            service.update(staff(auth), id, form.toInput());
            return Flash.redirect("/staff/budget-lines/" + id, "budget.notice.saved");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return pages.invalid(request, "budgetlines/staff-line", lineModel(auth, id, form, null, null, errors(e, "programName")));
        }
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/{id}/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> link(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Body StaffForms.LinkForm form) {
        try {
            service.link(staff(auth), id, form.toInput(true));
            return Flash.redirect("/staff/budget-lines/" + id, "budget.notice.linked");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return pages.invalid(request, "budgetlines/staff-line", lineModel(auth, id, null, form, null, errors(e, "amount")));
        }
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/{id}/executions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> execution(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                              @Body StaffForms.SnapshotForm form) {
        try {
            service.recordSnapshot(staff(auth), id, form.toInput());
            return Flash.redirect("/staff/budget-lines/" + id, "budget.notice.snapshot");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return pages.invalid(request, "budgetlines/staff-line", lineModel(auth, id, null, null, form, errors(e, "asOf")));
        }
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/milestones")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> milestone(Authentication auth, @Body StaffForms.MilestoneForm form) {
        String ref = form.subjectId() == null ? "" : form.subjectId().strip();
        String kindText = form.subjectKind();
        if (ref.contains(":")) {
            kindText = ref.substring(0, ref.indexOf(':'));
            ref = ref.substring(ref.indexOf(':') + 1);
        }
        SubjectKind kind = SubjectKind.parse(kindText).orElseThrow(() -> new InvalidInput("subjectKind", "budget.subject-kind"));
        long subjectId;
        try {
            subjectId = Long.parseLong(ref);
        } catch (NumberFormatException e) {
            throw new InvalidInput("subjectId", "budget.subject-id");
        }
        service.addMilestone(staff(auth), kind, subjectId, form.occurredOn(), form.text(), "yes".equals(form.completed()));
        String back = form.lineId() != null && form.lineId().matches("\\d{1,18}") ? "/staff/budget-lines/" + form.lineId()
                : "/accountability/" + kind.slug() + "/" + subjectId;
        return Flash.redirect(back, "budget.notice.milestone");
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Get("/not-funded")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> notFundedPage(HttpRequest<?> request, Authentication auth) {
        Map<String, Object> m = common(auth);
        m.put("form", new StaffForms.LinkForm("PB_PROJECT", "", "", "NOT_FUNDED", "", "", "", "", ""));
        return pages.ok(request, "budgetlines/staff-not-funded", m);
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/not-funded")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> notFunded(HttpRequest<?> request, Authentication auth, @Body StaffForms.LinkForm form) {
        try {
            Funding f = service.decideNotFunded(staff(auth), form.toInput(false));
            return Flash.redirect("/accountability/" + f.subject().kind().slug() + "/" + f.subject().id(),
                    "budget.notice.not-funded");
        } catch (DomainException e) {
            Map<String, Object> m = common(auth);
            m.put("form", form);
            m.put("errors", errors(e, "publicReason"));
            return pages.invalid(request, "budgetlines/staff-not-funded", m);
        }
    }

    private Map<String, Object> lineModel(Authentication auth, long id, StaffForms.LineForm lineForm,
                                          StaffForms.LinkForm linkForm, StaffForms.SnapshotForm snapshotForm,
                                          FormErrors errors) {
        BudgetReports.LineView v = reports.lineView(id, false);
        Map<String, Object> m = common(auth);
        m.put("v", v);
        m.put("chart", SpendingChart.svg(v.line(), v.snapshots()));
        m.put("form", lineForm != null ? lineForm : StaffForms.LineForm.of(v.line()));
        m.put("link", linkForm != null ? linkForm : StaffForms.LinkForm.blank());
        m.put("snap", snapshotForm != null ? snapshotForm : StaffForms.SnapshotForm.blank());
        m.put("today", LocalDate.now(clock).toString());
        if (errors != null) {
            m.put("errors", errors);
        }
        return m;
    }

    static FormErrors errors(DomainException e, String fallbackField) {
        String field = e instanceof InvalidInput ii ? FORM_FIELDS.getOrDefault(ii.field(), ii.field()) : fallbackField;
        return new FormErrors().add(field, "error." + e.code());
    }

    /** Service field names (amounts in 원) → the staff forms' field ids, so the error summary links reach the field. */
    private static final Map<String, String> FORM_FIELDS = Map.of(
            "amountWon", "amount", "committedWon", "committed", "spentWon", "spent",
            "statedForecastWon", "forecast", "finalWon", "finalAmount", "originalWon", "original",
            "carriedOverWon", "carriedOver", "prevOriginalWon", "prevOriginal", "prevFinalWon", "prevFinal");

    // ---- imports

    @Secured({READERS_0, READERS_1})
    @Get("/imports")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> importsPage(HttpRequest<?> request, Authentication auth) {
        Map<String, Object> m = common(auth);
        m.put("imports", imports.recent(50));
        m.put("year", LocalDate.now(clock).getYear());
        return pages.ok(request, "budgetlines/staff-imports", m);
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> upload(HttpRequest<?> request, Authentication auth, @Nullable @Part("file") CompletedFileUpload file,
                           @Nullable @Part("fiscalYear") String fiscalYear, @Nullable @Part("bureau") String bureau,
                           @Nullable @Part("asOf") String asOf) {
        try {
            Integer year;
            try {
                year = fiscalYear == null || fiscalYear.isBlank() ? null : Integer.valueOf(fiscalYear.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput("fiscalYear", "budget.fiscal-year");
            }
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            var v = imports.upload(staff(auth), file == null ? null : file.getFilename(), bytes, year, bureau,
                    BudgetLinesApi.date("asOf", asOf));
            return Flash.redirect("/staff/budget-lines/imports/" + v.record().id(), "budget.notice.uploaded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DomainException e) {
            Map<String, Object> m = common(auth);
            m.put("imports", imports.recent(50));
            m.put("year", LocalDate.now(clock).getYear());
            m.put("errors", errors(e, "file"));
            return pages.invalid(request, "budgetlines/staff-imports", m);
        }
    }

    @Secured({READERS_0, READERS_1})
    @Get("/imports/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> importPage(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return pages.ok(request, "budgetlines/staff-import", importModel(auth, id, StaffForms.CorrectionForm.blank(), null));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/imports/{id}/corrections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> correct(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                            @Body StaffForms.CorrectionForm form) {
        try {
            Integer row;
            try {
                row = form.row() == null || form.row().isBlank() ? null : Integer.valueOf(form.row().strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput("row", "budget.correction-row");
            }
            imports.correct(staff(auth), id, row, form.column(), form.value(), form.note());
            return Flash.redirect("/staff/budget-lines/imports/" + id, "budget.notice.corrected");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return pages.invalid(request, "budgetlines/staff-import", importModel(auth, id, form, errors(e, "value")));
        }
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/imports/{id}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> apply(Authentication auth, @PathVariable long id) {
        imports.apply(staff(auth), id);
        return Flash.redirect("/staff/budget-lines/imports/" + id, "budget.notice.applied");
    }

    private Map<String, Object> importModel(Authentication auth, long id, StaffForms.CorrectionForm form, FormErrors errors) {
        var v = imports.view(id);
        Map<String, Object> m = common(auth);
        m.put("imp", v.record());
        m.put("report", v.report());
        m.put("corrections", v.corrections());
        m.put("columns", Column.values());
        m.put("form", form);
        if (errors != null) {
            m.put("errors", errors);
        }
        return m;
    }
}
