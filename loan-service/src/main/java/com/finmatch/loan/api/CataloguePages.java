package com.finmatch.loan.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.loan.domain.LoanProduct;
import com.finmatch.loan.service.CatalogueService;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public catalogue's pages as sent — JSON bytes and a strong entity tag (a hash of those bytes) — kept per filter,
 * page and day while the catalogue's revision stays the same. Every request reads the revision
 * ({@link CatalogueService#revision}, one primary-key read) and is answered from memory only when the page was
 * rendered at that revision: a product change is visible on every replica from its commit on, exactly as without the
 * cache, and no event or message between replicas is needed. Only the public answer (published products, the same
 * for every caller) is kept; a bank's own lists never pass here. The kept pages are bounded by
 * {@link #BUDGET_BYTES}: when a new page would pass it, the kept ones are dropped.
 */
@ApplicationScoped
public class CataloguePages {

    /** Memory the kept pages may take (a first page of 20 products is about 30 KB). */
    static final long BUDGET_BYTES = 16L << 20;

    /**
     * A page as sent: the body and its entity tag, quoted ({@code "…"}). Jackson writes it as the JSON it holds, from
     * bytes encoded once ({@link SerializedString} keeps its UTF-8).
     */
    public record Page(SerializedString json, String etag) implements JsonSerializable {

        int size() {
            return json.asUnquotedUTF8().length;
        }

        @Override
        public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeRawValue(json);
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
                throws IOException {
            serialize(gen, serializers);
        }
    }

    private record Key(CatalogueService.Filter filter, int page, int size, LocalDate today) {
    }

    private record Kept(long revision, Page page) {
    }

    @Inject
    CatalogueService catalogue;

    @Inject
    ObjectMapper json;

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    /** The revision of the kept pages, and their size; guarded by {@code this}. */
    private long keptRevision;
    private long keptBytes;

    /** The published catalogue's page for the filter (its status must be PUBLISHED or null), as of now. */
    public Page published(CatalogueService.Filter filter, PageRequest request, LocalDate today) {
        long revision = catalogue.revision();
        Key key = new Key(filter, request.page, request.size, today);
        Kept hit = kept.get(key);
        if (hit != null && hit.revision() == revision) {
            return hit.page();
        }
        // rendered after the revision was read: at least as new as that revision (never older than the request)
        Page page = render(catalogue.search(filter, request, today));
        keep(key, new Kept(revision, page));
        return page;
    }

    private synchronized void keep(Key key, Kept page) {
        if (page.revision() < keptRevision) {
            return; // rendered at a revision that has moved on: worthless to later requests
        }
        if (page.revision() > keptRevision || keptBytes + page.page().size() > BUDGET_BYTES) {
            kept.clear();
            keptBytes = 0;
            keptRevision = page.revision();
        }
        Kept before = kept.put(key, page);
        keptBytes += page.page().size() - (before == null ? 0 : before.page().size());
    }

    private Page render(PageResponse<LoanProduct> found) {
        try {
            byte[] body = json.writeValueAsBytes(ProductView.page(found));
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return new Page(new SerializedString(new String(body, StandardCharsets.UTF_8)), '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 18))
                    + '"');
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the catalogue page could not be written", e);
        }
    }
}
