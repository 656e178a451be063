package kr.hamkke.proposals.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a proposal may carry as attachments: PNG, JPEG, WebP and PDF, recognised by their first bytes (the
 * declared content type and the file name are only checked against what the bytes say), within a size limit
 * and a number of files per proposal.
 */
public final class AttachmentRules {

    private AttachmentRules() {
    }

    /** An accepted kind of file; {@code inline} kinds may be shown in the page, the others are downloaded. */
    public enum Kind {
        PNG("image/png", true, "png"),
        JPEG("image/jpeg", true, "jpg", "jpeg"),
        WEBP("image/webp", true, "webp"),
        PDF("application/pdf", false, "pdf");

        private final String contentType;
        private final boolean inline;
        private final Set<String> extensions;

        Kind(String contentType, boolean inline, String... extensions) {
            this.contentType = contentType;
            this.inline = inline;
            this.extensions = Set.of(extensions);
        }

        public String contentType() {
            return contentType;
        }

        public boolean inline() {
            return inline;
        }

        public boolean image() {
            return this != PDF;
        }

        public static Optional<Kind> ofContentType(String type) {
            return Arrays.stream(values()).filter(k -> k.contentType.equals(type)).findFirst();
        }
    }

    /** Why an upload is refused (each has an error message {@code error.proposals.attachment.<name>}). */
    public enum Refusal {
        EMPTY, TOO_LARGE, TOO_MANY, UNKNOWN_TYPE, TYPE_MISMATCH, NAME_MISMATCH, DESCRIPTION
    }

    public record Limits(long maxBytes, int maxFiles) {
    }

    /** The kind the bytes are, from their signature; empty for anything else (HTML, SVG, ZIP, scripts...). */
    public static Optional<Kind> detect(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(Kind.PNG);
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(Kind.JPEG);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(Kind.WEBP);
        }
        // Only at offset 0: readers tolerate junk before %PDF-, which is how HTML/PDF polyglots are made.
        if (startsWith(bytes, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(Kind.PDF);
        }
        return Optional.empty();
    }

    /**
     * The checks in the order a person would fix them. {@code declaredType} may be null or
     * application/octet-stream (browsers send that for unknown extensions); any other declared type must equal
     * what the bytes are, and so must the file name's extension.
     */
    public static Optional<Refusal> check(byte[] bytes, String declaredType, String filename, String description,
                                          int filesAlready, Limits limits) {
        if (description == null || description.isBlank() || description.strip().length() > 200) {
            return Optional.of(Refusal.DESCRIPTION);
        }
        if (bytes == null || bytes.length == 0) {
            return Optional.of(Refusal.EMPTY);
        }
        if (bytes.length > limits.maxBytes()) {
            return Optional.of(Refusal.TOO_LARGE);
        }
        if (filesAlready >= limits.maxFiles()) {
            return Optional.of(Refusal.TOO_MANY);
        }
        Optional<Kind> kind = detect(bytes);
        if (kind.isEmpty()) {
            return Optional.of(Refusal.UNKNOWN_TYPE);
        }
        String declared = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!declared.isEmpty() && !declared.equals("application/octet-stream") && !declared.equals(kind.get().contentType)) {
            return Optional.of(Refusal.TYPE_MISMATCH);
        }
        String extension = extension(safeFilename(filename));
        if (!kind.get().extensions.contains(extension)) {
            return Optional.of(Refusal.NAME_MISMATCH);
        }
        return Optional.empty();
    }

    /**
     * The name shown to people: the last path segment only (a browser may send "C:\fakepath\x.pdf" or
     * "../../x.pdf"), without control or quoting characters, at most 120 characters keeping the extension.
     * Never used for a path on disk.
     */
    public static String safeFilename(String name) {
        String s = name == null ? "" : name;
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(cut + 1);
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(c -> !Character.isISOControl(c) && c != '"' && c != ';' && c != '<' && c != '>'
                        && Character.getType(c) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        s = out.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.length() > 120) {
            String ext = extension(s);
            s = ext.length() <= 10 ? s.substring(0, 119 - ext.length()) + "." + ext : s.substring(0, 120);
        }
        return s.isEmpty() ? "file" : s;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes == null || bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
