package com.finmatch.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How every edit form of the portal saves. The services replace a whole resource on PUT, while a form shows only some
 * of its fields; so a save lays the fields the form shows over the resource as stored and sends every other field
 * back exactly as it was — nothing a form does not show is ever lost, and no page has to list what it does not edit.
 * A shown field the user cleared is sent as absent (null). The PUT carries the version the form was opened at
 * ({@code If-Match}), so a change made meanwhile is refused (412), never overwritten.
 *
 * @param shown    the resource's fields the form shows and edits
 * @param readOnly the fields the service sets itself (id, version, timestamps, status …), never sent back
 */
public record EditForm(Set<String> shown, Set<String> readOnly) {

    /** The body of the PUT: {@code stored} without its read-only fields, with the form's values for its shown fields. */
    public Map<String, Object> overlay(Map<String, Object> stored, Map<String, Object> fromForm) {
        Map<String, Object> body = new LinkedHashMap<>(stored);
        body.keySet().removeAll(readOnly);
        for (String field : shown) {
            body.put(field, fromForm.get(field));
        }
        body.values().removeIf(java.util.Objects::isNull);
        return body;
    }

    /** An ETag as the form keeps it (the bare version): quotes and the weak prefix removed. */
    public static String version(String etag) {
        return etag == null ? null : etag.replace("W/", "").replace("\"", "");
    }

    /** The {@code If-Match} header for the version a form was opened at. */
    public static String ifMatch(String version) {
        return "\"" + Forms.text(version) + "\"";
    }
}
