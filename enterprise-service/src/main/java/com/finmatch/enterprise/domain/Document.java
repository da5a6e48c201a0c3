package com.finmatch.enterprise.domain;

import com.finmatch.platform.contracts.MaterialKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A file an enterprise uploaded: its metadata; the bytes are the rows of {@code document_chunk} of its content id. */
@Entity
public class Document extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Enumerated(EnumType.STRING)
    public MaterialKind kind;

    @Column(name = "file_name")
    public String fileName;

    /** What the content is (sniffed), not what the client said. */
    @Column(name = "content_type")
    public String contentType;

    public long size;

    /** Hex SHA-256 of the content, computed while it was stored. */
    public String sha256;

    /** The chunks' key; a replacement stores new chunks under a new one. */
    @Column(name = "content_id")
    public UUID contentId;

    public int chunks;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Version
    public long version;

    public static final int FILE_NAME_MAX = 255;

    /**
     * The name kept for a file the client named {@code raw}: without any directory part, control characters or
     * surrounding blanks, at most {@link #FILE_NAME_MAX} characters; "document" when nothing is left.
     */
    public static String fileNameOf(String raw) {
        String name = raw == null ? "" : raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.length() > FILE_NAME_MAX) {
            int end = Character.isHighSurrogate(name.charAt(FILE_NAME_MAX - 1)) ? FILE_NAME_MAX - 1 : FILE_NAME_MAX;
            name = name.substring(0, end);
        }
        return name.isEmpty() ? "document" : name;
    }

    /** The bytes all documents of an enterprise take. */
    public static long totalSizeOf(UUID enterpriseId) {
        Long total = getEntityManager().createQuery(
                "select coalesce(sum(d.size), 0) from Document d where d.enterpriseId = ?1", Long.class)
                .setParameter(1, enterpriseId).getSingleResult();
        return total;
    }
}
