package kr.hamkke.budgeting.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into CSV records with ';' as delimiter. Quotes may hide ';' and line breaks; outside
 * quotes CRLF, LF and a bare CR all end a record, because real Pabulib files mix them. Blank
 * records are dropped.
 */
final class SemicolonCsv {

    private SemicolonCsv() {
    }

    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ';') {
                fields.add(finish(field, fieldWasQuoted));
                fieldWasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                fields.add(finish(field, fieldWasQuoted));
                fieldWasQuoted = false;
                addUnlessBlank(records, fields);
                fields = new ArrayList<>();
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
            } else {
                field.append(c);
            }
            i++;
        }
        if (field.length() > 0 || !fields.isEmpty() || fieldWasQuoted) {
            fields.add(finish(field, fieldWasQuoted));
            addUnlessBlank(records, fields);
        }
        return records;
    }

    private static String finish(StringBuilder field, boolean wasQuoted) {
        String value = wasQuoted ? field.toString() : field.toString().strip();
        field.setLength(0);
        return value;
    }

    private static void addUnlessBlank(List<List<String>> records, List<String> fields) {
        boolean blank = fields.stream().allMatch(String::isEmpty);
        if (!blank) records.add(fields);
    }
}
