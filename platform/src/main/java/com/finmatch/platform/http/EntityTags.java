package com.finmatch.platform.http;

import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Versions as entity tags, the one way every service answers with them and checks them: an answer carries
 * {@code ETag: "3"} (the object's version); a change sends it back in {@code If-Match}, which accepts {@code "3"},
 * {@code W/"3"} and {@code 3} — missing is 428, another version is 412. The OpenAPI components {@code ETag} and
 * {@code Location} (platform's filter) document the headers; annotate an answer with
 * {@code @Header(name = "ETag", ref = "ETag")}.
 */
public final class EntityTags {

    /** A version no object has: what an If-Match that is not one of our tags names. */
    static final long NO_VERSION = -1;

    private EntityTags() {
    }

    /** 200 with the body and its version as ETag. */
    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(Long.toString(version)).build();
    }

    /** 201 with the created object, where it is read ({@code Location}, a path under this server) and its ETag. */
    public static Response created(String location, Object body, long version) {
        return Response.created(URI.create(location)).entity(body).tag(Long.toString(version)).build();
    }

    /** 201 with the created object and where it is read, for an object that is never changed through If-Match. */
    public static Response created(String location, Object body) {
        return Response.created(URI.create(location)).entity(body).build();
    }

    /** The version {@code ifMatch} names; 428 when it is missing (an unreadable tag names no version: 412 later). */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return NO_VERSION;
        }
    }

    /** 412 unless {@code named} (from {@link #required}) is the object's current version. */
    public static void check(long named, long current) {
        if (named != current) {
            throw ProblemException.preconditionFailed();
        }
    }

    /**
     * Whether an {@code If-None-Match} header names {@code etag} (a quoted tag as sent in {@code ETag}): {@code *}, or
     * one of its comma-separated tags by the weak comparison RFC 9110 asks for here ({@code W/} ignored). A GET that
     * matches is answered 304 Not Modified.
     */
    public static boolean noneMatchNames(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /** Both at once: 428 when If-Match is missing, 412 when it names another version than {@code current}. */
    public static void ifMatch(String ifMatch, long current) {
        check(required(ifMatch), current);
    }
}
