package com.finmatch.testing.badinput;

/**
 * One generated request: its family ({@code kind}), the field it spoils ({@code body} for the body as a whole), the
 * Content-Type it is sent with (null: none) and the raw body.
 */
public record BadRequest(String kind, String field, String contentType, byte[] body) {

    public String describe() {
        String text = new String(body, 0, Math.min(body.length, 160), java.nio.charset.StandardCharsets.UTF_8);
        return kind + " " + field + " [" + contentType + "] " + text + (body.length > 160 ? "… (" + body.length + " bytes)" : "");
    }
}
