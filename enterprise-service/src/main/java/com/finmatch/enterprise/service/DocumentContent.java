package com.finmatch.enterprise.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The bytes of documents, in PostgreSQL as rows of at most one chunk ({@link DocumentsConfig#chunkSize()}): written
 * from a stream one chunk at a time while the SHA-256 is computed, read back one chunk per query. At most one chunk
 * of a file is in memory at a time, whatever its size. Why rows of bytea and not large objects or files: they are
 * written in the transaction that records the metadata (a failed upload leaves nothing behind, a delete needs no
 * clean-up of its own), every replica sees them, backups of the database hold them, and a reader needs no open
 * transaction or connection between two chunks.
 */
@ApplicationScoped
public class DocumentContent {

    /** What {@link #write} stored. */
    public record Stored(UUID contentId, long size, int chunks, String sha256) {
    }

    @Inject
    EntityManager em;

    @Inject
    DocumentsConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public Stored write(InputStream in) throws IOException {
        UUID contentId = UUID.randomUUID();
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[Math.toIntExact(config.chunkSize().asLongValue())];
        long size = 0;
        int seq = 0;
        for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; seq++) {
            sha256.update(buffer, 0, n);
            em.createNativeQuery("insert into document_chunk (content_id, seq, data) values (?1, ?2, ?3)")
                    .setParameter(1, contentId).setParameter(2, seq)
                    .setParameter(3, n == buffer.length ? buffer : Arrays.copyOf(buffer, n))
                    .executeUpdate();
            size += n;
        }
        return new Stored(contentId, size, seq, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Chunk {@code seq} of a content, in a short transaction of its own; empty when it is gone (replaced, deleted). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public byte[] read(UUID contentId, int seq) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("select data from document_chunk where content_id = ?1 and seq = ?2")
                .setParameter(1, contentId).setParameter(2, seq).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(UUID contentId) {
        em.createNativeQuery("delete from document_chunk where content_id = ?1").setParameter(1, contentId)
                .executeUpdate();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
