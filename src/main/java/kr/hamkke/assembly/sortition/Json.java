package kr.hamkke.assembly.sortition;

import java.util.List;
import java.util.Locale;

/** Minimal JSON text writer with stable formatting (the CLI output is compared byte for byte in test vectors). */
final class Json {
    private final StringBuilder sb = new StringBuilder();
    private int depth;
    private boolean first = true;

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String number(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }

    Json open(String key, char bracket) {
        separator();
        if (key != null) {
            sb.append(quote(key)).append(": ");
        }
        sb.append(bracket);
        depth++;
        first = true;
        return this;
    }

    Json close(char bracket) {
        depth--;
        if (!first) {
            newline();
        }
        sb.append(bracket);
        first = false;
        return this;
    }

    /** A field whose value is already JSON text (number, literal, quoted string). */
    Json raw(String key, String jsonValue) {
        separator();
        if (key != null) {
            sb.append(quote(key)).append(": ");
        }
        sb.append(jsonValue);
        return this;
    }

    Json string(String key, String value) {
        return raw(key, value == null ? "null" : quote(value));
    }

    Json integer(String key, Integer value) {
        return raw(key, value == null ? "null" : value.toString());
    }

    Json strings(String key, List<String> values) {
        open(key, '[');
        for (String v : values) {
            string(null, v);
        }
        return close(']');
    }

    /** An object on a single line: alternating keys and JSON values. */
    Json inlineObject(String... keyValues) {
        StringBuilder o = new StringBuilder("{");
        for (int i = 0; i < keyValues.length; i += 2) {
            o.append(i == 0 ? "" : ", ").append(quote(keyValues[i])).append(": ").append(keyValues[i + 1]);
        }
        return raw(null, o.append('}').toString());
    }

    private void separator() {
        if (depth == 0 && sb.isEmpty()) {
            return;
        }
        if (!first) {
            sb.append(',');
        }
        newline();
        first = false;
    }

    private void newline() {
        sb.append('\n');
        sb.append("  ".repeat(depth));
    }

    @Override
    public String toString() {
        return sb.toString() + "\n";
    }
}
