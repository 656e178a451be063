package kr.hamkke.proposals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import kr.hamkke.identity.Role;
import kr.hamkke.proposals.rules.ProposalRules;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.FormErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The proposer's attachment page (upload, remove) and the file itself, served with safe headers. */
@Controller("/proposals/{id}/attachments")
@ExecuteOn(TaskExecutors.BLOCKING)
class AttachmentController {

    /** Served files may not run anything or load anything, even if a browser were to render them as a page. */
    static final String FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

    private final AttachmentService attachments;
    private final ProposalQueries queries;
    private final Views pages;

    AttachmentController(AttachmentService attachments, ProposalQueries queries, Views pages) {
        this.attachments = attachments;
        this.queries = queries;
        this.pages = pages;
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> page(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return pages.ok(request, "proposals/attachments", model(auth, id, new FormErrors(), ""));
    }

    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> upload(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                  @Nullable @Part("file") CompletedFileUpload file, @Nullable @Part("description") String description) {
        long me = CurrentUser.from(auth).accountId();
        try {
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            String declared = file == null ? null : file.getContentType().map(MediaType::toString).orElse(null);
            attachments.add(me, id, bytes, declared, file == null ? null : file.getFilename(), description);
        } catch (AttachmentService.Refused e) {
            FormErrors errors = new FormErrors().add(e.field(), e.messageKey());
            return pages.invalid(request, "proposals/attachments", model(auth, id, errors, description == null ? "" : description));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Flash.redirect("/proposals/" + id + "/attachments", "proposals.notice.attachment-added");
    }

    @Post("/{attachmentId}/delete")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> remove(Authentication auth, @PathVariable long id, @PathVariable long attachmentId) {
        attachments.remove(CurrentUser.from(auth).accountId(), id, attachmentId);
        return Flash.redirect("/proposals/" + id + "/attachments", "proposals.notice.attachment-removed");
    }

    /**
     * The file, with the type its bytes were recognised as, nosniff, and a sandboxing CSP. PDFs are always
     * downloaded (a PDF viewer runs inside the site's origin otherwise); images may be shown inline.
     */
    @Get("/{attachmentId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<byte[]> file(@Nullable Authentication auth, @PathVariable long id, @PathVariable long attachmentId) {
        CurrentUser user = auth == null ? null : CurrentUser.from(auth);
        AttachmentService.Download d = attachments.download(user == null ? null : user.accountId(),
                user != null && user.has(Role.Names.MODERATOR), id, attachmentId);
        AttachmentService.Attachment a = d.attachment();
        return HttpResponse.ok(d.bytes())
                .contentType(MediaType.of(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(a.image() ? "inline" : "attachment", a.filename()))
                .header("Content-Security-Policy", FILE_CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .header(HttpHeaders.CACHE_CONTROL, d.proposalPublic() ? "no-cache" : "private, no-store");
    }

    /** RFC 6266: an ASCII fallback name plus the UTF-8 name (Korean file names survive). */
    static String contentDisposition(String type, String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        String utf8 = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }

    private Map<String, Object> model(Authentication auth, long id, FormErrors errors, String description) {
        long me = CurrentUser.from(auth).accountId();
        Proposal p = queries.detail(id, me, null).proposal();
        if (p.authorId() != me) {
            throw DomainException.notAllowed("proposals.not-author");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("p", p);
        model.put("items", attachments.list(id));
        model.put("errors", errors);
        model.put("description", description);
        model.put("editable", ProposalRules.mayEdit(p.facts(), me) == ProposalRules.Verdict.OK);
        model.put("maxFiles", attachments.maxFiles());
        model.put("maxMb", Math.max(1, attachments.maxBytes() / (1024 * 1024)));
        return model;
    }
}
