package kr.hamkke.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import kr.hamkke.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upload endpoints (budget-table imports, census CSV): a file name is only a label (uploads are kept
 * in the database, never written under a name the client chose), and what a file claims to be does not
 * matter — markup, binary or a lying Content-Type is read as text, refused with a 4xx or shown inert.
 */
@MicronautTest(transactional = false)
class UploadAttackTest {

    static final List<String> NAMES = List.of("../../../../tmp/hamkke-upload-escape.csv", "..\\..\\..\\tmp\\hamkke-upload-escape.csv",
            "/tmp/hamkke-upload-escape.csv", "%2e%2e%2f%2e%2e%2ftmp%2fhamkke-upload-escape.csv", "evil.csv\u0000.html",
            "<img src=x onerror=alert(1)>.csv");
    static final byte[] HTML = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
    static final byte[] CSV = "구분,예산액\n합계,1000\n".getBytes(StandardCharsets.UTF_8);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    Browser staff;
    String token;

    @BeforeEach
    void staff() {
        TestAccounts.TestAccount account = SecurityFixtures.everyRole(ctx);
        staff = SecurityFixtures.signedIn(server, account);
        staff.get("/staff/budget-lines/imports");
        token = SecurityFixtures.token(server, account);
    }

    private HttpResponse<String> upload(String path, String filename, String contentType, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--xx\r\nContent-Disposition: form-data; name=\"fiscalYear\"\r\n\r\n2026\r\n"
                + "--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename.replace("\"", "%22") + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n--xx--\r\n".getBytes(StandardCharsets.UTF_8));
        return staff.send(HttpRequest.newBuilder(server.getURI().resolve(path + "?_csrf=" + staff.csrf()))
                .header("Accept", "text/html").header("Content-Type", "multipart/form-data; boundary=xx")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    @Test
    void fileNamesAreLabelsNotPaths() throws Exception {
        Path escape = Path.of("/tmp/hamkke-upload-escape.csv");
        Files.deleteIfExists(escape);
        for (String name : NAMES) {
            for (String path : List.of("/staff/budget-lines/imports", "/admin/census")) {
                HttpResponse<String> r = upload(path, name, "text/csv", CSV);
                assertTrue(r.statusCode() < 500, path + " " + name + " → " + r.statusCode());
                assertFalse(r.body().contains("<img src=x"), "file name shown as markup");
                if (r.statusCode() == 303) {
                    HttpResponse<String> page = staff.get(r.headers().firstValue("Location").orElseThrow());
                    assertEquals(200, page.statusCode());
                    assertFalse(page.body().contains("<img src=x"), "file name shown as markup");
                }
            }
        }
        assertFalse(Files.exists(escape), "an upload was written where its name pointed");
    }

    @Test
    void whatAFileClaimsToBeDoesNotMatter() {
        for (byte[] content : List.of(HTML, PNG, new byte[0])) {
            for (String type : List.of("text/csv", "text/html", "image/png", "application/octet-stream", "application/x-msdownload")) {
                for (String path : List.of("/staff/budget-lines/imports", "/admin/census")) {
                    HttpResponse<String> r = upload(path, "budget.csv", type, content);
                    assertTrue(r.statusCode() < 500, path + " " + type + " → " + r.statusCode() + " " + r.body());
                    assertFalse(r.body().contains("<script>alert(1)"), "uploaded markup echoed live");
                    if (r.statusCode() == 303) {
                        HttpResponse<String> page = staff.get(r.headers().firstValue("Location").orElseThrow());
                        assertFalse(page.body().contains("<script>alert(1)"), "uploaded markup shown live");
                        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
                    }
                }
            }
        }
    }

    @Test
    void theRawApiUploadTreatsAnyBodyAsTextAndAnswersJson() {
        long before = TestDatabase.queryLong("SELECT COUNT(*) FROM budget_line");
        for (String type : List.of("text/csv", "text/html", "application/octet-stream", "image/png")) {
            for (byte[] content : List.of(HTML, PNG)) {
                HttpResponse<String> r = staff.send(HttpRequest.newBuilder(server.getURI().resolve(
                                "/api/budget-lines/imports?fiscalYear=2026&source=" + SecurityFixtures.enc(NAMES.get(0))))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json").header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
                assertTrue(r.statusCode() < 500, type + " → " + r.statusCode() + " " + r.body());
                assertFalse(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html") && r.body().contains("<script>alert(1)"));
            }
        }
        assertEquals(before, TestDatabase.queryLong("SELECT COUNT(*) FROM budget_line"), "an upload changed budget lines before apply");
    }
}
