package com.finmatch.enterprise.api;

/**
 * What the resources' OpenAPI annotations share: the If-Match parameter and the descriptions of the problem answers
 * it documents per operation (platform's filter adds the Problem schema, the ETag and Location headers, the answers
 * every operation has and the optional ones, e.g. {@code ref = "Problem412"}).
 */
final class ApiDocs {

    static final String IF_MATCH_DOC = "The ETag of the version you change: `\"3\"` (also `W/\"3\"` or `3`)";
    static final int IF_MATCH_MAX = 64;

    static final String NOT_FOUND_ENTERPRISE = "No such enterprise, or not visible to the caller (the same answer)";

    private ApiDocs() {
    }
}
