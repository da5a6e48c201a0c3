package com.finmatch.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One entry of the audit trail: who (token subject and user name, roles), when, what (HTTP method and route template),
 * which objects (the path's parameters by name), the answer's status, from which client (the token's {@code azp} and
 * the remote address), and its place in the chain: its sequence number, the previous entry's hash and its own hash,
 * the SHA-256 of {@link #canonical()}, which covers every other field (the previous hash included).
 */
public record AuditEntry(long seq, UUID id, Instant at, String subject, String userName, String roles,
        String clientId, String remoteAddress, String method, String route, SortedMap<String, String> objects,
        int status, String prevHash, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is known of a request before it takes its place in the chain. */
    public record Draft(UUID id, Instant at, String subject, String userName, String roles, String clientId,
            String remoteAddress, String method, String route, SortedMap<String, String> objects, int status) {
    }

    /** The draft as the chain's entry {@code seq} after the entry whose hash is {@code prevHash}. */
    public static AuditEntry chain(Draft d, long seq, String prevHash) {
        AuditEntry unsealed = new AuditEntry(seq, d.id(), d.at(), d.subject(), d.userName(), d.roles(), d.clientId(),
                d.remoteAddress(), d.method(), d.route(), new TreeMap<>(d.objects()), d.status(), prevHash, null);
        return unsealed.withHash(unsealed.computeHash());
    }

    /** "POST /api/v1/leads/{id}/decisions". */
    public String action() {
        return method + " " + route;
    }

    /**
     * The hashed content: a JSON array of every field but the hash, in a fixed order, the objects sorted by name and
     * the time as ISO-8601 (the database keeps microseconds, so does {@link AuditTrail} before hashing).
     */
    public String canonical() {
        Object[] fields = {seq, id.toString(), at.toString(), subject, userName, roles, clientId, remoteAddress, method,
                route, objects, status, prevHash};
        try {
            return JSON.writeValueAsString(Arrays.asList(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of the canonical content, in lower-case hex. */
    public String computeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    AuditEntry withHash(String newHash) {
        return new AuditEntry(seq, id, at, subject, userName, roles, clientId, remoteAddress, method, route, objects,
                status, prevHash, newHash);
    }

    /** The objects as JSON ({@code {"id": "…"}}), as the database keeps them. */
    public String objectsJson() {
        try {
            return JSON.writeValueAsString(objects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SortedMap<String, String> objectsOf(String json) {
        try {
            Map<String, String> map = JSON.readerForMapOf(String.class).readValue(json);
            return new TreeMap<>(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit objects are not a JSON object of strings: " + json, e);
        }
    }
}
