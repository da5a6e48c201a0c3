package com.finmatch.portal.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.portal.client.loan.model.Message;
import com.finmatch.portal.client.loan.model.NotEligibleProblem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's problem+json answer (RFC 9457) as a form needs it: the status, the detail, and the message per field
 * from {@code violations[{field, message}]}.
 */
@io.quarkus.qute.TemplateData
public record Problem(int status, String detail, Map<String, String> fieldErrors) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Problem of(WebApplicationException e) {
        Response r = e.getResponse();
        int status = r == null ? 500 : r.getStatus();
        Map<String, Object> body = body(r);
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.get("violations") instanceof List<?> violations) {
            for (Object v : violations) {
                if (v instanceof Map<?, ?> m && m.get("field") != null) {
                    String field = m.get("field").toString();
                    fields.merge(field.substring(field.lastIndexOf('.') + 1),
                            String.valueOf(m.get("message")), (a, b) -> a + "; " + b);
                }
            }
        }
        Object detail = body.getOrDefault("detail", body.get("title"));
        return new Problem(status, detail == null ? null : detail.toString(), fields);
    }

    /** The {@code failedRules} of loan-service's NotEligibleProblem (an enrolment refused for unmet entry criteria), in order. */
    public static List<Message> failedRules(WebApplicationException e) {
        try {
            List<Message> rules = ClientJson.mapper().convertValue(body(e.getResponse()), NotEligibleProblem.class)
                    .getFailedRules();
            return rules == null ? List.of() : rules;
        } catch (IllegalArgumentException notThatProblem) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response r) {
        if (r == null) {
            return Map.of();
        }
        try {
            Object entity = r.getEntity();
            if (entity instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            String text = entity instanceof String s ? s : r.readEntity(String.class);
            return text == null || text.isBlank() ? Map.of() : JSON.readValue(text, Map.class);
        } catch (RuntimeException | java.io.IOException ex) {
            return Map.of();
        }
    }

    public boolean invalid() {
        return status == 400;
    }
}
