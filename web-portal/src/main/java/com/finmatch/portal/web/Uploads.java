package com.finmatch.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A file the browser uploaded, passed on to a service under the name the user chose: the REST client names a file part
 * after the file, so the spooled upload is linked (or, across file systems, copied) into a directory of its own under
 * that name. The content is never read into memory: the REST client sends the file from disk.
 */
public final class Uploads {

    private Uploads() {
    }

    /** The uploaded file's name without directories or control characters (at most 200 characters), or {@code fallback}. */
    public static String fileName(FileUpload file, String fallback) {
        String raw = file.fileName() == null ? "" : file.fileName();
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? fallback : name;
    }

    /** The upload under its own name in a new temporary directory; {@link #delete} removes both. */
    public static Path named(FileUpload file, String fallback) {
        try {
            Path dir = Files.createTempDirectory("finmatch-upload");
            Path named = dir.resolve(fileName(file, fallback));
            try {
                Files.createLink(named, file.uploadedFile());
            } catch (IOException | UnsupportedOperationException | SecurityException otherFileSystem) {
                Files.copy(file.uploadedFile(), named);
            }
            return named;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a file made by {@link #named} and its directory. */
    public static void delete(Path named) {
        if (named == null) {
            return;
        }
        try {
            Files.deleteIfExists(named);
            Files.deleteIfExists(named.getParent());
        } catch (IOException ignored) {
            // a temporary file left behind is removed with the temporary directory
        }
    }
}
