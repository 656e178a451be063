package kr.hamkke.proposals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.identity.Role;
import kr.hamkke.proposals.rules.AttachmentRulesTest;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static kr.hamkke.proposals.Fixtures.audits;
import static kr.hamkke.proposals.Fixtures.count;
import static kr.hamkke.proposals.Fixtures.string;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attachments over real HTTP: type by content, size and count limits, generated names, who may see them. */
@MicronautTest(transactional = false)
@Property(name = "hamkke.proposals.scheduler.enabled", value = "false")
@Property(name = "hamkke.proposals.attachments.max-bytes", value = "4096")
@Property(name = "hamkke.proposals.attachments.max-files", value = "5")
class AttachmentWebTest {

    static final byte[] PNG = AttachmentRulesTest.PNG;
    static final byte[] PDF = AttachmentRulesTest.PDF;
    static final byte[] HTML = AttachmentRulesTest.HTML;

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser signedIn(TestAccounts.TestAccount account) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(account.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    private HttpResponse<String> upload(Browser b, long proposalId, String filename, String type, byte[] bytes, String description) {
        b.get("/proposals/" + proposalId + "/attachments");
        return Uploads.upload(b, server.getURI(), "/proposals/" + proposalId + "/attachments", filename, type, bytes, description, b.csrf());
    }

    private Path directory() {
        return ctx.getBean(AttachmentStore.class).directory();
    }

    private Set<String> storedFiles() throws Exception {
        if (!Files.isDirectory(directory())) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void theAuthorAddsAnImageAndAPdfServedWithSafeHeadersAndGeneratedNames() throws Exception {
        var author = TestAccounts.verified(ctx);
        Fixtures f = new Fixtures(ctx);
        long id = f.published(author.id(), "첨부 이미지가 있는 제안");
        Browser b = signedIn(author);
        assertEquals(303, upload(b, id, "현장 사진.png", "image/png", PNG, "횡단보도 앞 현장 사진").statusCode());
        assertEquals(303, upload(b, id, "계획서.pdf", "application/pdf", PDF, "설치 계획서").statusCode());
        assertEquals(2, count("SELECT COUNT(*) FROM proposal_attachment WHERE proposal_id = ?", id));
        assertEquals(2, audits("proposal.attachment.add", id));
        String stored = string("SELECT stored_name FROM proposal_attachment WHERE proposal_id = ? AND content_type = 'image/png'", id);
        assertTrue(stored.matches("[0-9a-f]{32}"), stored);
        assertArrayEquals(PNG, Files.readAllBytes(directory().resolve(stored)), "the bytes on disk under the generated name");

        String page = new Browser(server.getURI()).get("/proposals/" + id).body();
        long png = count("SELECT id FROM proposal_attachment WHERE proposal_id = ? AND content_type = 'image/png'", id);
        long pdf = count("SELECT id FROM proposal_attachment WHERE proposal_id = ? AND content_type = 'application/pdf'", id);
        assertTrue(page.contains("<img src=\"/proposals/" + id + "/attachments/" + png + "\" alt=\"횡단보도 앞 현장 사진\""), "image with its description as alt text");
        assertTrue(page.contains("설치 계획서"));

        HttpResponse<byte[]> image = Uploads.download(new Browser(server.getURI()), server.getURI(), "/proposals/" + id + "/attachments/" + png);
        assertEquals(200, image.statusCode());
        assertArrayEquals(PNG, image.body());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", image.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(image.headers().firstValue("Content-Disposition").orElseThrow().startsWith("inline;"));
        assertEquals(AttachmentController.FILE_CSP, image.headers().firstValue("Content-Security-Policy").orElseThrow(),
                "a sandboxing policy, not the page policy");

        HttpResponse<byte[]> doc = Uploads.download(new Browser(server.getURI()), server.getURI(), "/proposals/" + id + "/attachments/" + pdf);
        assertEquals(200, doc.statusCode());
        assertEquals("application/pdf", doc.headers().firstValue("Content-Type").orElseThrow());
        String disposition = doc.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment;"), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''%EA%B3%84%ED%9A%8D%EC%84%9C.pdf"), disposition);
        assertEquals("nosniff", doc.headers().firstValue("X-Content-Type-Options").orElseThrow());

        String api = new Browser(server.getURI()).json("GET", "/api/proposals/" + id, null, null).body();
        Object listed = f.json(api).get("attachments");
        assertTrue(String.valueOf(listed).contains("filename=계획서.pdf") && String.valueOf(listed).contains("contentType=application/pdf"),
                "attachments in the API: " + listed);

        // The attachment belongs to this proposal only.
        long other = f.published(author.id(), "다른 제안");
        assertEquals(404, Uploads.download(new Browser(server.getURI()), server.getURI(), "/proposals/" + other + "/attachments/" + png).statusCode());

        // Removing it deletes the row and the file, audited.
        b.get("/proposals/" + id + "/attachments");
        assertEquals(303, b.post("/proposals/" + id + "/attachments/" + png + "/delete", Map.of()).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM proposal_attachment WHERE id = ?", png));
        assertFalse(Files.exists(directory().resolve(stored)));
        assertEquals(1, audits("proposal.attachment.remove", id));
    }

    @Test
    void aSpoofedPdfAndOtherBadFilesAre422AndStoreNothing() throws Exception {
        var author = TestAccounts.verified(ctx);
        long id = new Fixtures(ctx).draft(author.id(), "거짓 파일 시험");
        Browser b = signedIn(author);
        Set<String> before = storedFiles();
        record Case(String name, String type, byte[] bytes, String description, String message) {
        }
        List<Case> cases = List.of(
                new Case("report.pdf", "application/pdf", HTML, "보고서", "PNG, JPEG, WebP 이미지나 PDF만"),
                new Case("photo.svg", "image/svg+xml", "<svg onload=alert(1)/>".getBytes(), "그림", "PNG, JPEG, WebP 이미지나 PDF만"),
                new Case("photo.png", "application/pdf", PNG, "사진", "파일 형식이 파일 내용과 다릅니다"),
                new Case("photo.pdf", "image/png", PNG, "사진", "확장자가 파일 내용과 다릅니다"),
                new Case("photo.png", "text/html", PNG, "사진", "파일 형식이 파일 내용과 다릅니다"),
                new Case("photo.pdf", "application/octet-stream", PNG, "사진", "확장자가 파일 내용과 다릅니다"),
                new Case("big.pdf", "application/pdf", Arrays.copyOf(PDF, 4097), "큰 파일", "허용된 크기보다 큽니다"),
                new Case("empty.pdf", "application/pdf", new byte[0], "빈 파일", "올릴 파일을 고르세요"),
                new Case("a.pdf", "application/pdf", PDF, "", "파일 설명을 200자 이내로"));
        for (Case c : cases) {
            HttpResponse<String> r = upload(b, id, c.name(), c.type(), c.bytes(), c.description());
            assertEquals(422, r.statusCode(), c.name() + " " + c.type());
            assertTrue(r.body().contains("class=\"error-summary\""), c.name());
            assertTrue(r.body().contains(c.message()), c.name() + ": " + c.message());
            assertTrue(r.body().contains("aria-invalid=\"true\""), c.name());
        }
        HttpResponse<String> noFile = upload(b, id, null, null, null, "파일 없음");
        assertEquals(422, noFile.statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM proposal_attachment WHERE proposal_id = ?", id));
        assertEquals(0, audits("proposal.attachment.add", id));
        assertEquals(before, storedFiles(), "no file written for a refused upload");
    }

    @Test
    void uploadedNamesNeverBecomePaths() throws Exception {
        var author = TestAccounts.verified(ctx);
        long id = new Fixtures(ctx).draft(author.id(), "경로 조작 시험");
        Browser b = signedIn(author);
        String marker = "evil-" + System.nanoTime();
        Set<String> before = storedFiles();
        assertEquals(303, upload(b, id, "../../../../" + marker + ".png", "image/png", PNG, "사진").statusCode());
        assertEquals(303, upload(b, id, "..\\..\\" + marker + ".pdf", "application/pdf", PDF, "문서").statusCode());
        Set<String> added = new java.util.HashSet<>(storedFiles());
        added.removeAll(before);
        assertEquals(2, added.size());
        assertTrue(added.stream().allMatch(n -> n.matches("[0-9a-f]{32}")), "only generated names: " + added);
        for (Path dir = directory(); dir != null; dir = dir.getParent()) {
            assertFalse(Files.exists(dir.resolve(marker + ".png")), "nothing written at " + dir);
            assertFalse(Files.exists(dir.resolve(marker + ".pdf")), "nothing written at " + dir);
        }
        assertEquals(Set.of(marker + ".png", marker + ".pdf"), Set.copyOf(Fixtures.strings(
                "SELECT filename FROM proposal_attachment WHERE proposal_id = ?", id)), "only the last segment is shown");
        // Path-like attachment ids are not routes at all.
        Browser anyone = new Browser(server.getURI());
        int status = Uploads.download(anyone, server.getURI(), "/proposals/" + id + "/attachments/..%2F..%2Fetc%2Fpasswd").statusCode();
        assertTrue(status == 400 || status == 404, "status " + status);
    }

    @Test
    void draftsAttachmentsAreForTheirAuthorAndModeratorsOnlyAndStrangersCannotUpload() {
        var author = TestAccounts.verified(ctx);
        Fixtures f = new Fixtures(ctx);
        long id = f.draft(author.id(), "비공개 첨부 시험");
        Browser b = signedIn(author);
        assertEquals(303, upload(b, id, "a.png", "image/png", PNG, "사진").statusCode());
        long att = count("SELECT id FROM proposal_attachment WHERE proposal_id = ?", id);
        String href = "/proposals/" + id + "/attachments/" + att;

        Browser stranger = signedIn(TestAccounts.verified(ctx));
        Browser moderator = signedIn(TestAccounts.withRole(ctx, Role.MODERATOR));
        assertEquals(404, Uploads.download(new Browser(server.getURI()), server.getURI(), href).statusCode(), "anonymous");
        assertEquals(404, Uploads.download(stranger, server.getURI(), href).statusCode(), "another citizen");
        assertEquals(200, Uploads.download(b, server.getURI(), href).statusCode(), "the author");
        HttpResponse<byte[]> forModerator = Uploads.download(moderator, server.getURI(), href);
        assertEquals(200, forModerator.statusCode(), "a moderator screening it");
        assertEquals("private, no-store", forModerator.headers().firstValue("Cache-Control").orElseThrow());

        // Someone else's draft does not exist for them; nothing is stored.
        HttpResponse<String> foreign = Uploads.upload(stranger, server.getURI(), "/proposals/" + id + "/attachments", "b.png",
                "image/png", PNG, "남의 제안", stranger.csrf());
        assertEquals(404, foreign.statusCode());
        // Without the CSRF token in the action, the upload is refused before anything runs.
        assertEquals(403, Uploads.upload(b, server.getURI(), "/proposals/" + id + "/attachments", "c.png", "image/png", PNG, "사진", null)
                .statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM proposal_attachment WHERE proposal_id = ?", id));

        ProposalService service = ctx.getBean(ProposalService.class);
        service.submit(author.id(), id);
        service.publish(new Actor(f.moderator(), "MODERATOR"), id);
        assertEquals(200, Uploads.download(new Browser(server.getURI()), server.getURI(), href).statusCode(), "public once published");
        HttpResponse<String> notMine = Uploads.upload(stranger, server.getURI(), "/proposals/" + id + "/attachments", "b.png",
                "image/png", PNG, "남의 제안", stranger.csrf());
        assertEquals(403, notMine.statusCode(), "a public proposal: not the author");

        // Once supported, the attachments are frozen like the text.
        service.support(TestAccounts.verified(ctx).id(), id);
        assertEquals(409, upload(b, id, "late.png", "image/png", PNG, "늦은 사진").statusCode());
        b.get("/proposals/" + id);
        assertEquals(409, b.post(href + "/delete", Map.of()).statusCode());

        service.hide(new Actor(f.moderator(), "MODERATOR"), id, "ABUSE", "운영 원칙에 맞지 않는 내용이 있어 숨깁니다.", null);
        assertEquals(404, Uploads.download(new Browser(server.getURI()), server.getURI(), href).statusCode(), "hidden again");
        assertEquals(200, Uploads.download(b, server.getURI(), href).statusCode(), "the author still sees it");
    }

    @Test
    void atMostFiveFilesEvenWhenUploadsRace() throws Exception {
        var author = TestAccounts.verified(ctx);
        long id = new Fixtures(ctx).draft(author.id(), "동시 첨부 시험");
        Browser b = signedIn(author);
        b.get("/proposals/" + id + "/attachments");
        String csrf = b.csrf();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                results.add(pool.submit(() -> Uploads.upload(b, server.getURI(), "/proposals/" + id + "/attachments", "p" + n + ".png",
                        "image/png", PNG, "사진 " + n, csrf).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> r : results) {
                statuses.add(r.get());
            }
            assertEquals(5, statuses.stream().filter(s -> s == 303).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(5, count("SELECT COUNT(*) FROM proposal_attachment WHERE proposal_id = ?", id));
        HttpResponse<String> sixth = upload(b, id, "six.png", "image/png", PNG, "여섯 번째");
        assertEquals(422, sixth.statusCode());
        assertTrue(sixth.body().contains("첨부파일을 더 올릴 수 없습니다"));
    }
}
