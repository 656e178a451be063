package kr.hamkke.shared.web;

/** Redirect targets from user input must stay on this site (no open redirects). */
public final class LocalPaths {

    private LocalPaths() {
    }

    /**
     * The path itself if it is a path on this site, else "/". Browsers drop tabs and line breaks from
     * URLs and read a backslash as a slash, so "/\t/evil.example" or "/\evil.example" would leave the
     * site: any control character, whitespace or backslash makes the target unsafe.
     */
    public static String safe(String path) {
        if (path == null || path.isBlank() || !path.startsWith("/") || path.startsWith("//")) {
            return "/";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "/";
            }
        }
        return path;
    }
}
