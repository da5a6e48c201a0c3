package com.finmatch.platform.events;

/** Kafka header names of a CloudEvents 1.0 record in binary mode (CONTRACT.md, Events). */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";
    public static final String TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }
}
