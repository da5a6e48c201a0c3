package com.finmatch.enterprise.api;

/**
 * What the resources' OpenAPI annotations share: the headers this service sends and the descriptions of the problem
 * answers it documents per operation (platform's filter adds the Problem schema and the answers every operation has).
 */
final class ApiDocs {

    static final String LOCATION = "Location";
    static final String LOCATION_DOC = "Where the created object is read (a path under this server)";
    static final int LOCATION_MAX = 200;

    static final String ETAG = "ETag";
    static final String ETAG_DOC = "The object's version as an entity tag, e.g. \"3\": send it in If-Match to update";
    static final String ETAG_PATTERN = "^\"[0-9]{1,19}\"$";
    static final int ETAG_MAX = 21;

    static final String IF_MATCH_DOC = "The ETag of the version you change: `\"3\"` (also `W/\"3\"` or `3`)";
    static final int IF_MATCH_MAX = 64;

    static final String NOT_FOUND_ENTERPRISE = "No such enterprise, or not visible to the caller (the same answer)";
    static final String PRECONDITION_FAILED = "If-Match names another version than the current one: read it again";
    static final String PRECONDITION_REQUIRED = "If-Match is missing";

    private ApiDocs() {
    }
}
