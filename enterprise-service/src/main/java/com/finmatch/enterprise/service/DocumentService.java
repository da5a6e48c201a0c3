package com.finmatch.enterprise.service;

import com.finmatch.enterprise.api.DocumentView;
import com.finmatch.enterprise.domain.DataCategory;
import com.finmatch.enterprise.domain.Document;
import com.finmatch.platform.contracts.MaterialKind;
import com.finmatch.enterprise.domain.DocumentType;
import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.security.EnterpriseAccess;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

/**
 * An enterprise's documents: upload, replace and delete by the owner; list, metadata and content for the owner and
 * for a bank under a live DOCUMENTS consent, each bank read written to the access log.
 */
@ApplicationScoped
public class DocumentService {

    /** A file the client sent: its kind, its name as the client gave it, and where the server spooled it. */
    public record Upload(MaterialKind kind, String fileName, Path file) {
    }

    /** What a download sends: the metadata and where the chunks are. */
    public record Download(DocumentView view, UUID contentId, int chunks) {
    }

    private static final String BASE = "/api/v1/enterprises/";

    @Inject
    EnterpriseAccess access;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    DocumentContent content;

    @Inject
    DocumentsConfig config;

    @Inject
    AccessLogService accessLog;

    @Transactional
    public DocumentView upload(UUID enterpriseId, Upload upload) {
        Enterprise e = access.ownedForUpdate(enterpriseId);
        Document d = new Document();
        d.id = UUID.randomUUID();
        d.enterpriseId = e.id;
        store(d, upload, 0);
        Persistence.persistAndFlush(d);
        return DocumentView.of(d);
    }

    /** Replaces kind, name and content of a document if {@code ifMatch} names its current version (428, 412). */
    @Transactional
    public DocumentView replace(UUID enterpriseId, UUID documentId, String ifMatch, Upload upload) {
        long expected = EntityTags.required(ifMatch);
        Enterprise e = access.ownedForUpdate(enterpriseId);
        Document d = documentOf(e, documentId);
        EntityTags.check(expected, d.version);
        UUID replaced = d.contentId;
        store(d, upload, d.size);
        content.delete(replaced);
        Persistence.flush();
        return DocumentView.of(d);
    }

    @Transactional
    public void delete(UUID enterpriseId, UUID documentId) {
        Enterprise e = access.ownedForUpdate(enterpriseId);
        Document d = documentOf(e, documentId);
        content.delete(d.contentId);
        d.delete();
    }

    @Transactional
    public PageResponse<DocumentView> list(UUID enterpriseId, PageRequest page) {
        Enterprise e = readable(enterpriseId, "");
        var query = Document.<Document>find("enterpriseId", Sort.descending("uploadedAt").and("id"), e.id);
        return Pages.of(query, page, DocumentView::of);
    }

    @Transactional
    public DocumentView get(UUID enterpriseId, UUID documentId) {
        return DocumentView.of(documentOf(readable(enterpriseId, "/" + documentId), documentId));
    }

    /** Authorises (and logs) a download; the chunks are then read with {@link #chunk}, each in its own transaction. */
    @Transactional
    public Download download(UUID enterpriseId, UUID documentId) {
        Document d = documentOf(readable(enterpriseId, "/" + documentId + "/content"), documentId);
        return new Download(DocumentView.of(d), d.contentId, d.chunks);
    }

    /** Chunk {@code seq} of a download; empty when the document was replaced or deleted meanwhile. */
    public byte[] chunk(Download download, int seq) {
        return content.read(download.contentId(), seq);
    }

    /** The enterprise whose documents the caller may read; a bank's read of {@code path} is logged. */
    private Enterprise readable(UUID enterpriseId, String path) {
        Instant now = PlatformClock.now(clock);
        EnterpriseAccess.DocumentAccess granted = access.documents(enterpriseId, now);
        if (granted.isBankRead()) {
            accessLog.record(enterpriseId, granted.readingBank().get(), caller.subject(),
                    EnumSet.of(DataCategory.DOCUMENTS), "GET " + BASE + enterpriseId + "/documents" + path, now);
        }
        return granted.enterprise();
    }

    /** Checks size, type and quota, then stores the content and sets {@code d}'s metadata from it. */
    private void store(Document d, Upload upload, long replacedSize) {
        try {
            long size = Files.size(upload.file());
            long max = config.maxFileSize().asLongValue();
            if (size > max) {
                throw new ProblemException(Problem.of(413, "Payload Too Large",
                        "the file has " + size + " bytes, more than the limit of " + max + " bytes a file"));
            }
            String type;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(upload.file()))) {
                type = DocumentType.sniff(in).orElseThrow(() -> ProblemException.invalid("file",
                        "must be a PDF, JPEG or PNG file (judged by its content, not its name)"));
            }
            long quota = config.quota().asLongValue();
            long used = Document.totalSizeOf(d.enterpriseId) - replacedSize;
            if (used + size > quota) {
                throw ProblemException.conflict("the enterprise's documents would take " + (used + size)
                        + " bytes, more than its quota of " + quota + " bytes: delete or replace some first");
            }
            DocumentContent.Stored stored;
            try (InputStream in = Files.newInputStream(upload.file())) {
                stored = content.write(in);
            }
            d.kind = upload.kind();
            d.fileName = upload.fileName();
            d.contentType = type;
            d.size = stored.size();
            d.sha256 = stored.sha256();
            d.contentId = stored.contentId();
            d.chunks = stored.chunks();
            d.uploadedAt = PlatformClock.now(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    private static Document documentOf(Enterprise e, UUID documentId) {
        Document d = Document.findById(documentId);
        if (d == null || !d.enterpriseId.equals(e.id)) {
            throw ProblemException.notFound("document");
        }
        return d;
    }
}
