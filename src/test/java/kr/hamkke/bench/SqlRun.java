package kr.hamkke.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs a bench SQL file (statements end with ';' at the end of a line, '--' comment lines skipped) on a
 * loopback database and prints each result set: bench/sql.sh JDBC_URL FILE.
 */
public final class SqlRun {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        if (!url.contains("//127.") && !url.contains("//localhost")) {
            throw new IllegalArgumentException("bench SQL runs against this machine only");
        }
        StringBuilder sql = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement st = c.createStatement()) {
            for (String line : Files.readAllLines(Path.of(args[1]))) {
                if (line.strip().startsWith("--") || line.isBlank()) {
                    continue;
                }
                sql.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    String one = sql.toString().strip();
                    sql.setLength(0);
                    long t0 = System.nanoTime();
                    boolean rs = st.execute(one.substring(0, one.length() - 1));
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (rs) {
                        try (ResultSet r = st.getResultSet()) {
                            int cols = r.getMetaData().getColumnCount();
                            StringBuilder head = new StringBuilder();
                            for (int i = 1; i <= cols; i++) {
                                head.append(i > 1 ? " | " : "").append(r.getMetaData().getColumnLabel(i));
                            }
                            System.out.println(head);
                            while (r.next()) {
                                StringBuilder row = new StringBuilder();
                                for (int i = 1; i <= cols; i++) {
                                    row.append(i > 1 ? " | " : "").append(r.getString(i));
                                }
                                System.out.println(row);
                            }
                        }
                    } else if (ms > 500) {
                        System.out.printf("(%d rows, %.0f ms) %s%n", st.getUpdateCount(), ms,
                                one.lines().findFirst().orElse(""));
                    }
                }
            }
        }
    }

    private SqlRun() {
    }
}
