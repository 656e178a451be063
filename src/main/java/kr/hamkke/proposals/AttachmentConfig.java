package kr.hamkke.proposals;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import kr.hamkke.proposals.rules.AttachmentRules;

import java.nio.file.Path;

/**
 * {@code hamkke.proposals.attachments.*}: per-file size limit, files per proposal, and where the files live
 * (default: {@code $HAMKKE_DATA/attachments}, or {@code data/attachments} in the working directory, beside
 * the embedded database's files). The server's own multipart limits (application.yml) must stay above max-bytes
 * so that an oversized file gets this feature's clear 422 instead of the server's 413.
 */
@ConfigurationProperties("hamkke.proposals.attachments")
public class AttachmentConfig {

    private long maxBytes = 10L * 1024 * 1024;
    private int maxFiles = 5;
    @Nullable
    private String directory;

    AttachmentRules.Limits limits() {
        return new AttachmentRules.Limits(maxBytes, maxFiles);
    }

    Path directoryPath() {
        if (directory != null && !directory.isBlank()) {
            return Path.of(directory).toAbsolutePath().normalize();
        }
        String data = System.getenv("HAMKKE_DATA");
        Path base = data != null && !data.isBlank() ? Path.of(data) : Path.of("data");
        return base.resolve("attachments").toAbsolutePath().normalize();
    }

    public long getMaxBytes() { return maxBytes; }
    public void setMaxBytes(long v) { maxBytes = v; }
    public int getMaxFiles() { return maxFiles; }
    public void setMaxFiles(int v) { maxFiles = v; }
    @Nullable
    public String getDirectory() { return directory; }
    public void setDirectory(@Nullable String v) { directory = v; }
}
