package com.finmatch.portal.web;

import com.finmatch.portal.client.ClientJson;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How every edit form of the portal saves. The services replace a whole resource on PUT, while a form shows only some
 * of its fields; so a save lays the fields the form shows over the resource as stored and sends every other field
 * back exactly as it was — nothing a form does not show is ever lost, and no page has to list what it does not edit.
 * A shown field the user cleared is sent as absent (null). The PUT carries the version the form was opened at
 * ({@code If-Match} of the resource's {@code version}), so a change made meanwhile is refused (412), never overwritten.
 *
 * <p>The stored resource is the generated view type (e.g. {@code ProductView}) and the body the generated request type
 * ({@code ProductRequest}): the overlay is done on the resource's JSON between the two (one {@code convertValue} each
 * way), so what the request type does not have — id, version, status, timestamps, the service's own fields — is
 * dropped by the type, and every field both have travels back unchanged.
 *
 * @param shown the resource's fields the form shows and edits
 */
public record EditForm(Set<String> shown) {

    /** The body of the PUT: {@code stored} with the form's values for its shown fields, as the request type. */
    public <T> T overlay(Object stored, Map<String, Object> fromForm, Class<T> request) {
        Map<String, Object> body = ClientJson.object(stored);
        for (String field : shown) {
            body.put(field, fromForm.get(field));
        }
        body.values().removeIf(Objects::isNull);
        return ClientJson.request(body, request);
    }

    /** The {@code If-Match} header for the version a form was opened at (the resource's {@code version}). */
    public static String ifMatch(String version) {
        return "\"" + Forms.text(version) + "\"";
    }
}
