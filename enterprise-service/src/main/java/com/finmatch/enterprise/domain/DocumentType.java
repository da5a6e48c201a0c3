package com.finmatch.enterprise.domain;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/**
 * The type of an uploaded file, decided by its content alone (Apache Tika's magic-number detector, never the file
 * name or the type the client declared): only PDF, JPEG and PNG are accepted.
 */
public final class DocumentType {

    public static final Set<String> ACCEPTED = Set.of("application/pdf", "image/jpeg", "image/png");

    private static final MimeTypes DETECTOR = MimeTypes.getDefaultMimeTypes();

    private DocumentType() {
    }

    /** The accepted type {@code content} starts like, or empty for anything else (text, an empty file, …). */
    public static Optional<String> sniff(InputStream content) throws IOException {
        InputStream in = content.markSupported() ? content : new BufferedInputStream(content);
        // no name in the metadata: Tika decides by the leading bytes only
        String type = DETECTOR.detect(in, new Metadata()).getBaseType().toString();
        return ACCEPTED.contains(type) ? Optional.of(type) : Optional.empty();
    }
}
