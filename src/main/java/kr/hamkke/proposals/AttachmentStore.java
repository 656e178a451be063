package kr.hamkke.proposals;

import jakarta.inject.Singleton;
import kr.hamkke.shared.Hashing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Attachment bytes on disk. Every file gets a random 32-hex-character name chosen here; nothing a person
 * typed or uploaded is part of a path, and a name that is not of that form is refused before any path is built.
 */
@Singleton
class AttachmentStore {

    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}");

    private final Path directory;

    AttachmentStore(AttachmentConfig config) {
        this.directory = config.directoryPath();
    }

    /** Writes the bytes under a new generated name (via a temporary file, so a reader never sees half a file). */
    String write(byte[] bytes) {
        String name = Hashing.randomToken(16);
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, "upload-", ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, path(name), StandardCopyOption.ATOMIC_MOVE);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] read(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String name) {
        return Files.exists(path(name));
    }

    Path directory() {
        return directory;
    }

    private Path path(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a generated attachment name");
        }
        Path p = directory.resolve(name).normalize();
        if (!p.getParent().equals(directory)) {
            throw new IllegalArgumentException("attachment path outside its directory");
        }
        return p;
    }
}
