package kr.hamkke.proposals.rules;

import kr.hamkke.proposals.rules.AttachmentRules.Kind;
import kr.hamkke.proposals.rules.AttachmentRules.Limits;
import kr.hamkke.proposals.rules.AttachmentRules.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

public class AttachmentRulesTest {

    static final Limits LIMITS = new Limits(1000, 5);
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    public static final byte[] WEBP = {'R', 'I', 'F', 'F', 30, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
    public static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] HTML = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

    static byte[] bytes(String name) {
        return switch (name) {
            case "PNG" -> PNG;
            case "JPEG" -> JPEG;
            case "WEBP" -> WEBP;
            case "PDF" -> PDF;
            case "HTML" -> HTML;
            case "SVG" -> "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
            case "POLYGLOT" -> "<html><script>alert(1)</script>%PDF-1.4".getBytes(StandardCharsets.UTF_8);
            case "RIFF_WAVE" -> new byte[]{'R', 'I', 'F', 'F', 30, 0, 0, 0, 'W', 'A', 'V', 'E'};
            case "GIF" -> "GIF89a....".getBytes(StandardCharsets.US_ASCII);
            case "ZIP" -> new byte[]{'P', 'K', 3, 4, 0, 0};
            case "SHORT_PNG" -> Arrays.copyOf(PNG, 4);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"PNG,PNG", "JPEG,JPEG", "WEBP,WEBP", "PDF,PDF", "HTML,", "SVG,", "POLYGLOT,", "RIFF_WAVE,", "GIF,", "ZIP,", "SHORT_PNG,"})
    void kindsAreRecognisedByTheirFirstBytesOnly(String sample, Kind expected) {
        assertEquals(Optional.ofNullable(expected), AttachmentRules.detect(bytes(sample)));
    }

    @ParameterizedTest(name = "{0} declared {1} named {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "PNG|image/png|사진.png|",
            "PNG||photo.PNG|",
            "PNG|application/octet-stream|photo.png|",
            "JPEG|image/jpeg|a.jpeg|",
            "JPEG|image/jpeg|a.jpg|",
            "WEBP|image/webp|a.webp|",
            "PDF|application/pdf|계획서.pdf|",
            "PDF|application/pdf; charset=binary|a.pdf|",
            // a spoofed PDF: HTML with a .pdf name and a PDF content type
            "HTML|application/pdf|report.pdf|UNKNOWN_TYPE",
            "SVG|image/svg+xml|a.svg|UNKNOWN_TYPE",
            "POLYGLOT|application/pdf|a.pdf|UNKNOWN_TYPE",
            // real bytes, but the declared type or the name says something else
            "PNG|application/pdf|a.png|TYPE_MISMATCH",
            "PDF|text/html|a.pdf|TYPE_MISMATCH",
            "PNG|image/png|a.pdf|NAME_MISMATCH",
            "PDF|application/pdf|a.html|NAME_MISMATCH",
            "PDF|application/pdf|noextension|NAME_MISMATCH",
            "JPEG|image/jpeg|a.png|NAME_MISMATCH"})
    void typeChecks(String sample, String declared, String filename, Refusal expected) {
        assertEquals(Optional.ofNullable(expected), AttachmentRules.check(bytes(sample), declared, filename, "설명", 0, LIMITS));
    }

    @Test
    void sizeCountEmptinessAndDescription() {
        byte[] atLimit = Arrays.copyOf(PDF, 1000);
        byte[] overLimit = Arrays.copyOf(PDF, 1001);
        assertEquals(Optional.empty(), AttachmentRules.check(atLimit, "application/pdf", "a.pdf", "설명", 4, LIMITS));
        assertEquals(Optional.of(Refusal.TOO_LARGE), AttachmentRules.check(overLimit, "application/pdf", "a.pdf", "설명", 0, LIMITS));
        assertEquals(Optional.of(Refusal.TOO_MANY), AttachmentRules.check(PDF, "application/pdf", "a.pdf", "설명", 5, LIMITS));
        assertEquals(Optional.of(Refusal.EMPTY), AttachmentRules.check(new byte[0], "application/pdf", "a.pdf", "설명", 0, LIMITS));
        assertEquals(Optional.of(Refusal.EMPTY), AttachmentRules.check(null, null, null, "설명", 0, LIMITS));
        assertEquals(Optional.of(Refusal.DESCRIPTION), AttachmentRules.check(PDF, "application/pdf", "a.pdf", " ", 0, LIMITS));
        assertEquals(Optional.of(Refusal.DESCRIPTION), AttachmentRules.check(PDF, "application/pdf", "a.pdf", "가".repeat(201), 0, LIMITS));
        assertEquals(Optional.empty(), AttachmentRules.check(PDF, "application/pdf", "a.pdf", "가".repeat(200), 0, LIMITS));
    }

    @ParameterizedTest(name = "[{0}] shown as [{1}]")
    @CsvSource(delimiter = '|', value = {
            "../../../etc/passwd.png|passwd.png",
            "..\\..\\windows\\win.ini.pdf|win.ini.pdf",
            "C:\\fakepath\\제안서.pdf|제안서.pdf",
            "/absolute/path/a.pdf|a.pdf",
            "..png|png",
            "a\"; filename=evil.html;.pdf|a filename=evil.html.pdf",
            "<script>.png|script.png",
            "|file",
            "../|file"})
    void displayNamesKeepNoPathParts(String raw, String expected) {
        assertEquals(expected, AttachmentRules.safeFilename(raw));
    }

    @Test
    void controlAndDirectionCharactersAreDroppedAndLongNamesKeepTheirExtension() {
        assertEquals("abc.pdf", AttachmentRules.safeFilename("a\u0000b\nc.pdf"));
        assertEquals("evilgpj.pdf", AttachmentRules.safeFilename("evil\u202Egpj.pdf"), "right-to-left override removed");
        String longName = AttachmentRules.safeFilename("가".repeat(300) + ".pdf");
        assertEquals(120, longName.length());
        assertEquals(true, longName.endsWith(".pdf"));
    }
}
