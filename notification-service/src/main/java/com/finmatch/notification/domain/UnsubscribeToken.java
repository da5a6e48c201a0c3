package com.finmatch.notification.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The unsubscribe link's token: {@code base64url(sub|kind).base64url(HMAC-SHA256(secret, sub|kind))}. Whoever holds
 * a mail can turn off that one kind of e-mail for its recipient, and nothing else; a forged or altered token fails.
 */
public final class UnsubscribeToken {

    /** What a valid token names. */
    public record Subject(String userSub, NotificationKind kind) {
    }

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private UnsubscribeToken() {
    }

    public static String sign(String secret, String userSub, NotificationKind kind) {
        byte[] content = (userSub + "|" + kind.name()).getBytes(StandardCharsets.UTF_8);
        return ENC.encodeToString(content) + "." + ENC.encodeToString(hmac(secret, content));
    }

    public static Optional<Subject> verify(String secret, String token) {
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] content = DEC.decode(token.substring(0, dot));
            byte[] mac = DEC.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, hmac(secret, content))) {
                return Optional.empty();
            }
            String text = new String(content, StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            if (bar <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Subject(text.substring(0, bar), NotificationKind.valueOf(text.substring(bar + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(String secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
