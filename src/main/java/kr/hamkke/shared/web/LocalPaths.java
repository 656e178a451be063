package kr.hamkke.shared.web;

/** Redirect targets from user input must stay on this site (no open redirects). */
public final class LocalPaths {

    private LocalPaths() {
    }

    public static String safe(String path) {
        if (path == null || path.isBlank() || !path.startsWith("/") || path.startsWith("//")
                || path.startsWith("/\\") || path.contains("\r") || path.contains("\n")) {
            return "/";
        }
        return path;
    }
}
